/**
 * §11: the voter credential, derived on the voter's device from the commission's passcode AND
 * the voter's own secret with scrypt, salted by the election. Neither input alone derives it.
 */
import { mapHashToField } from "@noble/curves/abstract/modular.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { scrypt, scryptAsync } from "@noble/hashes/scrypt.js";
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Address, Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";
import { MalformedInputError } from "../crypto";

export const MIN_VOTER_SECRET_LENGTH = 6;
const SALT_LABEL = utf8ToBytes("shafaf/v1/credential");

export interface CredentialInput {
  passcode: string;
  voterSecret: string;
  /** §3.2 election id. */
  electionId: Hex;
  /** log₂ N of scrypt (§11.1), an election parameter. */
  kdfLog2N: number;
}

export interface Credential {
  account: PrivateKeyAccount;
  address: Address;
}

function scryptInputs(input: CredentialInput): {
  password: Uint8Array;
  salt: Uint8Array;
  N: number;
} {
  const passcode = input.passcode.normalize("NFKC");
  const secret = input.voterSecret.normalize("NFKC");
  if (passcode.includes("\0") || secret.includes("\0")) {
    throw new MalformedInputError(
      "passcode or voter secret",
      "must not contain the NUL character (it separates them, §11.1)",
      "§11.1",
    );
  }
  if (passcode.length === 0) {
    throw new MalformedInputError(
      "passcode",
      "the passcode issued by the commission is empty",
      "§11.1",
    );
  }
  if (secret.length < MIN_VOTER_SECRET_LENGTH) {
    throw new MalformedInputError(
      "voter secret",
      `must have at least ${MIN_VOTER_SECRET_LENGTH} characters`,
      "§11.1",
    );
  }
  if (!Number.isInteger(input.kdfLog2N) || input.kdfLog2N < 10 || input.kdfLog2N > 24) {
    throw new MalformedInputError("kdfLog2N", "must be an integer from 10 to 24", "§11.1");
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(input.electionId)) {
    throw new MalformedInputError("electionId", "must be 32 bytes of 0x-prefixed hex", "§3.2");
  }
  return {
    password: concatBytes(utf8ToBytes(passcode), new Uint8Array([0]), utf8ToBytes(secret)),
    salt: concatBytes(SALT_LABEL, hexToBytes(input.electionId.slice(2))),
    N: 2 ** input.kdfLog2N,
  };
}

function fromSeed(seed: Uint8Array): Credential {
  const key = mapHashToField(seed, secp256k1.Point.Fn.ORDER);
  const account = privateKeyToAccount(`0x${bytesToHex(key)}`);
  return { account, address: account.address };
}

/** §11.1, synchronously (tests, CLI). */
export function deriveCredential(input: CredentialInput): Credential {
  const { password, salt, N } = scryptInputs(input);
  return fromSeed(scrypt(password, salt, { N, r: 8, p: 1, dkLen: 48 }));
}

/** §11.1 without blocking the event loop (browsers, servers); reports progress in [0, 1]. */
export async function deriveCredentialAsync(
  input: CredentialInput,
  onProgress?: (fraction: number) => void,
): Promise<Credential> {
  const { password, salt, N } = scryptInputs(input);
  return fromSeed(await scryptAsync(password, salt, { N, r: 8, p: 1, dkLen: 48, onProgress }));
}
