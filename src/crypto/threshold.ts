/**
 * The threshold key ceremony (§6) and threshold decryption (§7), after ElectionGuard's guardian
 * model: n trustees, any k of whom can decrypt an aggregate and no k − 1 of whom learn anything.
 */
import { invert } from "@noble/curves/abstract/modular.js";
import type { Hex } from "./bytes";
import {
  decodeAggregate,
  type Ciphertext,
  type DecodedCiphertext,
  partialDecryption,
} from "./elgamal";
import { allHoldOneByOne, EquationAccumulator } from "./equations";
import { MalformedInputError } from "./errors";
import {
  decodePoint,
  decodeScalar,
  encodePoint,
  encodePoints,
  GENERATOR,
  GROUP_ORDER,
  IDENTITY,
  modR,
  multiplyPublic,
  type GroupElement,
  type Point,
} from "./group";
import { boundedDiscreteLog } from "./dlog";
import {
  complaintEquations,
  proveComplaint,
  proveDecryption,
  type DleqProof,
} from "./proofs/chaum-pedersen";
import { proveSchnorr, type SchnorrProof } from "./proofs/schnorr";
import { csprng, randomScalar, type RandomSource } from "./random";
import { DomainTag, hashWords, hexToWord, indexWord, pointWords } from "./transcript";

export interface CeremonyParameters {
  electionId: Hex;
  trustees: number;
  threshold: number;
}

export function checkCeremonyParameters({ trustees, threshold }: CeremonyParameters): void {
  if (!Number.isSafeInteger(trustees) || trustees < 1 || trustees > 255) {
    throw new MalformedInputError("trustees", "must be an integer from 1 to 255", "§6");
  }
  if (!Number.isSafeInteger(threshold) || threshold < 1 || threshold > trustees) {
    throw new MalformedInputError("threshold", `must be an integer from 1 to ${trustees}`, "§6");
  }
}

function checkTrusteeIndex(index: number, trustees: number, field: string): void {
  if (!Number.isSafeInteger(index) || index < 1 || index > trustees) {
    throw new MalformedInputError(field, `must be a trustee index from 1 to ${trustees}`, "§6");
  }
}

/** What trustee i publishes in §6.1: commitments C_{i,j} with their Schnorr proofs. */
export interface TrusteeCommitments {
  trustee: number;
  commitments: Point[];
  proofs: SchnorrProof[];
}

/** A trustee's private ceremony state. Never leaves the trustee. */
export interface TrusteeSecrets {
  trustee: number;
  /** a_{i,0} … a_{i,k−1}. */
  coefficients: bigint[];
}

/** §6.1: draws the polynomial and publishes its commitments with proofs. */
export function createTrustee(
  params: CeremonyParameters,
  trustee: number,
  random: RandomSource = csprng,
): { secrets: TrusteeSecrets; published: TrusteeCommitments } {
  checkCeremonyParameters(params);
  checkTrusteeIndex(trustee, params.trustees, "trustee");
  const coefficients = Array.from({ length: params.threshold }, () => randomScalar(random));
  const commitments = encodePoints(coefficients.map((a) => GENERATOR.multiply(a)));
  const proofs = coefficients.map((a, j) =>
    proveSchnorr(
      { electionId: params.electionId, trustee, coefficientIndex: j, commitment: commitments[j] },
      a,
      random,
    ),
  );
  return { secrets: { trustee, coefficients }, published: { trustee, commitments, proofs } };
}

/** Pᵢ(x) = Σⱼ a_{i,j}xʲ mod r (Horner). */
export function evaluatePolynomial(coefficients: readonly bigint[], x: number): bigint {
  let result = 0n;
  for (let j = coefficients.length - 1; j >= 0; j--)
    result = modR(result * BigInt(x) + coefficients[j]);
  return result;
}

/** Σⱼ xʲ·Cⱼ: the public image of a polynomial evaluated at x (§6.3, §6.6). */
function commitmentsAt(commitments: readonly GroupElement[], x: number): GroupElement {
  const accumulator = new EquationAccumulator();
  let power = 1n;
  const terms: Array<readonly [bigint, GroupElement]> = [];
  for (const C of commitments) {
    terms.push([power, C]);
    power = modR(power * BigInt(x));
  }
  accumulator.add(terms);
  return accumulator.evaluate();
}

// ---------------------------------------------------------------------------------------------
// §6.2 encrypted shares

/** What dealer i publishes for recipient l. */
export interface EncryptedShare {
  dealer: number;
  recipient: number;
  /** E = ξG. */
  ephemeral: Point;
  /** σ = s XOR pad. */
  masked: bigint;
}

/** §6.2: pad = keccak256(TAG_SHARE_PAD ‖ electionId ‖ i ‖ l ‖ E ‖ D). */
export function sharePad(
  electionId: Hex,
  dealer: number,
  recipient: number,
  E: Point,
  D: Point,
): bigint {
  return hashWords([
    DomainTag.sharePad,
    hexToWord(electionId, "electionId"),
    indexWord(dealer, "dealer"),
    indexWord(recipient, "recipient"),
    ...pointWords(E, D),
  ]);
}

export function encryptShare(
  electionId: Hex,
  dealer: TrusteeSecrets,
  recipient: number,
  recipientKey: Point,
  random: RandomSource = csprng,
): EncryptedShare {
  const key = decodePoint(recipientKey, `trustee ${recipient} key C_{${recipient},0}`);
  const xi = randomScalar(random);
  const [E, D] = encodePoints([GENERATOR.multiply(xi), key.multiply(xi)]);
  const share = evaluatePolynomial(dealer.coefficients, recipient);
  const pad = sharePad(electionId, dealer.trustee, recipient, E, D);
  return { dealer: dealer.trustee, recipient, ephemeral: E, masked: share ^ pad };
}

/** Recipient side of §6.2: D = a_{l,0}·E, the pad, and s = σ XOR pad (not yet checked). */
export function decryptShare(
  electionId: Hex,
  recipient: TrusteeSecrets,
  share: EncryptedShare,
): { value: bigint; sharedPoint: Point } {
  const E = decodePoint(share.ephemeral, `share from trustee ${share.dealer}: ephemeral E`);
  const sharedPoint = encodePoint(E.multiply(recipient.coefficients[0]));
  const pad = sharePad(electionId, share.dealer, share.recipient, share.ephemeral, sharedPoint);
  return { value: share.masked ^ pad, sharedPoint };
}

/** §6.3: s < r and sG = Σⱼ lʲ·C_{i,j}. */
export function shareIsValid(
  dealerCommitments: readonly Point[],
  recipient: number,
  share: bigint,
): boolean {
  if (share < 0n || share >= GROUP_ORDER) return false;
  const commitments = dealerCommitments.map((C, j) => decodePoint(C, `dealer commitment ${j}`));
  const expected = commitmentsAt(commitments, recipient);
  const actual = share === 0n ? IDENTITY : GENERATOR.multiplyUnsafe(share);
  return actual.equals(expected);
}

// ---------------------------------------------------------------------------------------------
// §6.4 complaints

export interface Complaint {
  dealer: number;
  recipient: number;
  /** D = a_{l,0}·E. */
  sharedPoint: Point;
  proof: DleqProof;
}

export function makeComplaint(
  electionId: Hex,
  recipient: TrusteeSecrets,
  recipientKey: Point,
  share: EncryptedShare,
  random: RandomSource = csprng,
): Complaint {
  const { sharedPoint } = decryptShare(electionId, recipient, share);
  const proof = proveComplaint(
    {
      electionId,
      dealer: share.dealer,
      recipient: share.recipient,
      recipientKey,
      ephemeral: share.ephemeral,
      sharedPoint,
    },
    recipient.coefficients[0],
    random,
  );
  return { dealer: share.dealer, recipient: share.recipient, sharedPoint, proof };
}

export type ComplaintVerdict = "upheld" | "dismissed" | "invalid";

/** §6.4: decides a complaint from public data only. */
export function decideComplaint(
  electionId: Hex,
  complaint: Complaint,
  share: EncryptedShare,
  dealerCommitments: readonly Point[],
  recipientKey: Point,
): ComplaintVerdict {
  if (complaint.dealer !== share.dealer || complaint.recipient !== share.recipient)
    return "invalid";
  const statement = {
    electionId,
    dealer: complaint.dealer,
    recipient: complaint.recipient,
    recipientKey,
    ephemeral: share.ephemeral,
    sharedPoint: complaint.sharedPoint,
  };
  if (!allHoldOneByOne(complaintEquations(statement, complaint.proof))) return "invalid";
  const pad = sharePad(
    electionId,
    share.dealer,
    share.recipient,
    share.ephemeral,
    complaint.sharedPoint,
  );
  const value = share.masked ^ pad;
  return shareIsValid(dealerCommitments, complaint.recipient, value) ? "dismissed" : "upheld";
}

// ---------------------------------------------------------------------------------------------
// §6.5–6.6 keys

/** §6.5: K = Σᵢ C_{i,0}. */
export function jointElectionKey(all: readonly TrusteeCommitments[]): Point {
  let K = IDENTITY;
  for (const t of all) K = K.add(decodePoint(t.commitments[0], `trustee ${t.trustee} C_0`));
  return encodePoint(K);
}

/** §6.6: K_l = Σᵢ Σⱼ lʲ·C_{i,j}. */
export function publicShareKey(all: readonly TrusteeCommitments[], trustee: number): Point {
  let sum = IDENTITY;
  for (const t of all) {
    sum = sum.add(
      commitmentsAt(
        t.commitments.map((C, j) => decodePoint(C, `trustee ${t.trustee} C_${j}`)),
        trustee,
      ),
    );
  }
  return encodePoint(sum);
}

/** §6.6: s_l = Σᵢ Pᵢ(l), from the shares trustee l received (its own included). */
export function combineShares(shares: readonly bigint[]): bigint {
  return modR(shares.reduce((sum, s) => sum + decodeScalar(s, "share"), 0n));
}

// ---------------------------------------------------------------------------------------------
// §7 decryption

export interface PartialDecryption {
  trustee: number;
  /** Mₗ = sₗ·A. */
  partial: Point;
  proof: DleqProof;
}

export interface DecryptionTarget {
  electionId: Hex;
  contestIndex: number;
  optionIndex: number;
  aggregate: Ciphertext;
}

/** §7.1: trustee l's partial decryption of an aggregate with its proof. */
export function decryptPartially(
  target: DecryptionTarget,
  trustee: number,
  share: bigint,
  shareKey: Point,
  random: RandomSource = csprng,
): PartialDecryption {
  const aggregate = decodeAggregate(target.aggregate);
  const partial = encodePoint(partialDecryption(share, aggregate));
  const proof = proveDecryption(
    { ...target, trustee, shareKey, aggregate, partial },
    share,
    random,
  );
  return { trustee, partial, proof };
}

/** §7.2: λ_l = Π_{m≠l} m·(m − l)⁻¹ mod r over distinct indices. */
export function lagrangeCoefficients(indices: readonly number[]): bigint[] {
  for (const index of indices) {
    if (!Number.isSafeInteger(index) || index < 1) {
      throw new MalformedInputError(
        "trustees",
        `trustee index ${index} must be an integer ≥ 1`,
        "§7.2",
      );
    }
  }
  if (new Set(indices).size !== indices.length) {
    throw new MalformedInputError("trustees", "decrypting trustees must be distinct", "§7.2");
  }
  return indices.map((l) => {
    let numerator = 1n;
    let denominator = 1n;
    for (const m of indices) {
      if (m === l) continue;
      numerator = modR(numerator * BigInt(m));
      denominator = modR(denominator * BigInt(m - l));
    }
    return modR(numerator * invert(denominator, GROUP_ORDER));
  });
}

/** §7.2: T = B − Σ λₗMₗ. */
export function combinePartials(
  aggregate: DecodedCiphertext,
  partials: readonly { trustee: number; partial: Point }[],
): GroupElement {
  const lambdas = lagrangeCoefficients(partials.map((p) => p.trustee));
  const accumulator = new EquationAccumulator();
  accumulator.add(
    partials.map((p, i) => [
      lambdas[i],
      aggregate.alpha.is0()
        ? IDENTITY
        : decodePoint(p.partial, `trustee ${p.trustee} partial decryption`),
    ]),
  );
  return aggregate.beta.subtract(accumulator.evaluate());
}

/** §7.2: a decryption needs at least k distinct trustees. */
function requireThreshold(
  partials: readonly { trustee: number }[],
  threshold: number | undefined,
): void {
  if (threshold !== undefined && new Set(partials.map((p) => p.trustee)).size < threshold) {
    throw new MalformedInputError(
      "trustees",
      `${partials.length} partial decryptions given, at least ${threshold} trustees are needed`,
      "§7.2",
    );
  }
}

/** §7.2 + §7.4: the plaintext count t with tG = T, for 0 ≤ t ≤ bound. */
export function decryptCount(
  aggregate: DecodedCiphertext,
  partials: readonly { trustee: number; partial: Point }[],
  bound: number,
  threshold?: number,
): number {
  requireThreshold(partials, threshold);
  return boundedDiscreteLog(combinePartials(aggregate, partials), bound);
}

/** §7.3: does the claimed count t, with 0 ≤ t ≤ bound, satisfy tG = B − M? */
export function countMatches(
  aggregate: DecodedCiphertext,
  partials: readonly { trustee: number; partial: Point }[],
  claimed: number,
  bound: number,
  threshold?: number,
): boolean {
  requireThreshold(partials, threshold);
  if (!Number.isSafeInteger(claimed) || claimed < 0 || claimed > bound) return false;
  const expected = combinePartials(aggregate, partials);
  return multiplyPublic(GENERATOR, BigInt(claimed)).equals(expected);
}
