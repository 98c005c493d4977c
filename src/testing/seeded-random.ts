/**
 * A deterministic byte stream for TEST VECTORS ONLY.
 *
 * ██ NEVER USE THIS OUTSIDE scripts/generate-vectors.ts AND THE TESTS THAT RE-CHECK ITS OUTPUT. ██
 * Anyone who knows the seed (and every seed here is committed to the repository) knows every
 * "random" value it yields: nonces, polynomial coefficients, keys. A ballot or a ceremony built
 * from it is not secret and, because proof nonces repeat across runs, leaks its secrets.
 * Production code never passes a random source; the SDK then uses the CSPRNG (§2.4).
 *
 * Construction (keccak256 in counter mode):
 *
 *     block_i = keccak256(utf8(seed) ‖ uint256_be(i))      for i = 0, 1, 2, …
 *     stream  = block_0 ‖ block_1 ‖ block_2 ‖ …
 *
 * Each call `random(length)` returns the next `length` bytes of the stream, so the output
 * depends only on the seed and on the sequence of lengths requested.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { bigIntToWord, type RandomSource } from "../crypto";

export function seededRandom(seed: string): RandomSource {
  const seedBytes = utf8ToBytes(seed);
  let counter = 0n;
  let block = new Uint8Array(0); // unread bytes of the current block
  return (length: number): Uint8Array => {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`seededRandom: length must be a non-negative integer, got ${length}`);
    }
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      if (block.length === 0) {
        block = keccak_256(concatBytes(seedBytes, bigIntToWord(counter)));
        counter += 1n;
      }
      const take = Math.min(block.length, length - filled);
      out.set(block.subarray(0, take), filled);
      block = block.subarray(take);
      filled += take;
    }
    return out;
  };
}
