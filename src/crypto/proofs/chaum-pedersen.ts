/**
 * Chaum–Pedersen proofs of equal discrete logarithms, log_G X = log_H Y: the decryption proof
 * (§5.5, H = A, Y = Mᵢ) and the complaint proof (§5.6, H = E, Y = D).
 */
import type { Hex } from "../bytes";
import type { DecodedCiphertext } from "../elgamal";
import { allHoldOneByOne, type Equation } from "../equations";
import { InvalidProofError, MalformedInputError } from "../errors";
import {
  decodePoint,
  decodePointOrIdentity,
  decodeScalar,
  encodePoints,
  GENERATOR,
  IDENTITY,
  modR,
  type GroupElement,
  type Point,
} from "../group";
import { csprng, randomScalar, type RandomSource } from "../random";
import { challenge, DomainTag, hexToWord, indexWord, pointWords, type Word } from "../transcript";

/** Identical to Solidity `struct DleqProof`; the challenge is recomputed. */
export interface DleqProof {
  a: Point;
  b: Point;
  v: bigint;
}

function proveDleq(
  secret: bigint,
  secondBase: GroupElement,
  transcriptOf: (a: Point, b: Point) => Word[],
  random: RandomSource,
): DleqProof {
  const w = randomScalar(random);
  const bElement = secondBase.is0() ? IDENTITY : secondBase.multiply(w);
  const [a, b] = encodePoints([GENERATOR.multiply(w), bElement]);
  const c = challenge(transcriptOf(a, b));
  return { a, b, v: modR(w + c * secret) };
}

/** vG = a + cX and vH = b + cY. */
function dleqEquations(
  X: GroupElement,
  H: GroupElement,
  Y: GroupElement,
  a: GroupElement,
  b: GroupElement,
  v: bigint,
  c: bigint,
): Equation[] {
  return [
    [
      [v, GENERATOR],
      [-1n, a],
      [-c, X],
    ],
    [
      [v, H],
      [-1n, b],
      [-c, Y],
    ],
  ];
}

// ---------------------------------------------------------------------------------------------
// §5.5 decryption proof

export interface DecryptionStatement {
  electionId: Hex;
  contestIndex: number;
  optionIndex: number;
  /** 1-based trustee index. */
  trustee: number;
  /** Kᵢ = sᵢG, computed from the ceremony commitments (§6.6). */
  shareKey: Point;
  /** The aggregate (A, B) being decrypted; A may be the identity. */
  aggregate: DecodedCiphertext;
  /** Mᵢ = sᵢA. */
  partial: Point;
}

function decryptionTranscript(s: DecryptionStatement, a: Point, b: Point): Word[] {
  return [
    DomainTag.decryption,
    hexToWord(s.electionId, "electionId"),
    indexWord(s.contestIndex, "contestIndex"),
    indexWord(s.optionIndex, "optionIndex"),
    indexWord(s.trustee, "trustee"),
    ...pointWords(s.shareKey, s.aggregate.wire.alpha, s.aggregate.wire.beta, s.partial, a, b),
  ];
}

export function proveDecryption(
  statement: DecryptionStatement,
  share: bigint,
  random: RandomSource = csprng,
): DleqProof {
  return proveDleq(
    share,
    statement.aggregate.alpha,
    (a, b) => decryptionTranscript(statement, a, b),
    random,
  );
}

/** §5.5.2: validates the fields (with the identity rule) and returns the two equations. */
export function decryptionEquations(statement: DecryptionStatement, proof: DleqProof): Equation[] {
  const label = `trustee ${statement.trustee} decryption of contest ${statement.contestIndex} option ${statement.optionIndex}`;
  const X = decodePoint(statement.shareKey, `${label}: share key`);
  const A = statement.aggregate.alpha;
  const M = decodePointOrIdentity(statement.partial, `${label}: partial decryption`);
  const a = decodePoint(proof.a, `${label}: proof a`);
  const b = decodePointOrIdentity(proof.b, `${label}: proof b`);
  if (A.is0() !== M.is0() || A.is0() !== b.is0()) {
    throw new MalformedInputError(
      label,
      "the partial decryption and proof b must be the identity exactly when the aggregate's α is",
      "§5.5.2",
    );
  }
  const v = decodeScalar(proof.v, `${label}: proof v`);
  const c = challenge(decryptionTranscript(statement, proof.a, proof.b));
  return dleqEquations(X, A, M, a, b, v, c);
}

export function verifyDecryption(statement: DecryptionStatement, proof: DleqProof): void {
  if (!allHoldOneByOne(decryptionEquations(statement, proof))) {
    throw new InvalidProofError(
      "decryption",
      `trustee ${statement.trustee}'s share for contest ${statement.contestIndex} option ${statement.optionIndex} does not verify`,
      "§5.5.2",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// §5.6 complaint proof

export interface ComplaintStatement {
  electionId: Hex;
  dealer: number;
  recipient: number;
  /** C_{l,0}: the recipient's share-receiving key. */
  recipientKey: Point;
  /** E from the dealer's encrypted share. */
  ephemeral: Point;
  /** D = a_{l,0}·E revealed by the recipient. */
  sharedPoint: Point;
}

function complaintTranscript(s: ComplaintStatement, a: Point, b: Point): Word[] {
  return [
    DomainTag.complaint,
    hexToWord(s.electionId, "electionId"),
    indexWord(s.dealer, "dealer"),
    indexWord(s.recipient, "recipient"),
    ...pointWords(s.recipientKey, s.ephemeral, s.sharedPoint, a, b),
  ];
}

export function proveComplaint(
  statement: ComplaintStatement,
  recipientSecret: bigint,
  random: RandomSource = csprng,
): DleqProof {
  const E = decodePoint(statement.ephemeral, "complaint ephemeral E");
  return proveDleq(recipientSecret, E, (a, b) => complaintTranscript(statement, a, b), random);
}

export function complaintEquations(statement: ComplaintStatement, proof: DleqProof): Equation[] {
  const label = `complaint of trustee ${statement.recipient} against trustee ${statement.dealer}`;
  const X = decodePoint(statement.recipientKey, `${label}: recipient key`);
  const E = decodePoint(statement.ephemeral, `${label}: ephemeral E`);
  const D = decodePoint(statement.sharedPoint, `${label}: shared point D`);
  const a = decodePoint(proof.a, `${label}: proof a`);
  const b = decodePoint(proof.b, `${label}: proof b`);
  const v = decodeScalar(proof.v, `${label}: proof v`);
  const c = challenge(complaintTranscript(statement, proof.a, proof.b));
  return dleqEquations(X, E, D, a, b, v, c);
}

export function verifyComplaintProof(statement: ComplaintStatement, proof: DleqProof): void {
  if (!allHoldOneByOne(complaintEquations(statement, proof))) {
    throw new InvalidProofError(
      "complaint",
      `trustee ${statement.recipient}'s complaint against trustee ${statement.dealer} does not verify`,
      "§5.6.2",
    );
  }
}
