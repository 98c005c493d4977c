/**
 * Shared fixtures for the cryptography tests: fixed identities, points, malformed encodings,
 * an independent (ethers-based) transcript hash and typed-error assertions.
 */
import { expect, util } from "chai";
import { AbiCoder, keccak256 } from "ethers";
import {
  decodePointOrIdentity,
  electionKey,
  encodePoint,
  FIELD_MODULUS,
  GENERATOR,
  GROUP_ORDER,
  randomScalar,
  type ElectionKey,
  type GroupElement,
  type Hex,
  type InvalidPointReason,
  type Point,
  type RandomSource,
} from "../../src/crypto";
import { seededRandom } from "./random";

export const r = GROUP_ORDER;
export const p = FIELD_MODULUS;

/** A fixed election identifier and voter credential for the ballot tests. */
export const ELECTION_ID: Hex = `0x${"a1".repeat(32)}`;
export const OTHER_ELECTION_ID: Hex = `0x${"a1".repeat(31)}a2`;
export const VOTER: Hex = `0x${"5e".repeat(20)}`;
export const OTHER_VOTER: Hex = `0x${"5e".repeat(19)}5f`;

export function hexOf(bytes: Uint8Array): Hex {
  return `0x${Buffer.from(bytes).toString("hex")}`;
}

/** xG for a public test scalar. */
export function pointOf(scalar: bigint): Point {
  return encodePoint(GENERATOR.multiply(scalar));
}

export function randomPoint(random: RandomSource): Point {
  return pointOf(randomScalar(random));
}

/** A single-party election key K = xG (§4.1), with its secret x. */
export function singlePartyKey(random: RandomSource = seededRandom("single-party key")): {
  secret: bigint;
  key: ElectionKey;
} {
  const secret = randomScalar(random);
  return { secret, key: electionKey(pointOf(secret)) };
}

/** Another valid curve point: P + G (G when P is the identity). */
export function otherPoint(point: Point): Point {
  const changed = encodePoint(decodePointOrIdentity(point, "test point").add(GENERATOR));
  expect(changed).to.not.deep.equal(point);
  return changed;
}

/** s + 1 mod r. */
export function bumpScalar(scalar: bigint): bigint {
  return (scalar + 1n) % r;
}

export interface MalformedPoint {
  name: string;
  point: Point;
  reason: InvalidPointReason;
}

/**
 * Invalid encodings of (or near) a valid point: the identity, each coordinate shifted by p
 * (the same point mod p, which must still be rejected), and points off the curve (y = 0 included:
 * noble refuses it while building the point, before the curve check).
 */
export function malformedPoints(valid: Point): MalformedPoint[] {
  return [
    { name: "infinity (0, 0)", point: { x: 0n, y: 0n }, reason: "infinity" },
    { name: "x + p", point: { x: valid.x + p, y: valid.y }, reason: "coordinate-out-of-range" },
    { name: "y + p", point: { x: valid.x, y: valid.y + p }, reason: "coordinate-out-of-range" },
    { name: "x = p", point: { x: p, y: valid.y }, reason: "coordinate-out-of-range" },
    { name: "negative x", point: { x: -1n, y: valid.y }, reason: "coordinate-out-of-range" },
    { name: "off-curve (y + 1)", point: { x: valid.x, y: valid.y + 1n }, reason: "not-on-curve" },
    { name: "off-curve (y = 0)", point: { x: valid.x, y: 0n }, reason: "not-on-curve" },
  ];
}

/** Scalars that §2.1 rejects: r itself, the alias s + r, 2²⁵⁶ − 1 and negatives. */
export function malformedScalars(valid: bigint): Array<{ name: string; value: bigint }> {
  return [
    { name: "r", value: r },
    { name: "s + r", value: valid + r },
    { name: "2^256 - 1", value: (1n << 256n) - 1n },
    { name: "-1", value: -1n },
    { name: "s - r", value: valid - r },
  ];
}

// -------------------------------------------------------------------------------------------
// Independent transcript hash: Solidity's abi.encode via ethers (§3.1).

export type AbiWord = readonly [type: "bytes32" | "uint256" | "address", value: bigint | string];

export function abiWordsOfPoints(...points: Point[]): AbiWord[] {
  return points.flatMap((q): AbiWord[] => [
    ["uint256", q.x],
    ["uint256", q.y],
  ]);
}

/** uint256(keccak256(abi.encode(words...))) as ethers computes it. */
export function abiHash(words: readonly AbiWord[]): bigint {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    words.map(([type]) => type),
    words.map(([, value]) => value),
  );
  return BigInt(keccak256(encoded));
}

/** uint256(keccak256(abi.encode(words...))) % r. */
export function abiChallenge(words: readonly AbiWord[]): bigint {
  return abiHash(words) % r;
}

/** uG == Σ cᵢPᵢ checked with plain noble arithmetic, independently of the SDK's equations. */
export function combination(terms: ReadonlyArray<readonly [bigint, GroupElement]>): GroupElement {
  return terms.reduce((sum, [scalar, base]) => {
    const s = ((scalar % r) + r) % r;
    return s === 0n || base.is0() ? sum : sum.add(base.multiplyUnsafe(s));
  }, GENERATOR.subtract(GENERATOR));
}

// -------------------------------------------------------------------------------------------
// Typed errors

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorClass<E extends Error = Error> = new (...args: any[]) => E;

/**
 * Asserts that `fn` throws an instance of `type` whose listed properties have the given values
 * (e.g. `{ field, reason }`), and returns the error for further checks. `fn` runs once.
 */
export function expectThrows<E extends Error>(
  fn: () => unknown,
  type: ErrorClass<E>,
  properties: Record<string, unknown> = {},
): E {
  // After `.throw`, chai's assertion object is the caught error.
  const error = util.flag(expect(fn).to.throw(type), "object") as E;
  for (const [name, value] of Object.entries(properties)) {
    expect((error as unknown as Record<string, unknown>)[name], `error.${name}`).to.deep.equal(
      value,
    );
  }
  return error;
}

/** JSON with bigints, to compare statements and proofs structurally. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
}
