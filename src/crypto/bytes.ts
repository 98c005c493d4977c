/** Conversions between 32-byte big-endian words, bigints and hex (§3.1). */
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { MalformedInputError } from "./errors";

export type Hex = `0x${string}`;

export const UINT256_MAX = (1n << 256n) - 1n;

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

/** A uint256 as 32 big-endian bytes; throws on negative or oversized values. */
export function bigIntToWord(value: bigint, field = "word"): Uint8Array {
  if (value < 0n || value > UINT256_MAX) {
    throw new MalformedInputError(field, "must fit in an unsigned 256-bit word", "§3.1");
  }
  return hexToBytes(value.toString(16).padStart(64, "0"));
}

export function wordToHex(value: bigint): Hex {
  return `0x${value.toString(16).padStart(64, "0")}`;
}

/** Parses a 0x-prefixed hex word (bytes32 or address) into a bigint. */
export function hexToBigInt(value: string, field: string, bytes = 32): bigint {
  if (typeof value !== "string" || !new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
    throw new MalformedInputError(
      field,
      `expected 0x-prefixed hex of exactly ${bytes} bytes`,
      "§3.1",
    );
  }
  return BigInt(value);
}
