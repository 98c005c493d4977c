/** Shafaf independent verifier: reads an election's public record and re-checks every step. */
export * from "./types";
export * from "./record";
export * from "./verifier";
