/** Exponential ElGamal under the election key (§4). */
import { registerFixedBase } from "./equations";
import { MalformedInputError } from "./errors";
import {
  decodePoint,
  decodeScalar,
  modR,
  decodePointOrIdentity,
  encodePoints,
  GENERATOR,
  IDENTITY,
  withFixedBaseTable,
  type GroupElement,
  type Point,
} from "./group";
import { csprng, randomScalar, type RandomSource } from "./random";

/** A ciphertext as it travels, identical to Solidity `struct Ciphertext`. */
export interface Ciphertext {
  alpha: Point;
  beta: Point;
}

/** A validated ciphertext with its group elements, ready for arithmetic. */
export interface DecodedCiphertext {
  wire: Ciphertext;
  alpha: GroupElement;
  beta: GroupElement;
}

/** The election key K (§4.1) with a fixed-base table, since every ballot multiplies it. */
export interface ElectionKey {
  point: Point;
  element: GroupElement;
}

const keyCache = new Map<string, ElectionKey>();

/** Validates K (§2.2) and builds its fixed-base table once per process. */
export function electionKey(point: Point, field = "election key"): ElectionKey {
  const id = `${point.x}:${point.y}`;
  const cached = keyCache.get(id);
  if (cached) return cached;
  const element = registerFixedBase(withFixedBaseTable(decodePoint(point, field)));
  const key = { point: { x: point.x, y: point.y }, element };
  keyCache.set(id, key);
  return key;
}

/** §2.3: validates both points of a received ciphertext. */
export function decodeCiphertext(ciphertext: Ciphertext, field = "ciphertext"): DecodedCiphertext {
  return {
    wire: ciphertext,
    alpha: decodePoint(ciphertext.alpha, `${field}.alpha`),
    beta: decodePoint(ciphertext.beta, `${field}.beta`),
  };
}

/** An aggregate computed by a verifier may be the identity (§2.3). */
export function decodeAggregate(ciphertext: Ciphertext, field = "aggregate"): DecodedCiphertext {
  return {
    wire: ciphertext,
    alpha: decodePointOrIdentity(ciphertext.alpha, `${field}.alpha`),
    beta: decodePointOrIdentity(ciphertext.beta, `${field}.beta`),
  };
}

export function fromElements(alpha: GroupElement, beta: GroupElement): DecodedCiphertext {
  const [a, b] = encodePoints([alpha, beta]);
  return { wire: { alpha: a, beta: b }, alpha, beta };
}

/** g^m for a small non-negative message, in constant time over the fixed-base table. */
export function encodeMessage(message: bigint): GroupElement {
  if (typeof message !== "bigint") {
    throw new MalformedInputError("message", "must be an integer", "§4.2");
  }
  // Reduced mod r: homomorphic shifts use negative differences; multiples of r encode O.
  const reduced = modR(message);
  return reduced === 0n ? IDENTITY : GENERATOR.multiply(reduced);
}

export interface Encryption {
  ciphertext: DecodedCiphertext;
  /** The nonce ρ: secret, needed only by the prover and for a Benaloh challenge. */
  nonce: bigint;
}

/** §4.2: Enc(m; ρ) = (ρG, ρK + mG). */
export function encrypt(
  key: ElectionKey,
  message: bigint,
  random: RandomSource = csprng,
): Encryption {
  const nonce = randomScalar(random);
  return { ciphertext: encryptWithNonce(key, message, nonce), nonce };
}

export function encryptWithNonce(
  key: ElectionKey,
  message: bigint,
  nonce: bigint,
): DecodedCiphertext {
  const alpha = GENERATOR.multiply(nonce);
  // A vote is 0 or 1: mG is O or G, no multiplication needed.
  const messagePoint =
    message === 0n ? IDENTITY : message === 1n ? GENERATOR : encodeMessage(message);
  const beta = key.element.multiply(nonce).add(messagePoint);
  return fromElements(alpha, beta);
}

/** §4.3: component-wise sum; the empty sum is (O, O). */
export function addCiphertexts(ciphertexts: readonly DecodedCiphertext[]): DecodedCiphertext {
  let alpha = IDENTITY;
  let beta = IDENTITY;
  for (const c of ciphertexts) {
    alpha = alpha.add(c.alpha);
    beta = beta.add(c.beta);
  }
  return fromElements(alpha, beta);
}

/** §4.3: left − right. */
export function subtractCiphertext(
  left: DecodedCiphertext,
  right: DecodedCiphertext,
): DecodedCiphertext {
  return fromElements(left.alpha.subtract(right.alpha), left.beta.subtract(right.beta));
}

/** §4.4 / §7.1: the partial decryption M = s·α with a secret (share) s, in constant time. */
export function partialDecryption(secret: bigint, ciphertext: DecodedCiphertext): GroupElement {
  decodeScalar(secret, "decryption share");
  return ciphertext.alpha.is0() || secret === 0n ? IDENTITY : ciphertext.alpha.multiply(secret);
}
