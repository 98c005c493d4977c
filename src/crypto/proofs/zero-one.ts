/** §5.2: the option proof — a ciphertext encrypts 0 or 1. */
import type { DecodedCiphertext, ElectionKey } from "../elgamal";
import { allHoldOneByOne, type Equation } from "../equations";
import { InvalidProofError, MalformedInputError } from "../errors";
import type { Point } from "../group";
import { csprng, type RandomSource } from "../random";
import { ballotContextWords, DomainTag, indexWord, type BallotContext } from "../transcript";
import { proveRange, rangeProofEquations, type RangeStatement } from "./range";

/** Identical to Solidity `struct ZeroOneProof` (§5.2.2); c₁ = c − c₀ is derived. */
export interface ZeroOneProof {
  a0: Point;
  b0: Point;
  a1: Point;
  b1: Point;
  c0: bigint;
  v0: bigint;
  v1: bigint;
}

export interface OptionStatement {
  context: BallotContext;
  optionIndex: number;
  key: ElectionKey;
  ciphertext: DecodedCiphertext;
}

function asRangeStatement(statement: OptionStatement): RangeStatement {
  return {
    tag: DomainTag.zeroOne,
    context: [
      ...ballotContextWords(statement.context),
      indexWord(statement.optionIndex, "optionIndex"),
    ],
    lo: 0,
    hi: 1,
    key: statement.key,
    ciphertext: statement.ciphertext,
    label: `contest ${statement.context.contestIndex} option ${statement.optionIndex} proof`,
  };
}

export function proveZeroOne(
  statement: OptionStatement,
  witness: { value: 0 | 1; nonce: bigint },
  random: RandomSource = csprng,
): ZeroOneProof {
  const { a, b, c, v } = proveRange(asRangeStatement(statement), witness, random);
  return { a0: a[0], b0: b[0], a1: a[1], b1: b[1], c0: c[0], v0: v[0], v1: v[1] };
}

/** §5.2.3: validates the fields and returns the four group equations. */
export function zeroOneEquations(statement: OptionStatement, proof: ZeroOneProof): Equation[] {
  if (proof === null || typeof proof !== "object") {
    throw new MalformedInputError(
      zeroOneStatementLabel(statement),
      "the option proof is missing",
      "§5.2.2",
    );
  }
  return rangeProofEquations(asRangeStatement(statement), {
    a: [proof.a0, proof.a1],
    b: [proof.b0, proof.b1],
    c: [proof.c0],
    v: [proof.v0, proof.v1],
  });
}

/** One-by-one verification (§5.2.3); throws InvalidProofError if an equation fails. */
export function verifyZeroOne(statement: OptionStatement, proof: ZeroOneProof): void {
  if (!allHoldOneByOne(zeroOneEquations(statement, proof))) {
    throw new InvalidProofError(
      "zero-one",
      asRangeStatement(statement).label + " does not verify",
      "§5.2.3",
    );
  }
}

export const zeroOneStatementLabel = (s: OptionStatement): string => asRangeStatement(s).label;
