/** §5.4: Schnorr proof of knowledge of a trustee's polynomial coefficient. */
import { allHoldOneByOne, type Equation } from "../equations";
import { InvalidProofError } from "../errors";
import { decodePoint, decodeScalar, encodePoint, GENERATOR, modR, type Point } from "../group";
import { csprng, randomScalar, type RandomSource } from "../random";
import { challenge, DomainTag, hexToWord, indexWord, pointWords } from "../transcript";
import type { Hex } from "../bytes";

/** Identical to Solidity `struct SchnorrProof`. */
export interface SchnorrProof {
  h: Point;
  u: bigint;
}

export interface CoefficientStatement {
  electionId: Hex;
  /** 1-based trustee index i. */
  trustee: number;
  /** Coefficient index j (0 … k−1). */
  coefficientIndex: number;
  /** C = a·G. */
  commitment: Point;
}

function transcript(statement: CoefficientStatement, h: Point): bigint[] {
  return [
    DomainTag.schnorr,
    hexToWord(statement.electionId, "electionId"),
    indexWord(statement.trustee, "trustee"),
    indexWord(statement.coefficientIndex, "coefficientIndex"),
    ...pointWords(statement.commitment, h),
  ];
}

export function proveSchnorr(
  statement: CoefficientStatement,
  secret: bigint,
  random: RandomSource = csprng,
): SchnorrProof {
  const w = randomScalar(random);
  const h = encodePoint(GENERATOR.multiply(w));
  const c = challenge(transcript(statement, h));
  return { h, u: modR(w + c * secret) };
}

/** §5.4.2: uG = h + cC. */
export function schnorrEquations(statement: CoefficientStatement, proof: SchnorrProof): Equation[] {
  const label = `trustee ${statement.trustee} coefficient ${statement.coefficientIndex}`;
  const C = decodePoint(statement.commitment, `${label} commitment`);
  const h = decodePoint(proof.h, `${label} proof h`);
  const u = decodeScalar(proof.u, `${label} proof u`);
  const c = challenge(transcript(statement, proof.h));
  return [
    [
      [u, GENERATOR],
      [-1n, h],
      [-c, C],
    ],
  ];
}

export function verifySchnorr(statement: CoefficientStatement, proof: SchnorrProof): void {
  if (!allHoldOneByOne(schnorrEquations(statement, proof))) {
    throw new InvalidProofError(
      "schnorr",
      `trustee ${statement.trustee} coefficient ${statement.coefficientIndex} does not verify`,
      "§5.4.2",
    );
  }
}
