/**
 * Deterministic random sources for tests. The SDK takes an optional `RandomSource` (§2.4) only
 * so that tests and test vectors can be reproduced; production code never passes one. Property
 * tests draw a seed from fast-check and hand the SDK a source derived from it, so that a failing
 * case printed by fast-check can be replayed exactly.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { RandomSource } from "../../src/crypto";

/** Number of runs of every fast-check property: 1000 by default and in CI. */
export const FAST_CHECK_RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);

function seedBytes(seed: Uint8Array | number | string): Uint8Array {
  if (seed instanceof Uint8Array) return seed;
  return new TextEncoder().encode(`shafaf-test-seed:${seed}`);
}

/** keccak256(seed ‖ counter) in counter mode: an endless, reproducible byte stream. */
export function seededRandom(seed: Uint8Array | number | string): RandomSource {
  const prefix = seedBytes(seed);
  let counter = 0;
  let pool = new Uint8Array(0);
  return (length: number) => {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (pool.length === 0) {
        const block = new Uint8Array(prefix.length + 8);
        block.set(prefix);
        new DataView(block.buffer).setBigUint64(prefix.length, BigInt(counter++));
        pool = keccak_256(block);
      }
      const take = Math.min(pool.length, length - filled);
      out.set(pool.subarray(0, take), filled);
      pool = pool.subarray(take);
      filled += take;
    }
    return out;
  };
}

/** A source that returns the same bytes on every call (weights of a batch all equal). */
export function constantRandom(byte: number): RandomSource {
  return (length: number) => new Uint8Array(length).fill(byte);
}
