/**
 * The public record of one election as an independent verifier reads it from the chain
 * (events, calldata and a few view calls), and the verifier's report. Plain data: bigints,
 * hex strings and arrays only, so a record can be stored, copied (`structuredClone`) and
 * re-verified offline.
 */
import type { Address, Hex } from "viem";
import type { Ciphertext, DleqProof, Point, SchnorrProof } from "../crypto";
import type { Ballot, ContestBallot, ContestConfig, ElectionAddresses } from "../election";

/** Where and when an event was emitted. */
export interface EventMeta {
  blockNumber: bigint;
  /** Block timestamp, UTC seconds. */
  timestamp: bigint;
  transactionHash: Hex;
  logIndex: number;
}

/** §10 parameters, from the election's and the ceremony's view functions. */
export interface ElectionParameters {
  pollingStart: bigint;
  pollingEnd: bigint;
  manifestHash: Hex;
  kdfLog2N: number;
  contests: ContestConfig[];
  /** Per constituency, its contest ids (§10.1). */
  constituencyContests: bigint[][];
  /** Number of trustees n and threshold k (§6). */
  trustees: number;
  threshold: number;
}

/** §13.1 CommitmentsPosted. */
export interface RecordedCommitments {
  meta: EventMeta;
  trustee: number;
  commitments: Point[];
  proofs: SchnorrProof[];
}

/** §13.2 SharePosted. */
export interface RecordedShare {
  meta: EventMeta;
  dealer: number;
  recipient: number;
  ephemeral: Point;
  masked: bigint;
}

/** §13.3 ComplaintDecided. */
export interface RecordedComplaint {
  meta: EventMeta;
  dealer: number;
  recipient: number;
  upheld: boolean;
  sharedPoint: Point;
  proof: DleqProof;
}

/** §13.4 CeremonySealed. */
export interface RecordedSeal {
  meta: EventMeta;
  jointKey: Point;
  shareKeys: Point[];
}

export interface CeremonyRecord {
  commitments: RecordedCommitments[];
  shares: RecordedShare[];
  confirmations: { meta: EventMeta; trustee: number }[];
  complaints: RecordedComplaint[];
  failures: { meta: EventMeta; dealer: number }[];
  sealed: RecordedSeal | undefined;
}

/** §10.3 EligibilityRootSet. */
export interface RecordedRoot {
  meta: EventMeta;
  constituency: bigint;
  root: Hex;
  voters: bigint;
}

/** The ballot's content, decoded from the calldata of the transaction that cast it. */
export interface DecodedSubmission {
  /** The function called on the election. */
  via: "castBallot" | "castBallots";
  ballot: Ballot;
  signature: Hex;
  /** The superseded ballot's ciphertexts, as resupplied (§12.5); empty for a first ballot. */
  superseded: Ciphertext[];
}

/** §12.6.9 BallotCast, with the ballot recovered from calldata (or why it could not be). */
export interface RecordedBallot {
  meta: EventMeta;
  credential: Address;
  constituency: bigint;
  receipt: Hex;
  supersededReceipt: Hex;
  ciphertextsHash: Hex;
  submission: DecodedSubmission | undefined;
  /** Set when the calldata could not be decoded (e.g. cast through another contract). */
  decodeError: string | undefined;
}

/** §12.7 BallotSpoiled, with the opened ballot's contests from calldata. */
export interface RecordedSpoiled {
  meta: EventMeta;
  constituency: bigint;
  ciphertextsHash: Hex;
  nonces: bigint[];
  selections: bigint[];
  contests: ContestBallot[] | undefined;
  decodeError: string | undefined;
}

/** §14.1 DecryptionSharesPosted. */
export interface RecordedDecryption {
  meta: EventMeta;
  contestId: bigint;
  trustee: number;
  partials: Point[];
  proofs: DleqProof[];
}

/** §14.2 ContestFinalized. */
export interface RecordedFinalization {
  meta: EventMeta;
  contestId: bigint;
  counts: bigint[];
  trustees: number[];
}

/** §14.3 ContestExcluded. */
export interface RecordedExclusion {
  meta: EventMeta;
  contestId: bigint;
  orderHash: Hex;
}

export interface ElectionRecord {
  addresses: ElectionAddresses;
  chainId: bigint;
  electionId: Hex;
  /** Block range the record covers; view calls were made at `toBlock`. */
  fromBlock: bigint;
  toBlock: bigint;
  parameters: ElectionParameters;
  ceremony: CeremonyRecord;
  roll: RecordedRoot[];
  /** ElectionKeySet. */
  electionKey: { meta: EventMeta; key: Point } | undefined;
  /** Every BallotCast, in chain order. */
  ballots: RecordedBallot[];
  spoiled: RecordedSpoiled[];
  /** `totals(contestId)` of every contest at `toBlock`, by contest id (§4.3). */
  totals: Ciphertext[][];
  decryptions: RecordedDecryption[];
  finalizations: RecordedFinalization[];
  exclusions: RecordedExclusion[];
}

/** One check of the verifier, named by the docs/protocol.md section that defines it. */
export interface CheckResult {
  step: string;
  title: string;
  ok: boolean;
  detail: string;
  failures: string[];
}

export interface VerificationReport {
  verdict: "verified" | "failed";
  election: Address;
  checks: CheckResult[];
}
