/**
 * Plain-English explanations of every custom error the Shafaf contracts can revert with: the
 * election ledger (docs/protocol.md §10–§14), the crypto libraries (§1–§8) and the OpenZeppelin
 * code they use. The error ABI is taken from the compiled artifacts (`npx hardhat compile`), the
 * sentences from the table below, one per error name; `test/src/chain/errors.test.ts` fails when
 * an error of an artifact has no sentence here.
 */
import {
  decodeErrorResult,
  getAddress,
  keccak256,
  stringToHex,
  type Abi,
  type AbiParameter,
} from "viem";
import BN254Artifact from "../../artifacts/contracts/crypto/BN254.sol/BN254.json";
import ComplaintProofVerifierArtifact from "../../artifacts/contracts/crypto/ComplaintProofVerifier.sol/ComplaintProofVerifier.json";
import ContestBallotVerifierArtifact from "../../artifacts/contracts/crypto/ContestBallotVerifier.sol/ContestBallotVerifier.json";
import DecryptionProofVerifierArtifact from "../../artifacts/contracts/crypto/DecryptionProofVerifier.sol/DecryptionProofVerifier.json";
import ProofVerifierArtifact from "../../artifacts/contracts/crypto/ProofVerifier.sol/ProofVerifier.json";
import RangeProofVerifierArtifact from "../../artifacts/contracts/crypto/RangeProofVerifier.sol/RangeProofVerifier.json";
import SchnorrProofVerifierArtifact from "../../artifacts/contracts/crypto/SchnorrProofVerifier.sol/SchnorrProofVerifier.json";
import ThresholdArtifact from "../../artifacts/contracts/crypto/Threshold.sol/Threshold.json";
import TranscriptArtifact from "../../artifacts/contracts/crypto/Transcript.sol/Transcript.json";
import ZeroOneProofVerifierArtifact from "../../artifacts/contracts/crypto/ZeroOneProofVerifier.sol/ZeroOneProofVerifier.json";
import ElectionArtifact from "../../artifacts/contracts/election/Election.sol/Election.json";
import ElectionRegistryArtifact from "../../artifacts/contracts/election/ElectionRegistry.sol/ElectionRegistry.json";
import ElectionTallyArtifact from "../../artifacts/contracts/election/ElectionTally.sol/ElectionTally.json";
import IElectionArtifact from "../../artifacts/contracts/election/IElection.sol/IElection.json";
import IElectionRegistryArtifact from "../../artifacts/contracts/election/IElectionRegistry.sol/IElectionRegistry.json";
import IElectionTallyArtifact from "../../artifacts/contracts/election/IElectionTally.sol/IElectionTally.json";
import IKeyCeremonyArtifact from "../../artifacts/contracts/election/IKeyCeremony.sol/IKeyCeremony.json";
import KeyCeremonyArtifact from "../../artifacts/contracts/election/KeyCeremony.sol/KeyCeremony.json";
import AccessControlArtifact from "@openzeppelin/contracts/build/contracts/AccessControl.json";
import ClonesArtifact from "@openzeppelin/contracts/build/contracts/Clones.json";
import ECDSAArtifact from "@openzeppelin/contracts/build/contracts/ECDSA.json";
import OzErrorsArtifact from "@openzeppelin/contracts/build/contracts/Errors.json";
import InitializableArtifact from "@openzeppelin/contracts/build/contracts/Initializable.json";
import MerkleProofArtifact from "@openzeppelin/contracts/build/contracts/MerkleProof.json";
import ShortStringsArtifact from "@openzeppelin/contracts/build/contracts/ShortStrings.json";
import { findRevertData } from "./revert";
import { formatPkt, formatPktWindow } from "./time";

/** A decoded revert of a Shafaf contract, explained. */
export interface ShafafRevert {
  /** The Solidity error name, e.g. `ElectionPollingClosed`. */
  errorName: string;
  /** The error's arguments by parameter name (`arg0`, `arg1`, … for unnamed ones), as viem decodes them. */
  args: Record<string, unknown>;
  /** One plain-English sentence a person can act on. */
  message: string;
  /** The docs/protocol.md section of the violated rule, e.g. `§10.2`, where one applies. */
  section?: string;
}

/** A failed contract call, decoded: `message` is the explanation, `cause` the original error. */
export class ShafafContractError extends Error implements ShafafRevert {
  readonly errorName: string;
  readonly args: Record<string, unknown>;
  readonly section?: string;

  constructor(revert: ShafafRevert, options?: { cause?: unknown }) {
    super(revert.message, options);
    this.name = "ShafafContractError";
    this.errorName = revert.errorName;
    this.args = revert.args;
    if (revert.section !== undefined) this.section = revert.section;
  }
}

type Args = Record<string, unknown>;

interface Template {
  /** The rule's section; a function when it depends on the arguments. */
  section?: string | ((args: Args) => string | undefined);
  message: (args: Args) => string;
}

// ---------------------------------------------------------------------------------------------
// ABI: every error of the election and crypto artifacts and of the OpenZeppelin code they use.

/** Artifacts whose errors the Shafaf contracts can revert with (directly or bubbled up). */
const ARTIFACTS: readonly { abi: readonly unknown[] }[] = [
  ElectionArtifact,
  IElectionArtifact,
  KeyCeremonyArtifact,
  IKeyCeremonyArtifact,
  ElectionTallyArtifact,
  IElectionTallyArtifact,
  ElectionRegistryArtifact,
  IElectionRegistryArtifact,
  ProofVerifierArtifact,
  BN254Artifact,
  ComplaintProofVerifierArtifact,
  ContestBallotVerifierArtifact,
  DecryptionProofVerifierArtifact,
  RangeProofVerifierArtifact,
  SchnorrProofVerifierArtifact,
  ThresholdArtifact,
  TranscriptArtifact,
  ZeroOneProofVerifierArtifact,
  AccessControlArtifact,
  InitializableArtifact,
  ECDSAArtifact,
  OzErrorsArtifact,
  ClonesArtifact,
  MerkleProofArtifact,
  ShortStringsArtifact,
];

/** An error item of an ABI. */
export type AbiError = Extract<Abi[number], { type: "error" }>;

/** The canonical type of a parameter, tuples spelled out: `(uint256,uint256)[]`. */
function canonicalType(parameter: AbiParameter): string {
  if (!parameter.type.startsWith("tuple")) return parameter.type;
  const components = "components" in parameter ? parameter.components : [];
  return `(${components.map(canonicalType).join(",")})${parameter.type.slice("tuple".length)}`;
}

/** `Name(type,…)`, the text hashed into the error's selector. */
function signatureOf(item: AbiError): string {
  return `${item.name}(${item.inputs.map(canonicalType).join(",")})`;
}

function collectErrors(artifacts: readonly { abi: readonly unknown[] }[]): readonly AbiError[] {
  const bySignature = new Map<string, AbiError>();
  for (const artifact of artifacts) {
    for (const item of artifact.abi as Abi) {
      if (item.type !== "error") continue;
      const signature = signatureOf(item);
      if (!bySignature.has(signature)) bySignature.set(signature, item);
    }
  }
  return [...bySignature.values()];
}

/** Every custom error the Shafaf contracts can revert with, once each. */
export const SHAFAF_ERROR_ABI: readonly AbiError[] = collectErrors(ARTIFACTS);

// ---------------------------------------------------------------------------------------------
// Formatting.

const UINT256_MAX = (1n << 256n) - 1n;
const ZERO_HASH = `0x${"0".repeat(64)}`;

function big(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^(0x[0-9a-fA-F]+|\d+)$/.test(value)) return BigInt(value);
  return -1n;
}

/** A count or index in decimal. */
function num(value: unknown): string {
  const n = big(value);
  return n < 0n ? String(value) : n.toString();
}

/** An address, checksummed and shortened to `0x1234…abcd`. */
function addr(value: unknown): string {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value)) return String(value);
  const checksummed = getAddress(value);
  return `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
}

/** A 32-byte hash shortened to `0x12345678…abcd`. */
function hash(value: unknown): string {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(value)) return String(value);
  return `${value.slice(0, 10)}…${value.slice(-4)}`.toLowerCase();
}

/** A field element or scalar: small ones in decimal, large ones as a shortened hex word. */
function word(value: unknown): string {
  const n = big(value);
  if (n < 0n) return String(value);
  if (n < 1_000_000n) return n.toString();
  return hash(`0x${n.toString(16).padStart(64, "0")}`);
}

function isMax(value: unknown): boolean {
  return big(value) === UINT256_MAX;
}

function pkt(value: unknown): string {
  const n = big(value);
  return n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER) ? String(value) : formatPkt(n);
}

function window(start: unknown, end: unknown): string {
  const from = big(start);
  const to = big(end);
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  if (from < 0n || to < 0n || from > safe || to > safe) return `[${num(start)}, ${num(end)})`;
  return formatPktWindow(from, to);
}

function plural(count: unknown, singular: string, pluralForm = `${singular}s`): string {
  return `${num(count)} ${big(count) === 1n ? singular : pluralForm}`;
}

const ROLE_NAMES = new Map<string, string>([
  [ZERO_HASH, "commission role (DEFAULT_ADMIN_ROLE)"],
  ...["REGISTRAR_ROLE", "GATEWAY_ROLE", "COMMISSION_ROLE"].map((role): [string, string] => [
    keccak256(stringToHex(role)),
    `${role.slice(0, -"_ROLE".length).toLowerCase()} role (${role})`,
  ]),
]);

function role(value: unknown): string {
  const known = typeof value === "string" ? ROLE_NAMES.get(value.toLowerCase()) : undefined;
  return known ?? `role ${hash(value)}`;
}

const PRECOMPILES = new Map<bigint, string>([
  [5n, "modexp"],
  [6n, "ecAdd"],
  [7n, "ecMul"],
  [8n, "ecPairing"],
]);

const PANIC_REASONS = new Map<bigint, string>([
  [0x00n, "generic compiler panic"],
  [0x01n, "assertion failed"],
  [0x11n, "arithmetic overflow or underflow"],
  [0x12n, "division or modulo by zero"],
  [0x21n, "invalid enum value"],
  [0x22n, "corrupt storage byte array"],
  [0x31n, "pop from an empty array"],
  [0x32n, "array index out of bounds"],
  [0x41n, "out of memory"],
  [0x51n, "call to an uninitialised function"],
]);

const REENCODE = "the data is corrupt or was encoded wrongly, so rebuild it with the Shafaf SDK";

// ---------------------------------------------------------------------------------------------
// One sentence per error name.

const CONFIG_REASONS: Record<string, { section: string; message: (index: unknown) => string }> = {
  pollingWindow: {
    section: "§10.2",
    message: (start) =>
      `The election parameters are invalid: the polling window must open in the future and close after it opens (opening given: ${pkt(start)}).`,
  },
  credentialKdfLog2N: {
    section: "§11.1",
    message: (n) =>
      `The election parameters are invalid: the credential KDF cost log₂N is ${num(n)} but must be between 10 and 24.`,
  },
  contests: {
    section: "§10.1",
    message: () => "The election parameters are invalid: an election needs at least one contest.",
  },
  contest: {
    section: "§10.1",
    message: (j) =>
      `The election parameters are invalid: contest ${num(j)} needs 1 to 64 options and a selection rule with minSelections ≤ maxSelections ≤ options and at most 32 allowed counts.`,
  },
  constituencies: {
    section: "§10.1",
    message: () =>
      "The election parameters are invalid: an election needs at least one constituency.",
  },
  constituency: {
    section: "§10.1",
    message: (v) =>
      `The election parameters are invalid: constituency ${num(v)} must list at least one existing contest, with contest ids strictly ascending.`,
  },
  roll: {
    section: "§10.3",
    message: (v) =>
      `The eligibility roll of constituency ${num(v)} needs a non-zero Merkle root and at least one registered voter.`,
  },
};

const OPTION_PROOF_FAILED = (option: unknown, contest?: unknown): string =>
  `The option proof of option ${num(option)}${contest === undefined ? "" : ` in contest ${num(contest)}`} does not verify (the ciphertext is not shown to encrypt 0 or 1), so encrypt the ballot afresh on the voter's device and cast it again.`;

const SELECTION_PROOF_FAILED = (contest?: unknown): string =>
  `The selection proof${contest === undefined ? "" : ` of contest ${num(contest)}`} does not verify (the selections are not shown to add up to an allowed number), so encrypt the ballot afresh on the voter's device and cast it again.`;

const UNKNOWN_CONTEST = (a: Args): string =>
  `Contest ${num(a.contestId)} does not exist in this election; check the contest id against the election manifest.`;

const TEMPLATES: Record<string, Template> = {
  // --- Election (§10–§12) ---
  ElectionConfigInvalid: {
    section: (a) => CONFIG_REASONS[String(a.reason)]?.section ?? "§10",
    message: (a) =>
      CONFIG_REASONS[String(a.reason)]?.message(a.index) ??
      `The election parameters are invalid: ${String(a.reason)} (index ${num(a.index)}) breaks the rules of §10.`,
  },
  ElectionUnauthorizedKeySource: {
    section: "§13.4",
    message: (a) =>
      `Only this election's own key ceremony may hand over the election key, and only once, so ${addr(a.caller)} cannot call onKeySealed.`,
  },
  ElectionPollingClosed: {
    section: "§10.2",
    message: (a) =>
      `Polling is closed: the block time ${pkt(a.timestamp)} is outside the polling window ${window(a.start, a.end)}` +
      (big(a.timestamp) < big(a.start) ? ", which has not opened yet." : "."),
  },
  ElectionRollFrozen: {
    section: "§10.3",
    message: (a) =>
      `The eligibility roll is frozen since polling opened at ${pkt(a.start)}, so no root or voter count can be set or replaced any more.`,
  },
  ElectionKeyNotSealed: {
    section: "§13.4",
    message: () =>
      "The election key is not sealed yet, so the trustees must complete and seal the key ceremony before any ballot can be accepted.",
  },
  ElectionUnknownConstituency: {
    section: "§10.1",
    message: (a) =>
      `Constituency ${num(a.constituency)} does not exist in this election; check the constituency number against the election manifest.`,
  },
  ElectionUnknownContest: { section: "§10.1", message: UNKNOWN_CONTEST },
  ElectionRollNotPublished: {
    section: "§10.3",
    message: (a) =>
      `The eligibility roll of constituency ${num(a.constituency)} has not been published, so the registrar must set its Merkle root before polling opens.`,
  },
  ElectionNotEligible: {
    section: "§10.3",
    message: (a) =>
      `The credential ${addr(a.credential)} is not on the eligibility roll of constituency ${num(a.constituency)}; check the voter's constituency and the Merkle proof against the published roll.`,
  },
  ElectionContestMismatch: {
    section: "§12.6.4",
    message: (a) =>
      isMax(a.contestId)
        ? `The ballot has ${plural(a.position, "contest")} but constituency ${num(a.constituency)} lists a different number, so include exactly the constituency's contests, in order.`
        : `The ballot's contest at position ${num(a.position)} is contest ${num(a.contestId)}, which is not the one constituency ${num(a.constituency)} lists there, so include exactly the constituency's contests, in order.`,
  },
  ElectionBallotShapeInvalid: {
    section: (a) => (isMax(a.contestId) ? "§12.7" : "§8.1"),
    message: (a) => {
      if (isMax(a.contestId)) {
        return `The opened ballot gives ${plural(a.actual, "nonce")} but its contests have ${plural(a.expected, "option")} in all, so give exactly one nonce and one selection per option.`;
      }
      if (big(a.expected) === big(a.actual)) {
        return `Contest ${num(a.contestId)} of the ballot has its ${plural(a.expected, "ciphertext")} but a different number of option proofs, so give exactly one option proof per option.`;
      }
      return `Contest ${num(a.contestId)} of the ballot has ${plural(a.actual, "ciphertext")} but the contest has ${plural(a.expected, "option")}, so give exactly one ciphertext and one option proof per option.`;
    },
  },
  ElectionPreviousBallotMismatch: {
    section: "§12.5",
    message: (a) =>
      `The ballot's previous receipt (${a.previousReceipt === ZERO_HASH ? "zero, a first vote" : hash(a.previousReceipt)}) and resupplied ciphertexts do not match the last ballot recorded for credential ${addr(a.credential)}, so fetch that credential's latest receipt, sign a new ballot naming it (zero for a first vote) and resupply exactly that ballot's ciphertexts.`,
  },
  ElectionBallotSpoiled: {
    section: "§12.7",
    message: (a) =>
      `The ballot's ciphertexts (${hash(a.ciphertextsHash)}) were spoiled by a Benaloh challenge and can never be cast, so encrypt the ballot afresh and cast the new one.`,
  },
  ElectionBadSignature: {
    section: "§12.3",
    message: (a) =>
      `The ballot's EIP-712 signature does not recover the credential ${addr(a.credential)}, so sign the ballot with that credential for this election contract and chain.`,
  },
  ElectionProofInvalid: {
    section: (a) => (isMax(a.option) ? "§5.3" : "§5.2"),
    message: (a) =>
      isMax(a.option)
        ? SELECTION_PROOF_FAILED(a.contestId)
        : OPTION_PROOF_FAILED(a.option, a.contestId),
  },
  ElectionBatchInvalid: {
    section: "§12.6",
    message: (a) =>
      `Ballot batch rejected at entry ${num(a.index)}: a batch must hold at least one ballot, and every ballot must be for constituency ${num(a.constituency)}.`,
  },
  ElectionOpeningInvalid: {
    section: "§12.7",
    message: (a) =>
      `The opened ballot does not match its ciphertext for option ${num(a.option)} of contest ${num(a.contestId)}: the revealed nonce ρ and selection m (0 or 1) must give α = ρG and β = ρK + mG.`,
  },

  // --- KeyCeremony (§6, §13) ---
  KeyCeremonyNotTrustee: {
    section: "§13.1",
    message: (a) =>
      `${addr(a.caller)} is not a trustee of this election's key ceremony, so send the transaction from a trustee's registered address.`,
  },
  KeyCeremonyAlreadyPosted: {
    section: "§13",
    message: (a) =>
      `Trustee ${num(a.trustee)} has already posted this step of the key ceremony, and commitments, shares and confirmations are each posted once only.`,
  },
  KeyCeremonyOutOfOrder: {
    section: "§13.2",
    message: (a) =>
      `Trustee ${num(a.trustee)} is not ready for this step: a dealer posts its commitments before its shares, and a recipient confirms or complains only once the shares addressed to it are posted.`,
  },
  KeyCeremonyCommitmentCountInvalid: {
    section: "§13.1",
    message: (a) =>
      `The threshold is ${num(a.threshold)}, so post exactly ${plural(a.threshold, "commitment")} with one Schnorr proof each (got ${plural(a.commitments, "commitment")} and ${plural(a.proofs, "proof")}).`,
  },
  KeyCeremonyShareRecipientInvalid: {
    section: "§13.2",
    message: (a) =>
      `Trustee index ${num(a.recipient)} is not allowed here: shares go to every other trustee exactly once, and a complaint names another trustee as the dealer.`,
  },
  KeyCeremonyShareCountInvalid: {
    section: "§13.2",
    message: (a) =>
      `A dealer must post exactly ${plural(a.expected, "encrypted share")}, one for every other trustee, but ${plural(a.shares, "share was", "shares were")} given.`,
  },
  KeyCeremonyFailed: {
    section: "§13.3",
    message: () =>
      "The key ceremony has failed for good after an upheld complaint, so the commission must create the election anew with honest trustees.",
  },
  KeyCeremonySealed: {
    section: "§13.4",
    message: () => "The key ceremony is already sealed, so nothing more can be posted to it.",
  },
  KeyCeremonyNotReady: {
    section: "§13.4",
    message: (a) =>
      `The key ceremony cannot be sealed yet: ${num(a.commitments)} trustees posted commitments, ${num(a.dealers)} posted shares and ${num(a.confirmations)} confirmed, and every trustee must do all three.`,
  },
  KeyCeremonyTooLate: {
    section: "§13.4",
    message: (a) =>
      `The key ceremony can no longer be sealed because polling opened at ${pkt(a.pollingStart)}, so this election cannot take ballots and must be created anew.`,
  },
  KeyCeremonyParametersInvalid: {
    section: "§6",
    message: (a) =>
      `The trustee set is invalid (${plural(a.trustees, "trustee")}, threshold ${num(a.threshold)}): it needs 1 ≤ threshold ≤ trustees ≤ 255 and distinct non-zero trustee addresses.`,
  },
  KeyCeremonyUnknownTrustee: {
    section: "§6",
    message: (a) =>
      `There is no trustee number ${num(a.index)} in this election; trustees are numbered from 1.`,
  },

  // --- ElectionTally (§14) ---
  ElectionTallyPollingNotEnded: {
    section: "§14.1",
    message: (a) =>
      `The tally cannot start before polling closes at ${pkt(a.end)}, so post decryptions and finalise after that.`,
  },
  ElectionTallyNotTrustee: {
    section: "§14.1",
    message: (a) =>
      `${addr(a.caller)} is not a trustee of this election, so it cannot post partial decryptions.`,
  },
  ElectionTallyUnknownContest: { section: "§10.1", message: UNKNOWN_CONTEST },
  ElectionTallyLengthMismatch: {
    section: "§14",
    message: (a) =>
      `Contest ${num(a.contestId)} has ${plural(a.expected, "option")} but ${plural(a.actual, "value was", "values were")} given, so give exactly one partial decryption with proof, or one count, per option.`,
  },
  ElectionTallySharesAlreadyPosted: {
    section: "§14.1",
    message: (a) =>
      `Trustee ${num(a.trustee)} has already posted its partial decryptions for contest ${num(a.contestId)}.`,
  },
  ElectionTallySharesMissing: {
    section: "§14.2",
    message: (a) =>
      `Trustee ${num(a.trustee)} has not posted partial decryptions for contest ${num(a.contestId)}, so pick a decryption set of trustees that have.`,
  },
  ElectionTallyAlreadyFinalized: {
    section: "§14.2",
    message: (a) =>
      `Contest ${num(a.contestId)} is already finalised, and its recorded result cannot change.`,
  },
  ElectionTallyNotFinalized: {
    section: "§14.3",
    message: (a) =>
      `Contest ${num(a.contestId)} is not finalised yet, so finalise it before recording an exclusion.`,
  },
  ElectionTallyAlreadyExcluded: {
    section: "§14.3",
    message: (a) => `The i-votes of contest ${num(a.contestId)} are already marked as excluded.`,
  },
  ElectionTallyUnauthorized: {
    section: "§14.3",
    message: (a) =>
      `${addr(a.caller)} is not the commission, and only the commission may record a court-ordered exclusion.`,
  },

  // --- ElectionRegistry ---
  ElectionRegistryImplementationInvalid: {
    message: (a) =>
      `The implementation address ${addr(a.implementation)} holds no contract code, so deploy the Election, KeyCeremony and ElectionTally implementations first and pass their addresses.`,
  },
  ElectionRegistryUnknownElection: {
    message: (a) =>
      `The registry has no election with index ${num(a.index)}; indices run from 0 to electionCount() − 1.`,
  },

  // --- BN254 (§1–§2) ---
  BN254PointAtInfinity: {
    section: "§2.2",
    message: () =>
      `A point is (0, 0), the point at infinity, which is never accepted as input: ${REENCODE}.`,
  },
  BN254CoordinateOutOfRange: {
    section: "§2.2",
    message: (a) =>
      `A point coordinate (${word(a.coordinate)}) is not below the field modulus p: ${REENCODE}.`,
  },
  BN254PointNotOnCurve: {
    section: "§2.2",
    message: (a) =>
      `The point (${word(a.x)}, ${word(a.y)}) is not on the BN254 curve: ${REENCODE}.`,
  },
  BN254ScalarOutOfRange: {
    section: "§2.1",
    message: (a) =>
      `A scalar (${word(a.scalar)}) is not below the group order r and is never reduced silently: ${REENCODE}.`,
  },
  BN254PrecompileFailed: {
    section: "§1.2",
    message: (a) =>
      `The ${PRECOMPILES.get(big(a.precompile)) ?? "elliptic-curve"} precompile (address ${num(a.precompile)}) failed, which means the call ran out of gas or the chain is broken, so retry with more gas.`,
  },

  // --- Proofs (§5, §7, §8) ---
  ZeroOneProofInvalid: {
    section: "§5.2.3",
    message: () =>
      "An option proof does not verify (the ciphertext is not shown to encrypt 0 or 1), so encrypt the ballot afresh on the voter's device.",
  },
  RangeProofInvalid: {
    section: "§5.1.2",
    message: () =>
      "A range proof does not verify (its challenge split or a group equation fails), so produce the proof afresh.",
  },
  RangeProofBoundsInvalid: {
    section: "§5.1",
    message: (a) =>
      `The range ${num(a.lo)} … ${num(a.hi)} is invalid: a range proof needs lo ≤ hi and at most 32 values.`,
  },
  RangeProofLengthMismatch: {
    section: "§5.3.3",
    message: (a) => {
      const branches = big(a.branches);
      const c = branches > 0n ? (branches - 1n).toString() : "0";
      return `A range proof over ${plural(a.branches, "branch", "branches")} needs arrays a, b and v of length ${num(a.branches)} and c of length ${c}, but they have lengths ${num(a.aLength)}, ${num(a.bLength)}, ${num(a.vLength)} and ${num(a.cLength)}.`;
    },
  },
  TranscriptLengthMismatch: {
    section: "§5.1",
    message: (a) =>
      `A range proof's commitment arrays a and b differ in length (${num(a.aLength)} and ${num(a.bLength)}), so produce the proof afresh.`,
  },
  ContestBallotOptionProofInvalid: {
    section: "§5.2.3",
    message: (a) => OPTION_PROOF_FAILED(a.optionIndex),
  },
  ContestBallotSelectionProofInvalid: {
    section: "§5.3.3",
    message: () => SELECTION_PROOF_FAILED(),
  },
  ContestBallotLengthMismatch: {
    section: "§8.1",
    message: (a) =>
      `The contest ballot has ${plural(a.options, "option ciphertext")} but ${plural(a.optionProofs, "option proof")}, so give exactly one option proof per option.`,
  },
  ContestBallotSelectionRuleInvalid: {
    section: "§5.3.3",
    message: (a) =>
      `The selection rule ${num(a.minSelections)} … ${num(a.maxSelections)} does not fit a contest with ${plural(a.options, "option")}: it needs minSelections ≤ maxSelections ≤ options and at most 32 allowed counts.`,
  },
  SchnorrProofInvalid: {
    section: "§5.4.2",
    message: () =>
      "A Schnorr proof of a coefficient commitment does not verify, so the trustee must compute its commitments and proofs afresh.",
  },
  DecryptionProofInvalid: {
    section: "§5.5.2",
    message: () =>
      "A decryption proof does not verify against the trustee's share key and the contest's on-chain totals, so compute the partial decryption afresh from the current totals.",
  },
  DecryptionProofIdentityMismatch: {
    section: "§5.5.2",
    message: () =>
      "A partial decryption breaks the identity rule: it and the proof's commitment b must be (0, 0) exactly when the aggregate A of the totals is (0, 0).",
  },
  ComplaintProofInvalid: {
    section: "§5.6.2",
    message: () =>
      "The complaint proof does not verify, so the complaint is invalid; compute the shared point and its proof afresh with the recipient's own coefficient.",
  },

  // --- Threshold (§6–§7) ---
  ThresholdParametersInvalid: {
    section: "§6",
    message: (a) =>
      `The threshold parameters are invalid (${plural(a.trusteeCount, "trustee")}, threshold ${num(a.threshold)}): they need 1 ≤ threshold ≤ trustees.`,
  },
  ThresholdCommitmentsLengthInvalid: {
    section: "§6.1",
    message: (a) =>
      `The ${plural(a.length, "commitment")} do not form a non-empty whole number of rows of ${num(a.threshold)} coefficients each.`,
  },
  ThresholdTrusteeIndexInvalid: {
    section: "§6",
    message: (a) =>
      `Trustee index ${num(a.trustee)} is invalid, as trustee indices run from 1 to the number of trustees.`,
  },
  ThresholdDuplicateTrustee: {
    section: "§7.2",
    message: (a) =>
      `Trustee ${num(a.trustee)} appears twice in the decryption set, so list each trustee once.`,
  },
  ThresholdNotEnoughShares: {
    section: "§7.2",
    message: (a) =>
      `The decryption set has ${plural(a.given, "trustee")} but the threshold is ${num(a.threshold)}, so include at least ${num(a.threshold)} trustees that posted partial decryptions.`,
  },
  ThresholdLengthMismatch: {
    section: "§7.2",
    message: (a) =>
      `The decryption set lists ${plural(a.trustees, "trustee")} but ${plural(a.partials, "partial decryption was", "partial decryptions were")} given, so give exactly one per trustee.`,
  },
  ThresholdResultMismatch: {
    section: "§7.3",
    message: (a) =>
      `The claimed count ${num(a.claimed)} does not match the trustees' partial decryptions or exceeds the number of eligible voters, so recompute it from the posted decryptions.`,
  },

  // --- OpenZeppelin ---
  AccessControlUnauthorizedAccount: {
    message: (a) =>
      `${addr(a.account)} lacks the ${role(a.neededRole)} this call needs, so send it from an account holding that role or ask the role's admin to grant it.`,
  },
  AccessControlBadConfirmation: {
    message: () =>
      "An account can renounce only its own role, so pass the caller's own address as the confirmation.",
  },
  InvalidInitialization: {
    message: () =>
      "This contract is already initialised or is an implementation that cannot be, so create elections through the registry instead of initialising contracts directly.",
  },
  NotInitializing: {
    message: () =>
      "This function may be called only while the contract is being initialised, which the registry does when it creates an election.",
  },
  InvalidShortString: {
    message: () =>
      "A stored short string (the EIP-712 name or version) is malformed, which is a deployment bug to report to the developers.",
  },
  StringTooLong: {
    message: (a) =>
      `The string "${String(a.str)}" is too long to store as a short string (at most 31 bytes).`,
  },
  FailedDeployment: {
    message: () =>
      "Deploying a clone failed, so check that the registry's implementation addresses hold contracts and that the transaction has enough gas.",
  },
  InsufficientBalance: {
    message: (a) =>
      `The contract holds ${num(a.balance)} wei but needs ${num(a.needed)} wei for this call.`,
  },
  FailedCall: {
    message: () =>
      "A low-level call made by the contract failed without giving a reason, so check the callee and the gas.",
  },
  MissingPrecompile: {
    message: (a) =>
      `The precompile at ${addr(a.arg0)} is missing on this chain, which lacks an EVM feature the contracts need.`,
  },
  CloneArgumentsTooLong: {
    message: () => "The immutable arguments of a clone are too long to deploy.",
  },
  MerkleProofInvalidMultiproof: {
    section: "§10.3",
    message: () =>
      "The Merkle multiproof is malformed, so build it afresh from the published eligibility roll.",
  },
  ECDSAInvalidSignature: {
    section: "§12.3",
    message: () => "The signature is invalid and recovers no address, so sign the message again.",
  },
  ECDSAInvalidSignatureLength: {
    section: "§12.3",
    message: (a) =>
      `The signature is ${plural(a.length, "byte")} long but must be 65 bytes (r ‖ s ‖ v).`,
  },
  ECDSAInvalidSignatureS: {
    section: "§12.3",
    message: (a) =>
      `The signature's s value (${hash(a.s)}) is in the upper half of the curve order, so sign again with a library that produces low-s signatures.`,
  },

  // --- Solidity built-ins ---
  Error: {
    message: (a) => `The contract reverted with the reason "${String(a.message)}".`,
  },
  Panic: {
    message: (a) =>
      `The contract panicked with code 0x${big(a.reason).toString(16).padStart(2, "0")} (${PANIC_REASONS.get(big(a.reason)) ?? "unknown panic"}), which points to a bug in the contract or in how it was called.`,
  },
};

/** True if `errorName` has a sentence (the build fails when an artifact error has none). */
export function hasErrorTemplate(errorName: string): boolean {
  return Object.hasOwn(TEMPLATES, errorName);
}

/** Error names with a sentence, sorted. */
export function explainedErrorNames(): string[] {
  return Object.keys(TEMPLATES).sort();
}

function argsRecord(item: AbiError | undefined, values: readonly unknown[]): Args {
  const args: Args = {};
  values.forEach((value, i) => {
    const name = item?.inputs[i]?.name;
    args[name ? name : `arg${i}`] = value;
  });
  return args;
}

/**
 * Decodes the custom error of a failed Shafaf contract call, wherever the client put its revert
 * data (see {@link findRevertData}), into a sentence a person can act on. Undefined when the error
 * carries no revert data or data no Shafaf contract produces.
 */
export function explainRevert(error: unknown): ShafafRevert | undefined {
  const data = findRevertData(error);
  if (!data) return undefined;
  let decoded: { abiItem: unknown; args?: readonly unknown[]; errorName: string };
  try {
    // Knows the built-in Error(string) and Panic(uint256) besides the ABI's errors.
    decoded = decodeErrorResult({ abi: SHAFAF_ERROR_ABI as Abi, data });
  } catch {
    return undefined;
  }
  const item = decoded.abiItem as AbiError | undefined;
  const args = argsRecord(item, (decoded.args ?? []) as readonly unknown[]);
  const template = TEMPLATES[decoded.errorName];
  const message =
    template?.message(args) ??
    `The contract reverted with ${decoded.errorName}(${Object.values(args).map(String).join(", ")}).`;
  const section =
    typeof template?.section === "function" ? template.section(args) : template?.section;
  return {
    errorName: decoded.errorName,
    args,
    message,
    ...(section === undefined ? {} : { section }),
  };
}

/**
 * The decoded {@link ShafafContractError} (with the original error as its `cause`) when the error
 * carries a Shafaf revert; otherwise the original error (a thrown non-`Error` value is wrapped in
 * an `Error` whose `cause` is that value).
 */
export function toShafafError(error: unknown): Error {
  if (error instanceof ShafafContractError) return error;
  const revert = explainRevert(error);
  if (revert) return new ShafafContractError(revert, { cause: error });
  if (error instanceof Error) return error;
  return new Error(String(error), { cause: error });
}
