/** §2.4: every secret scalar comes from CSPRNG bytes mapped into [1, r − 1]. */
import { mapHashToField } from "@noble/curves/abstract/modular.js";
import { randomBytes as cryptoRandomBytes } from "@noble/hashes/utils.js";
import { bytesToBigInt } from "./bytes";
import { GROUP_ORDER } from "./group";

/** A source of random bytes. Production code always uses the default (the platform CSPRNG). */
export type RandomSource = (length: number) => Uint8Array;

export const csprng: RandomSource = (length) => cryptoRandomBytes(length);

/** 48 random bytes reduced into [1, r − 1]: bias below 2⁻¹²⁸, never zero. */
export function randomScalar(random: RandomSource = csprng): bigint {
  return bytesToBigInt(mapHashToField(random(48), GROUP_ORDER));
}

/** A uniformly random non-zero 128-bit batch weight (§8.3). */
export function randomWeight(random: RandomSource = csprng): bigint {
  for (;;) {
    const weight = bytesToBigInt(random(16));
    if (weight !== 0n) return weight;
  }
}
