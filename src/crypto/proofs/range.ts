/**
 * §5.1 disjunctive Chaum–Pedersen proof that a ciphertext encrypts an integer in [lo, hi], in
 * commitment form. The option proof (§5.2) and the selection proof (§5.3) are instances.
 */
import type { DecodedCiphertext, ElectionKey } from "../elgamal";
import type { Equation } from "../equations";
import { MalformedInputError } from "../errors";
import {
  decodePoint,
  decodeScalar,
  encodePoints,
  GENERATOR,
  IDENTITY,
  modR,
  type GroupElement,
  type Point,
} from "../group";
import { csprng, randomScalar, type RandomSource } from "../random";
import { challenge, pointWords, type Word } from "../transcript";

/** Identical to Solidity `struct RangeProof`; `c` has one entry fewer than the branches. */
export interface RangeProof {
  a: Point[];
  b: Point[];
  c: bigint[];
  v: bigint[];
}

export const MAX_RANGE_BRANCHES = 32;

export interface RangeStatement {
  /** Domain tag (§9) and context words (§3.3) that open the transcript. */
  tag: Word;
  context: Word[];
  lo: number;
  hi: number;
  key: ElectionKey;
  ciphertext: DecodedCiphertext;
  /** Names the proof in error messages, e.g. "contest 2 option 5 proof". */
  label: string;
}

export function branchCount(lo: number, hi: number, label: string): number {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo < 0 || hi < lo) {
    throw new MalformedInputError(label, `bounds [${lo}, ${hi}] must satisfy 0 ≤ lo ≤ hi`, "§5.1");
  }
  const branches = hi - lo + 1;
  if (branches > MAX_RANGE_BRANCHES) {
    throw new MalformedInputError(
      label,
      `${branches} branches exceed the maximum of ${MAX_RANGE_BRANCHES}`,
      "§5.1",
    );
  }
  return branches;
}

function transcript(statement: RangeStatement, a: readonly Point[], b: readonly Point[]): Word[] {
  const { ciphertext, key } = statement;
  const words: Word[] = [
    statement.tag,
    ...statement.context,
    BigInt(statement.lo),
    BigInt(statement.hi),
  ];
  words.push(...pointWords(key.point, ciphertext.wire.alpha, ciphertext.wire.beta));
  a.forEach((aj, j) => words.push(...pointWords(aj, b[j])));
  return words;
}

/** Constant-time product with a fixed-base table; the zero scalar gives the identity. */
function secretMultiple(base: GroupElement, scalar: bigint): GroupElement {
  return scalar === 0n ? IDENTITY : base.multiply(scalar);
}

/**
 * −cⱼ(m − mⱼ)G of a simulated branch. With two branches m − mⱼ = ±1, so the term is ±cⱼG with a
 * public cⱼ (it is part of the proof): a fast public product and a sign. With more branches
 * the factor varies with the secret value, so the product stays constant-time.
 */
function shiftTerm(cj: bigint, difference: number, branches: number): GroupElement {
  if (branches === 2) {
    const product = GENERATOR.multiplyUnsafe(cj);
    return difference > 0 ? product.negate() : product;
  }
  return secretMultiple(GENERATOR, modR(-cj * BigInt(difference)));
}

/** §5.1.3: proves that `ciphertext` = Enc(value; nonce) with lo ≤ value ≤ hi. */
export function proveRange(
  statement: RangeStatement,
  witness: { value: number; nonce: bigint },
  random: RandomSource = csprng,
): RangeProof {
  const branches = branchCount(statement.lo, statement.hi, statement.label);
  const real = witness.value - statement.lo;
  if (!Number.isSafeInteger(witness.value) || real < 0 || real >= branches) {
    throw new MalformedInputError(
      statement.label,
      `the encrypted value is outside [${statement.lo}, ${statement.hi}]`,
      "§5.1",
    );
  }
  const K = statement.key.element;
  const rho = witness.nonce;
  const c: bigint[] = new Array<bigint>(branches).fill(0n);
  const v: bigint[] = new Array<bigint>(branches).fill(0n);
  const aElements: GroupElement[] = [];
  const bElements: GroupElement[] = [];
  const w = randomScalar(random);
  for (let j = 0; j < branches; j++) {
    if (j === real) {
      aElements.push(secretMultiple(GENERATOR, w));
      bElements.push(secretMultiple(K, w));
      continue;
    }
    c[j] = randomScalar(random);
    v[j] = randomScalar(random);
    const s = modR(v[j] - c[j] * rho);
    aElements.push(secretMultiple(GENERATOR, s));
    bElements.push(secretMultiple(K, s).add(shiftTerm(c[j], real - j, branches)));
  }
  const encoded = encodePoints([...aElements, ...bElements]);
  const a = encoded.slice(0, branches);
  const b = encoded.slice(branches);
  const total = challenge(transcript(statement, a, b));
  c[real] = modR(total - c.reduce((sum, cj, j) => (j === real ? sum : sum + cj), 0n));
  v[real] = modR(w + c[real] * rho);
  return { a, b, c: c.slice(0, branches - 1), v };
}

/**
 * §5.1.1–5.1.2: validates every field (§2) and returns the 2L group equations. Malformed input
 * throws; whether the equations hold is for the caller to decide (one by one or batched).
 */
export function rangeProofEquations(statement: RangeStatement, proof: RangeProof): Equation[] {
  const { label } = statement;
  const branches = branchCount(statement.lo, statement.hi, label);
  const lengthsOk =
    proof !== null &&
    typeof proof === "object" &&
    Array.isArray(proof.a) &&
    Array.isArray(proof.b) &&
    Array.isArray(proof.c) &&
    Array.isArray(proof.v) &&
    proof.a.length === branches &&
    proof.b.length === branches &&
    proof.v.length === branches &&
    proof.c.length === branches - 1;
  if (!lengthsOk) {
    throw new MalformedInputError(
      label,
      `expected ${branches} commitments a and b, ${branches - 1} challenges c and ${branches} responses v`,
      "§5.3.3",
    );
  }
  const a = proof.a.map((p, j) => decodePoint(p, `${label} a[${j}]`));
  const b = proof.b.map((p, j) => decodePoint(p, `${label} b[${j}]`));
  const c = proof.c.map((s, j) => decodeScalar(s, `${label} c[${j}]`));
  const v = proof.v.map((s, j) => decodeScalar(s, `${label} v[${j}]`));
  const total = challenge(transcript(statement, proof.a, proof.b));
  c.push(modR(total - c.reduce((sum, cj) => sum + cj, 0n)));
  const K = statement.key.element;
  const { alpha, beta } = statement.ciphertext;
  const equations: Equation[] = [];
  for (let j = 0; j < branches; j++) {
    const value = BigInt(statement.lo + j);
    // vⱼG = aⱼ + cⱼα  and  vⱼK = bⱼ + cⱼ(β − mⱼG), moved to one side.
    equations.push([
      [v[j], GENERATOR],
      [-1n, a[j]],
      [-c[j], alpha],
    ]);
    equations.push([
      [v[j], K],
      [-1n, b[j]],
      [-c[j], beta],
      [c[j] * value, GENERATOR],
    ]);
  }
  return equations;
}
