/** Shafaf election ledger SDK: see docs/protocol.md §10–§14. */
export * from "./abi";
export * from "./types";
export * from "./hashes";
export * from "./credential";
export * from "./roll";
export * from "./ballot";
export * from "./transact";
export * from "./deploy";
export * from "./registrar";
export * from "./gateway";
export * from "./trustee";
export * from "./ceremony";
export * from "./observer";
export * from "./tally";
