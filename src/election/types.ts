/** TypeScript mirrors of the Solidity structs of contracts/election/ElectionTypes.sol (§10, §12). */
import type { Address, Hex } from "viem";
import type { Ciphertext, Point, RangeProof, ZeroOneProof } from "../crypto";

export interface ContestConfig {
  options: number;
  minSelections: number;
  maxSelections: number;
}

export interface ElectionConfig {
  /** UTC seconds (§10.2). */
  pollingStart: bigint;
  pollingEnd: bigint;
  manifestHash: Hex;
  credentialKdfLog2N: number;
  contests: ContestConfig[];
  /** Per constituency, its contest ids, strictly ascending. */
  constituencyContests: bigint[][];
}

export interface ContestBallot {
  contestId: bigint;
  ciphertexts: Ciphertext[];
  optionProofs: ZeroOneProof[];
  selectionProof: RangeProof;
}

export interface Ballot {
  credential: Address;
  constituency: bigint;
  previousReceipt: Hex;
  contests: ContestBallot[];
}

export interface EncryptedShareInput {
  recipient: bigint;
  ephemeral: Point;
  masked: bigint;
}

/** The three contracts of one election (IElectionRegistry.Deployment). */
export interface ElectionAddresses {
  election: Address;
  ceremony: Address;
  tally: Address;
}

export const ZERO_HASH: Hex = `0x${"00".repeat(32)}`;
