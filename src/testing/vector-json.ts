/**
 * The JSON form of the test vectors (test/vectors/*.json).
 *
 * - every bigint is written as a 32-byte word: "0x" + 64 lowercase hex digits (a uint256, the
 *   form in which §2 scalars, coordinates and transcript words travel);
 * - on reading, every string of exactly that form becomes a bigint again, except under the keys
 *   in HEX_STRING_KEYS (the 32-byte identifiers the SDK takes as `Hex` strings);
 * - addresses (20 bytes) and all other strings and numbers are left as they are.
 *
 * Output is 2-space indented with a final newline, and stable: the same value always gives the
 * same bytes (key order is the insertion order of the generator's object literals).
 */
import { UINT256_MAX, wordToHex } from "../crypto";

/** Keys whose 0x-prefixed 32-byte values stay strings (`Hex` in the SDK). */
export const HEX_STRING_KEYS: ReadonlySet<string> = new Set(["electionId"]);

const WORD = /^0x[0-9a-f]{64}$/;

export function stringifyVectors(value: unknown): string {
  const text = JSON.stringify(
    value,
    (key, v: unknown) => {
      if (typeof v !== "bigint") return v;
      if (v < 0n || v > UINT256_MAX) {
        throw new RangeError(`vector value at "${key}" does not fit a uint256 word: ${v}`);
      }
      return wordToHex(v);
    },
    2,
  );
  return `${text}\n`;
}

export function parseVectors<T>(text: string): T {
  return JSON.parse(text, (key, v: unknown) =>
    typeof v === "string" && WORD.test(v) && !HEX_STRING_KEYS.has(key) ? BigInt(v) : v,
  ) as T;
}
