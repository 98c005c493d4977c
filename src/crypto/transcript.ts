/**
 * Fiat–Shamir transcripts (§3) and domain tags (§9). A transcript is a list of 32-byte words;
 * its hash equals Solidity's keccak256(abi.encode(words...)).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { bigIntToWord, bytesToBigInt, hexToBigInt, wordToHex, type Hex } from "./bytes";
import { MalformedInputError } from "./errors";
import { modR, type Point } from "./group";

function tag(label: string): bigint {
  return bytesToBigInt(keccak_256(utf8ToBytes(label)));
}

/** §9: keccak256 of each ASCII label. */
export const DomainTag = {
  electionId: tag("shafaf/v1/election-id"),
  zeroOne: tag("shafaf/v1/zero-one-proof"),
  selection: tag("shafaf/v1/selection-proof"),
  schnorr: tag("shafaf/v1/schnorr-proof"),
  decryption: tag("shafaf/v1/decryption-proof"),
  complaint: tag("shafaf/v1/complaint-proof"),
  sharePad: tag("shafaf/v1/share-encryption"),
  receipt: tag("shafaf/v1/receipt"),
} as const;

export type Word = bigint;

/** keccak256(W₁ ‖ … ‖ Wₙ) as a uint256. */
export function hashWords(words: readonly Word[]): bigint {
  const buffer = new Uint8Array(words.length * 32);
  words.forEach((word, i) => buffer.set(bigIntToWord(word), i * 32));
  return bytesToBigInt(keccak_256(buffer));
}

/** §3.1: c = uint256(keccak256(W₁ ‖ … ‖ Wₙ)) mod r. */
export function challenge(words: readonly Word[]): bigint {
  return modR(hashWords(words));
}

export function pointWords(...points: readonly Point[]): Word[] {
  return points.flatMap((p) => [p.x, p.y]);
}

/** §3.2: electionId = keccak256(TAG_ELECTION_ID ‖ chainId ‖ electionContract). */
export function electionIdFor(chainId: bigint, electionContract: Hex): Hex {
  const address = hexToBigInt(electionContract, "election contract address", 20);
  return wordToHex(hashWords([DomainTag.electionId, chainId, address]));
}

/** §3.3: the words that bind a ballot proof to election, contest and voter credential. */
export interface BallotContext {
  /** §3.2 election identifier, 0x-prefixed 32 bytes. */
  electionId: Hex;
  contestIndex: number;
  /** The voter credential's Ethereum address. */
  voter: Hex;
}

export function ballotContextWords(context: BallotContext): Word[] {
  return [
    hexToBigInt(context.electionId, "electionId"),
    indexWord(context.contestIndex, "contestIndex"),
    hexToBigInt(context.voter, "voter", 20),
  ];
}

/** A non-negative integer index (contest, option, trustee) as a transcript word. */
export function indexWord(value: number, field: string): Word {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new MalformedInputError(field, "must be a non-negative integer", "§3.1");
  }
  return BigInt(value);
}

/** A bytes32 value (electionId) as a transcript word. */
export function hexToWord(value: Hex, field: string): Word {
  return hexToBigInt(value, field);
}
