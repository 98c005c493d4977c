/** Shafaf cryptography core: see docs/protocol.md for every formula and check. */
export * from "./errors";
export * from "./bytes";
export * from "./group";
export * from "./random";
export * from "./transcript";
export * from "./equations";
export * from "./elgamal";
export * from "./dlog";
export * from "./proofs/range";
export * from "./proofs/zero-one";
export * from "./proofs/selection";
export * from "./proofs/schnorr";
export * from "./proofs/chaum-pedersen";
export * from "./threshold";
export * from "./ballot";
