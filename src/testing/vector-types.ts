/**
 * Shapes of the test vectors in test/vectors/*.json (docs/protocol.md, version 1). Shared by the
 * generator (src/testing/test-vectors.ts) and the checkers (test/vectors.test.ts, and the
 * on-chain test/contracts/crypto/vectors.test.ts). Field names and struct shapes are those of
 * the SDK and of contracts/crypto/CryptoTypes.sol, so a case can be passed to either as is.
 */
import type {
  Ciphertext,
  Complaint,
  DleqProof,
  EncryptedContest,
  EncryptedShare,
  Hex,
  InvalidPointReason,
  PartialDecryption,
  Point,
  ProofKind,
  ProofLocation,
  RangeProof,
  SchnorrProof,
  TrusteeCommitments,
  ZeroOneProof,
} from "../crypto";

export interface VectorFile<Case> {
  description: string;
  generator: "scripts/generate-vectors.ts";
  seed: string;
  protocol: "docs/protocol.md";
  cases: Case[];
}

/** A custom error of contracts/crypto/BN254.sol named by §1.2 / §2. */
export interface SolidityError {
  name:
    | "BN254PointAtInfinity"
    | "BN254CoordinateOutOfRange"
    | "BN254PointNotOnCurve"
    | "BN254ScalarOutOfRange";
  args: bigint[];
}

/** The typed error an SDK checker raises (the class name in src/crypto/errors.ts). */
export type ExpectedError =
  | { error: "InvalidPointError"; reason: InvalidPointReason; solidity: SolidityError }
  | { error: "InvalidScalarError"; solidity: SolidityError }
  | { error: "InvalidProofError"; kind: ProofKind; section: string }
  | { error: "MalformedInputError"; section: string };

export type Expected = "valid" | ExpectedError;

// ---------------------------------------------------------------------------------------------
// group.json (§2.1, §2.2)

export type GroupCase =
  | { name: string; kind: "point"; point: Point; expected: "valid" | ExpectedError }
  | { name: string; kind: "scalar"; scalar: bigint; expected: "valid" | ExpectedError };

// ---------------------------------------------------------------------------------------------
// transcript.json (§3, §9)

export interface ZeroOneStatementVector {
  electionId: Hex;
  contestIndex: number;
  voter: Hex;
  optionIndex: number;
  key: Point;
  ciphertext: Ciphertext;
}

export interface SelectionStatementVector {
  electionId: Hex;
  contestIndex: number;
  voter: Hex;
  minSelections: number;
  maxSelections: number;
  key: Point;
  /** The option ciphertexts; the checker computes their aggregate itself (§5.3.3). */
  ciphertexts: Ciphertext[];
}

export interface SchnorrStatementVector {
  electionId: Hex;
  trustee: number;
  coefficientIndex: number;
  commitment: Point;
}

export interface DecryptionStatementVector {
  electionId: Hex;
  contestIndex: number;
  optionIndex: number;
  trustee: number;
  shareKey: Point;
  /** May be (O, O), encoded ((0, 0), (0, 0)) (§2.3). */
  aggregate: Ciphertext;
  partial: Point;
}

export interface ComplaintStatementVector {
  electionId: Hex;
  dealer: number;
  recipient: number;
  recipientKey: Point;
  ephemeral: Point;
  sharedPoint: Point;
}

export type TranscriptCase =
  | { name: string; kind: "domain-tag"; tag: string; label: string; value: bigint }
  | {
      name: string;
      kind: "election-id";
      chainId: bigint;
      electionContract: Hex;
      words: bigint[];
      electionId: Hex;
    }
  | {
      name: string;
      kind: "challenge";
      proof: "zero-one";
      statement: ZeroOneStatementVector;
      commitments: ZeroOneProof;
      words: bigint[];
      challenge: bigint;
    }
  | {
      name: string;
      kind: "challenge";
      proof: "selection";
      statement: SelectionStatementVector;
      aggregate: Ciphertext;
      commitments: RangeProof;
      words: bigint[];
      challenge: bigint;
    }
  | {
      name: string;
      kind: "challenge";
      proof: "schnorr";
      statement: SchnorrStatementVector;
      commitments: SchnorrProof;
      words: bigint[];
      challenge: bigint;
    }
  | {
      name: string;
      kind: "challenge";
      proof: "decryption";
      statement: DecryptionStatementVector;
      commitments: DleqProof;
      words: bigint[];
      challenge: bigint;
    }
  | {
      name: string;
      kind: "challenge";
      proof: "complaint";
      statement: ComplaintStatementVector;
      commitments: DleqProof;
      words: bigint[];
      challenge: bigint;
    }
  | {
      name: string;
      kind: "share-pad";
      electionId: Hex;
      dealer: number;
      recipient: number;
      ephemeral: Point;
      sharedPoint: Point;
      words: bigint[];
      pad: bigint;
    };

export type ChallengeCase = Extract<TranscriptCase, { kind: "challenge" }>;

// ---------------------------------------------------------------------------------------------
// zero-one.json (§5.2), selection.json (§5.3), schnorr.json (§5.4)

export interface ZeroOneCase {
  name: string;
  statement: ZeroOneStatementVector;
  proof: ZeroOneProof;
  expected: Expected;
}

export interface SelectionCase {
  name: string;
  statement: SelectionStatementVector;
  /** Σ of the option ciphertexts (an expected output; (0, 0) encodes O). */
  aggregate: Ciphertext;
  proof: RangeProof;
  expected: Expected;
}

export interface SchnorrCase {
  name: string;
  statement: SchnorrStatementVector;
  proof: SchnorrProof;
  expected: Expected;
}

// ---------------------------------------------------------------------------------------------
// ballot.json (§8)

export interface BallotCase {
  name: string;
  parameters: {
    contestIndex: number;
    options: number;
    minSelections: number;
    maxSelections: number;
  };
  subject: { electionId: Hex; voter: Hex; key: Point };
  contest: EncryptedContest;
  expected: Expected;
  /** With an InvalidProofError: every failing proof, in the order of §8.2 (option indices, then "selection"). */
  invalidProofs?: ProofLocation[];
}

// ---------------------------------------------------------------------------------------------
// decryption.json (§4.4, §5.5)

export interface DecryptionCase {
  name: string;
  statement: DecryptionStatementVector;
  proof: DleqProof;
  /** The trustee's share; here it is the whole secret of a single-party key (§4.1, K = xG). */
  shareSecret: bigint;
  expected: Expected;
  /** With a valid proof: t such that tG = B − M (§4.4), found with the bound of §7.4. */
  count?: number;
  bound?: number;
}

// ---------------------------------------------------------------------------------------------
// ceremony.json (§6)

export interface ComplaintVector {
  name: string;
  complaint: Complaint;
  /** s = σ XOR pad recomputed from the revealed D (§6.4); absent when the proof is invalid. */
  revealedShare?: bigint;
  /** §6.3 on the revealed share; absent when the proof is invalid. */
  shareValid?: boolean;
  expected: "upheld" | "dismissed" | "invalid";
}

export interface CeremonyCase {
  name: string;
  electionId: Hex;
  trustees: number;
  threshold: number;
  /** §6.1: every proof is valid. */
  commitments: TrusteeCommitments[];
  /** §6.2: from every dealer to every other trustee, in (dealer, recipient) order. */
  encryptedShares: EncryptedShare[];
  complaints: ComplaintVector[];
  /** §6.5. */
  jointKey: Point;
  /** §6.6, for trustees 1 … n. */
  shareKeys: { trustee: number; key: Point }[];
}

// ---------------------------------------------------------------------------------------------
// threshold.json (§7)

export interface ThresholdCase {
  name: string;
  electionId: Hex;
  contestIndex: number;
  optionIndex: number;
  trustees: number;
  threshold: number;
  /** The ceremony of ceremony.json: its joint key and the share keys of the partials' trustees. */
  jointKey: Point;
  shareKeys: { trustee: number; key: Point }[];
  /** The option ciphertexts of the ballots (each encrypts 0 or 1) and their sum (A, B). */
  ciphertexts: Ciphertext[];
  aggregate: Ciphertext;
  /** §7.1, each with a valid decryption proof (§5.5). */
  partials: PartialDecryption[];
  /** §7.4: the number of eligible voters. */
  bound: number;
  claimedCount: number;
  expected: {
    /** λ_l for the partials' trustees, in their order (§7.2). */
    lagrange: bigint[];
    /** M = Σ λ_l·M_l (§7.2). */
    combined: Point;
    /** t with tG = B − M and 0 ≤ t ≤ bound, or null if there is none (DecryptionOutOfBoundError). */
    decryptedCount: number | null;
    /** §7.3 verdict on claimedCount. */
    claimAccepted: boolean;
  };
}

export interface VectorFiles {
  group: VectorFile<GroupCase>;
  transcript: VectorFile<TranscriptCase>;
  "zero-one": VectorFile<ZeroOneCase>;
  selection: VectorFile<SelectionCase>;
  ballot: VectorFile<BallotCase>;
  schnorr: VectorFile<SchnorrCase>;
  decryption: VectorFile<DecryptionCase>;
  ceremony: VectorFile<CeremonyCase>;
  threshold: VectorFile<ThresholdCase>;
}

export type VectorName = keyof VectorFiles;

export const VECTOR_NAMES: readonly VectorName[] = [
  "group",
  "transcript",
  "zero-one",
  "selection",
  "ballot",
  "schnorr",
  "decryption",
  "ceremony",
  "threshold",
];
