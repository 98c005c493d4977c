/**
 * Builds the test vectors of test/vectors/*.json from a fixed seed (TEST ONLY: see
 * seeded-random.ts). scripts/generate-vectors.ts writes them; test/vectors.test.ts regenerates
 * them in memory and requires byte equality with the committed files.
 *
 * The SDK (src/crypto) is used to *produce* proofs, ciphertexts and shares: that is what the
 * vectors pin down. Everything a checker compares against — domain tags, election id,
 * transcript words and challenges, point classifications, aggregates, joint and share keys,
 * revealed shares, Lagrange coefficients — is computed here directly from docs/protocol.md
 * (keccak, field and curve arithmetic), not through the SDK function under test. Each file draws
 * from its own stream, seededRandom(`${VECTOR_SEED}/${file}`), so files do not shift each other.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import {
  bigIntToWord,
  bytesToBigInt,
  createTrustee,
  Curve,
  decryptPartially,
  electionKey,
  encodePoint,
  encrypt,
  encryptContest,
  encryptShare,
  evaluatePolynomial,
  FIELD_MODULUS,
  GENERATOR,
  GROUP_ORDER,
  IDENTITY,
  makeComplaint,
  proveComplaint,
  proveSchnorr,
  proveZeroOne,
  randomScalar,
  wordToHex,
  type Ciphertext,
  type Complaint,
  type ElectionKey,
  type EncryptedShare,
  type GroupElement,
  type Hex,
  type Point,
  type ProofKind,
  type RandomSource,
  type RangeProof,
  type TrusteeCommitments,
  type TrusteeSecrets,
  type ZeroOneProof,
} from "../crypto";
import { seededRandom } from "./seeded-random";
import type {
  BallotCase,
  CeremonyCase,
  ComplaintVector,
  DecryptionCase,
  ExpectedError,
  GroupCase,
  SchnorrCase,
  SelectionCase,
  ThresholdCase,
  TranscriptCase,
  VectorFile,
  VectorFiles,
  VectorName,
  ZeroOneCase,
} from "./vector-types";

export const VECTOR_SEED = "shafaf/v1/test-vectors";

const p = FIELD_MODULUS;
const r = GROUP_ORDER;

// ---------------------------------------------------------------------------------------------
// Fixed public context

/** Hardhat's chain id and the address of the first contract its first account deploys. */
export const VECTOR_CHAIN_ID = 31337n;
export const VECTOR_ELECTION_CONTRACT: Hex = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
/** A voter credential address (Hardhat account 0). */
export const VECTOR_VOTER: Hex = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

/** §9, copied from the spec's table. */
const TAG_LABELS = {
  TAG_ELECTION_ID: "shafaf/v1/election-id",
  TAG_ZERO_ONE: "shafaf/v1/zero-one-proof",
  TAG_SELECTION: "shafaf/v1/selection-proof",
  TAG_SCHNORR: "shafaf/v1/schnorr-proof",
  TAG_DECRYPTION: "shafaf/v1/decryption-proof",
  TAG_COMPLAINT: "shafaf/v1/complaint-proof",
  TAG_SHARE_PAD: "shafaf/v1/share-encryption",
} as const;

const TAG = Object.fromEntries(
  Object.entries(TAG_LABELS).map(([name, label]) => [
    name,
    bytesToBigInt(keccak_256(utf8ToBytes(label))),
  ]),
) as Record<keyof typeof TAG_LABELS, bigint>;

/** keccak256(W₁ ‖ … ‖ Wₙ) over 32-byte big-endian words (§3.1), unreduced. */
function keccakWords(words: readonly bigint[]): bigint {
  const buffer = new Uint8Array(words.length * 32);
  words.forEach((word, i) => buffer.set(bigIntToWord(word), i * 32));
  return bytesToBigInt(keccak_256(buffer));
}

function electionIdWords(chainId: bigint, contract: Hex): bigint[] {
  return [TAG.TAG_ELECTION_ID, chainId, BigInt(contract)];
}

const ELECTION_ID: Hex = wordToHex(
  keccakWords(electionIdWords(VECTOR_CHAIN_ID, VECTOR_ELECTION_CONTRACT)),
);

// ---------------------------------------------------------------------------------------------
// Arithmetic helpers (spec-level, independent of the SDK's checkers)

const mod = (value: bigint, m: bigint): bigint => ((value % m) + m) % m;

function powMod(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

const invertR = (value: bigint): bigint => powMod(value, r - 2n, r);

function element(point: Point): GroupElement {
  return point.x === 0n && point.y === 0n ? IDENTITY : Curve.fromAffine(point);
}

function sumPoints(points: readonly Point[]): Point {
  return encodePoint(points.reduce<GroupElement>((acc, pt) => acc.add(element(pt)), IDENTITY));
}

function sumCiphertexts(ciphertexts: readonly Ciphertext[]): Ciphertext {
  return {
    alpha: sumPoints(ciphertexts.map((c) => c.alpha)),
    beta: sumPoints(ciphertexts.map((c) => c.beta)),
  };
}

const times = (scalar: bigint, point: Point = { x: 1n, y: 2n }): Point =>
  encodePoint(scalar === 0n ? IDENTITY : element(point).multiply(mod(scalar, r)));

const pointWords = (...points: readonly Point[]): bigint[] => points.flatMap((pt) => [pt.x, pt.y]);

const isOnCurve = ({ x, y }: Point): boolean => (y * y) % p === (x * x * x + 3n) % p;

/** §2.2, in the spec's order, with the BN254.sol error it names. */
function pointError(point: Point): ExpectedError {
  const { x, y } = point;
  if (x === 0n && y === 0n) {
    return {
      error: "InvalidPointError",
      reason: "infinity",
      solidity: { name: "BN254PointAtInfinity", args: [] },
    };
  }
  if (x >= p || y >= p) {
    return {
      error: "InvalidPointError",
      reason: "coordinate-out-of-range",
      solidity: { name: "BN254CoordinateOutOfRange", args: [x >= p ? x : y] },
    };
  }
  if (!isOnCurve(point)) {
    return {
      error: "InvalidPointError",
      reason: "not-on-curve",
      solidity: { name: "BN254PointNotOnCurve", args: [x, y] },
    };
  }
  throw new Error(`vector generator: (${x}, ${y}) is a valid point, expected an invalid one`);
}

/** §2.1. */
function scalarError(scalar: bigint): ExpectedError {
  if (scalar < r) throw new Error(`vector generator: ${scalar} is a valid scalar`);
  return {
    error: "InvalidScalarError",
    solidity: { name: "BN254ScalarOutOfRange", args: [scalar] },
  };
}

const invalidProof = (kind: ProofKind, section: string): ExpectedError => ({
  error: "InvalidProofError",
  kind,
  section,
});

const malformed = (section: string): ExpectedError => ({ error: "MalformedInputError", section });

/** A copy of a point that is not on the curve (y + 1), asserted invalid. */
function offCurve(point: Point): Point {
  const bad = { x: point.x, y: (point.y + 1n) % p };
  pointError(bad);
  return bad;
}

/** The same point with y + p: congruent, but not reduced (§2.2 check 2). */
function unreducedY(point: Point): Point {
  return { x: point.x, y: point.y + p };
}

const clone = <T>(value: T): T => structuredClone(value);

/** §4.1 single-party key K = xG. */
function singlePartyKey(random: RandomSource): { secret: bigint; key: ElectionKey } {
  const secret = randomScalar(random);
  return { secret, key: electionKey(encodePoint(GENERATOR.multiply(secret))) };
}

function header<Case>(file: VectorName, description: string, cases: Case[]): VectorFile<Case> {
  return {
    description: `${description} Random values: seededRandom("${VECTOR_SEED}/${file}") (src/testing/seeded-random.ts).`,
    generator: "scripts/generate-vectors.ts",
    seed: VECTOR_SEED,
    protocol: "docs/protocol.md",
    cases,
  };
}

// ---------------------------------------------------------------------------------------------
// Transcript words, exactly as listed in §3.2, §5.2.1, §5.3.1, §5.4.1, §5.5.1, §5.6.1, §6.2

function zeroOneWords(
  s: {
    electionId: Hex;
    contestIndex: number;
    voter: Hex;
    optionIndex: number;
    key: Point;
    ciphertext: Ciphertext;
  },
  proof: ZeroOneProof,
): bigint[] {
  return [
    TAG.TAG_ZERO_ONE,
    BigInt(s.electionId),
    BigInt(s.contestIndex),
    BigInt(s.voter),
    BigInt(s.optionIndex),
    0n,
    1n,
    ...pointWords(s.key, s.ciphertext.alpha, s.ciphertext.beta),
    ...pointWords(proof.a0, proof.b0, proof.a1, proof.b1),
  ];
}

function selectionWords(
  s: {
    electionId: Hex;
    contestIndex: number;
    voter: Hex;
    minSelections: number;
    maxSelections: number;
    key: Point;
  },
  aggregate: Ciphertext,
  proof: RangeProof,
): bigint[] {
  return [
    TAG.TAG_SELECTION,
    BigInt(s.electionId),
    BigInt(s.contestIndex),
    BigInt(s.voter),
    BigInt(s.minSelections),
    BigInt(s.maxSelections),
    ...pointWords(s.key, aggregate.alpha, aggregate.beta),
    ...proof.a.flatMap((a, j) => pointWords(a, proof.b[j])),
  ];
}

// ---------------------------------------------------------------------------------------------
// group.json

function groupVectors(random: RandomSource): VectorFile<GroupCase> {
  const G = { x: 1n, y: 2n };
  const rootOf = (x: bigint): bigint => {
    const y = Curve.Fp.sqrt(mod(x * x * x + 3n, p));
    return y < p - y ? y : p - y;
  };
  const randomPoint = times(randomScalar(random));
  const valid: Array<[string, Point]> = [
    ["generator G = (1, 2)", G],
    ["−G = (1, p − 2)", { x: 1n, y: p - 2n }],
    ["2G", times(2n)],
    ["(r − 1)G = −G", times(r - 1n)],
    ["a random multiple of G", randomPoint],
    ["x = p − 1 (largest coordinate)", { x: p - 1n, y: rootOf(p - 1n) }],
  ];
  const invalid: Array<[string, Point]> = [
    ["(0, 0), the encoding of O", { x: 0n, y: 0n }],
    ["(0, p): reduces to (0, 0) but is not (0, 0)", { x: 0n, y: p }],
    ["(p, 0): x = p", { x: p, y: 0n }],
    ["(1 + p, 2): G with x unreduced", { x: 1n + p, y: 2n }],
    ["(1, 2 + p): G with y unreduced", { x: 1n, y: 2n + p }],
    ["(2²⁵⁶ − 1, 2)", { x: (1n << 256n) - 1n, y: 2n }],
    ["(1, 2²⁵⁶ − 1)", { x: 1n, y: (1n << 256n) - 1n }],
    ["(1, 3): not on the curve", { x: 1n, y: 3n }],
    ["(2, 1): G's coordinates swapped", { x: 2n, y: 1n }],
    ["(0, 2): x = 0 is never on the curve (3 is not a square mod p)", { x: 0n, y: 2n }],
    ["a random point with y + 1", offCurve(randomPoint)],
  ];
  const validScalars: Array<[string, bigint]> = [
    ["0", 0n],
    ["1", 1n],
    ["r − 1", r - 1n],
  ];
  const invalidScalars: Array<[string, bigint]> = [
    ["r", r],
    ["r + 1", r + 1n],
    ["p (≥ r)", p],
    ["2²⁵⁶ − 1", (1n << 256n) - 1n],
  ];
  for (const [name, point] of valid) {
    if (!isOnCurve(point) || point.x >= p || point.y >= p) throw new Error(`${name} is invalid`);
  }
  const cases: GroupCase[] = [
    ...valid.map(([name, point]): GroupCase => ({ name, kind: "point", point, expected: "valid" })),
    ...invalid.map(([name, point]): GroupCase => ({
      name,
      kind: "point",
      point,
      expected: pointError(point),
    })),
    ...validScalars.map(([name, scalar]): GroupCase => ({
      name,
      kind: "scalar",
      scalar,
      expected: "valid",
    })),
    ...invalidScalars.map(([name, scalar]): GroupCase => ({
      name,
      kind: "scalar",
      scalar,
      expected: scalarError(scalar),
    })),
  ];
  return header(
    "group",
    "§2.1 scalars and §2.2 points: valid encodings, and invalid ones with the reason of the first failing check (TS InvalidPointError.reason / InvalidScalarError) and the BN254.sol custom error with its arguments.",
    cases,
  );
}

// ---------------------------------------------------------------------------------------------
// transcript.json

function transcriptVectors(random: RandomSource): VectorFile<TranscriptCase> {
  const cases: TranscriptCase[] = Object.entries(TAG_LABELS).map(([tag, label]) => ({
    name: tag,
    kind: "domain-tag" as const,
    tag,
    label,
    value: TAG[tag as keyof typeof TAG_LABELS],
  }));
  const other: Hex = "0x000000000000000000000000000000000000dead";
  for (const [chainId, contract] of [
    [VECTOR_CHAIN_ID, VECTOR_ELECTION_CONTRACT],
    [1n, other],
  ] as const) {
    const words = electionIdWords(chainId, contract);
    cases.push({
      name: `electionId for chain ${chainId} and contract ${contract}`,
      kind: "election-id",
      chainId,
      electionContract: contract,
      words,
      electionId: wordToHex(keccakWords(words)),
    });
  }
  const electionId = ELECTION_ID;
  const voter = VECTOR_VOTER;
  const { secret: x, key } = singlePartyKey(random);

  // §5.2.1
  {
    const statement = { electionId, contestIndex: 1, voter, optionIndex: 3, key: key.point };
    const { ciphertext, nonce } = encrypt(key, 1n, random);
    const proof = proveZeroOne(
      { context: { electionId, contestIndex: 1, voter }, optionIndex: 3, key, ciphertext },
      { value: 1, nonce },
      random,
    );
    const full = { ...statement, ciphertext: ciphertext.wire };
    const words = zeroOneWords(full, proof);
    cases.push({
      name: "zero-one challenge (§5.2.1, 21 words)",
      kind: "challenge",
      proof: "zero-one",
      statement: full,
      commitments: proof,
      words,
      challenge: keccakWords(words) % r,
    });
  }
  // §5.3.1
  {
    const rule = { minSelections: 1, maxSelections: 2 };
    const { contest } = encryptContest(
      { electionId, voter, key },
      { contestIndex: 1, options: 3, ...rule },
      [1, 0, 1],
      random,
    );
    const statement = {
      electionId,
      contestIndex: 1,
      voter,
      ...rule,
      key: key.point,
      ciphertexts: contest.ciphertexts,
    };
    const aggregate = sumCiphertexts(contest.ciphertexts);
    const words = selectionWords(statement, aggregate, contest.selectionProof);
    cases.push({
      name: "selection challenge (§5.3.1, rule [1, 2], 2 branches)",
      kind: "challenge",
      proof: "selection",
      statement,
      aggregate,
      commitments: contest.selectionProof,
      words,
      challenge: keccakWords(words) % r,
    });
  }
  // §5.4.1
  {
    const a = randomScalar(random);
    const statement = { electionId, trustee: 2, coefficientIndex: 1, commitment: times(a) };
    const proof = proveSchnorr(statement, a, random);
    const words = [
      TAG.TAG_SCHNORR,
      BigInt(electionId),
      2n,
      1n,
      ...pointWords(statement.commitment, proof.h),
    ];
    cases.push({
      name: "schnorr challenge (§5.4.1, 8 words)",
      kind: "challenge",
      proof: "schnorr",
      statement,
      commitments: proof,
      words,
      challenge: keccakWords(words) % r,
    });
  }
  // §5.5.1
  {
    const aggregate = sumCiphertexts([1n, 0n].map((m) => encrypt(key, m, random).ciphertext.wire));
    const target = { electionId, contestIndex: 1, optionIndex: 2, aggregate };
    const { partial, proof } = decryptPartially(target, 3, x, key.point, random);
    const statement = { ...target, trustee: 3, shareKey: key.point, partial };
    const words = [
      TAG.TAG_DECRYPTION,
      BigInt(electionId),
      1n,
      2n,
      3n,
      ...pointWords(key.point, aggregate.alpha, aggregate.beta, partial, proof.a, proof.b),
    ];
    cases.push({
      name: "decryption challenge (§5.5.1, 17 words)",
      kind: "challenge",
      proof: "decryption",
      statement: {
        electionId,
        contestIndex: 1,
        optionIndex: 2,
        trustee: 3,
        shareKey: statement.shareKey,
        aggregate,
        partial,
      },
      commitments: proof,
      words,
      challenge: keccakWords(words) % r,
    });
  }
  // §5.6.1 and §6.2
  {
    const recipientSecret = randomScalar(random);
    const ephemeral = times(randomScalar(random));
    const sharedPoint = times(recipientSecret, ephemeral);
    const statement = {
      electionId,
      dealer: 2,
      recipient: 5,
      recipientKey: times(recipientSecret),
      ephemeral,
      sharedPoint,
    };
    const proof = proveComplaint(statement, recipientSecret, random);
    const words = [
      TAG.TAG_COMPLAINT,
      BigInt(electionId),
      2n,
      5n,
      ...pointWords(statement.recipientKey, ephemeral, sharedPoint, proof.a, proof.b),
    ];
    cases.push({
      name: "complaint challenge (§5.6.1, 14 words)",
      kind: "challenge",
      proof: "complaint",
      statement,
      commitments: proof,
      words,
      challenge: keccakWords(words) % r,
    });
    const padWords = [
      TAG.TAG_SHARE_PAD,
      BigInt(electionId),
      2n,
      5n,
      ...pointWords(ephemeral, sharedPoint),
    ];
    cases.push({
      name: "share-encryption pad (§6.2, 8 words, not reduced)",
      kind: "share-pad",
      electionId,
      dealer: 2,
      recipient: 5,
      ephemeral,
      sharedPoint,
      words: padWords,
      pad: keccakWords(padWords),
    });
  }
  return header(
    "transcript",
    "§9 domain tags, §3.2 electionId, and one Fiat–Shamir challenge per proof type (§5.2.1–§5.6.1) plus the §6.2 share pad: the structured inputs, the transcript words in order, and c = keccak256(words) mod r. Each proof in `commitments` is valid for its statement.",
    cases,
  );
}

// ---------------------------------------------------------------------------------------------
// zero-one.json

function zeroOneVectors(random: RandomSource): VectorFile<ZeroOneCase> {
  const { key } = singlePartyKey(random);
  const base = { electionId: ELECTION_ID, contestIndex: 2, voter: VECTOR_VOTER };
  const make = (optionIndex: number, value: 0 | 1) => {
    const { ciphertext, nonce } = encrypt(key, BigInt(value), random);
    const proof = proveZeroOne(
      { context: base, optionIndex, key, ciphertext },
      { value, nonce },
      random,
    );
    return {
      statement: { ...base, optionIndex, key: key.point, ciphertext: ciphertext.wire },
      proof,
    };
  };
  const zero = make(0, 0);
  const one = make(1, 1);
  const bad = invalidProof("zero-one", "§5.2.3");
  const withProof = (changes: Partial<ZeroOneProof>) => ({ ...clone(one.proof), ...changes });
  const movedToTwo = clone(one.statement);
  movedToTwo.ciphertext.beta = encodePoint(element(one.statement.ciphertext.beta).add(GENERATOR));
  const cases: ZeroOneCase[] = [
    { name: "encrypts 0 (option 0)", ...zero, expected: "valid" },
    { name: "encrypts 1 (option 1)", ...one, expected: "valid" },
    {
      name: "checked as another option index",
      statement: { ...clone(one.statement), optionIndex: 2 },
      proof: one.proof,
      expected: bad,
    },
    {
      name: "checked for another voter",
      statement: { ...clone(one.statement), voter: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8" },
      proof: one.proof,
      expected: bad,
    },
    {
      name: "checked for another contest",
      statement: { ...clone(one.statement), contestIndex: 3 },
      proof: one.proof,
      expected: bad,
    },
    {
      name: "ciphertext changed to encrypt 2 (β + G)",
      statement: movedToTwo,
      proof: one.proof,
      expected: bad,
    },
    {
      name: "c0 + 1",
      statement: one.statement,
      proof: withProof({ c0: (one.proof.c0 + 1n) % r }),
      expected: bad,
    },
    {
      name: "v0 and v1 swapped",
      statement: zero.statement,
      proof: { ...clone(zero.proof), v0: zero.proof.v1, v1: zero.proof.v0 },
      expected: bad,
    },
    {
      name: "c0 + r (same residue, not reduced)",
      statement: one.statement,
      proof: withProof({ c0: one.proof.c0 + r }),
      expected: scalarError(one.proof.c0 + r),
    },
    {
      name: "v1 = r",
      statement: one.statement,
      proof: withProof({ v1: r }),
      expected: scalarError(r),
    },
    {
      name: "a1 not on the curve",
      statement: one.statement,
      proof: withProof({ a1: offCurve(one.proof.a1) }),
      expected: pointError(offCurve(one.proof.a1)),
    },
    {
      name: "b0 with y + p",
      statement: one.statement,
      proof: withProof({ b0: unreducedY(one.proof.b0) }),
      expected: pointError(unreducedY(one.proof.b0)),
    },
    {
      name: "ciphertext α is the point at infinity",
      statement: {
        ...clone(zero.statement),
        ciphertext: { ...clone(zero.statement.ciphertext), alpha: { x: 0n, y: 0n } },
      },
      proof: zero.proof,
      expected: pointError({ x: 0n, y: 0n }),
    },
  ];
  return header(
    "zero-one",
    "§5.2 option proofs (the ciphertext encrypts 0 or 1) under a single-party key: valid proofs, proofs checked against a different statement or tampered (InvalidProofError), and malformed fields (§2).",
    cases,
  );
}

// ---------------------------------------------------------------------------------------------
// selection.json

function selectionVectors(random: RandomSource): VectorFile<SelectionCase> {
  const { key } = singlePartyKey(random);
  const contestIndex = 3;
  const make = (minSelections: number, maxSelections: number, selections: number[]) => {
    const { contest } = encryptContest(
      { electionId: ELECTION_ID, voter: VECTOR_VOTER, key },
      { contestIndex, options: selections.length, minSelections, maxSelections },
      selections,
      random,
    );
    const statement = {
      electionId: ELECTION_ID,
      contestIndex,
      voter: VECTOR_VOTER,
      minSelections,
      maxSelections,
      key: key.point,
      ciphertexts: contest.ciphertexts,
    };
    return {
      statement,
      aggregate: sumCiphertexts(contest.ciphertexts),
      proof: contest.selectionProof,
    };
  };
  const exactlyOne = make(1, 1, [0, 1, 0]);
  const blank = make(0, 1, [0, 0, 0]);
  const oneOfAtMostOne = make(0, 1, [0, 0, 1]);
  const none = make(0, 3, [0, 0, 0, 0, 0]);
  const two = make(0, 3, [0, 1, 1, 0, 0]);
  const three = make(0, 3, [1, 0, 1, 0, 1]);
  const bad = invalidProof("selection", "§5.3.3");
  const dropped = clone(blank.statement);
  dropped.ciphertexts.pop();
  const cases: SelectionCase[] = [
    { name: "rule [1, 1], 1 of 3 selected (L = 1)", ...exactlyOne, expected: "valid" },
    { name: "rule [0, 1], blank ballot (L = 2)", ...blank, expected: "valid" },
    { name: "rule [0, 1], 1 of 3 selected", ...oneOfAtMostOne, expected: "valid" },
    { name: "rule [0, 3], none of 5 selected (L = 4)", ...none, expected: "valid" },
    { name: "rule [0, 3], 2 of 5 selected", ...two, expected: "valid" },
    { name: "rule [0, 3], 3 of 5 selected", ...three, expected: "valid" },
    {
      name: "rule [1, 1], v[0] + 1",
      statement: exactlyOne.statement,
      aggregate: exactlyOne.aggregate,
      proof: { ...clone(exactlyOne.proof), v: [(exactlyOne.proof.v[0] + 1n) % r] },
      expected: bad,
    },
    {
      name: "rule [0, 1], last option ciphertext removed (aggregate changes)",
      statement: dropped,
      aggregate: sumCiphertexts(dropped.ciphertexts),
      proof: blank.proof,
      expected: bad,
    },
    {
      name: "rule [0, 3], checked for another contest",
      statement: { ...clone(two.statement), contestIndex: 4 },
      aggregate: two.aggregate,
      proof: two.proof,
      expected: bad,
    },
    {
      name: "rule [0, 3], c[0] and c[1] swapped",
      statement: three.statement,
      aggregate: three.aggregate,
      proof: { ...clone(three.proof), c: [three.proof.c[1], three.proof.c[0], three.proof.c[2]] },
      expected: bad,
    },
    {
      name: "rule [0, 3] proof checked under rule [0, 2] (array lengths)",
      statement: { ...clone(two.statement), maxSelections: 2 },
      aggregate: two.aggregate,
      proof: two.proof,
      expected: malformed("§5.3.3"),
    },
    {
      name: "rule [0, 3], c has L entries instead of L − 1",
      statement: two.statement,
      aggregate: two.aggregate,
      proof: { ...clone(two.proof), c: [...two.proof.c, 1n] },
      expected: malformed("§5.3.3"),
    },
    {
      name: "rule [0, 3], a[2] not on the curve",
      statement: two.statement,
      aggregate: two.aggregate,
      proof: { ...clone(two.proof), a: two.proof.a.map((a, j) => (j === 2 ? offCurve(a) : a)) },
      expected: pointError(offCurve(two.proof.a[2])),
    },
    {
      name: "rule [1, 1], v[0] = r",
      statement: exactlyOne.statement,
      aggregate: exactlyOne.aggregate,
      proof: { ...clone(exactlyOne.proof), v: [r] },
      expected: scalarError(r),
    },
  ];
  return header(
    "selection",
    "§5.3 selection proofs for the rules [1, 1], [0, 1] and [0, 3]: option ciphertexts (each a valid 0/1 encryption), their aggregate (A, B) as an expected output (the checker recomputes it), the range proof, and the verdict.",
    cases,
  );
}

// ---------------------------------------------------------------------------------------------
// ballot.json

function ballotVectors(random: RandomSource): VectorFile<BallotCase> {
  const { key } = singlePartyKey(random);
  const parameters = { contestIndex: 1, options: 12, minSelections: 1, maxSelections: 1 };
  const subject = { electionId: ELECTION_ID, voter: VECTOR_VOTER, key: key.point };
  const selections = Array.from({ length: 12 }, (_, i) => (i === 7 ? 1 : 0));
  const { contest } = encryptContest(
    { electionId: ELECTION_ID, voter: VECTOR_VOTER, key },
    parameters,
    selections,
    random,
  );
  const tamperOption = (c: typeof contest, i: number) => {
    c.optionProofs[i].c0 = (c.optionProofs[i].c0 + 1n) % r;
  };
  const tamperSelection = (c: typeof contest) => {
    c.selectionProof.v[0] = (c.selectionProof.v[0] + 1n) % r;
  };
  const optionBad = clone(contest);
  tamperOption(optionBad, 4);
  const selectionBad = clone(contest);
  tamperSelection(selectionBad);
  const swapped = clone(contest);
  [swapped.ciphertexts[2], swapped.ciphertexts[9]] = [
    swapped.ciphertexts[9],
    swapped.ciphertexts[2],
  ];
  const twoBad = clone(contest);
  tamperOption(twoBad, 3);
  tamperSelection(twoBad);
  const badPoint = clone(contest);
  badPoint.ciphertexts[5].beta = unreducedY(contest.ciphertexts[5].beta);
  const wrongContest = clone(contest);
  wrongContest.contestIndex = 2;
  const base = { parameters, subject };
  const cases: BallotCase[] = [
    {
      name: "12 options, exactly one selected (option 7)",
      ...base,
      contest,
      expected: "valid",
      invalidProofs: [],
    },
    {
      name: "option 4 proof: c0 + 1",
      ...base,
      contest: optionBad,
      expected: invalidProof("zero-one", "§5.2.3"),
      invalidProofs: [4],
    },
    {
      name: "selection proof: v[0] + 1",
      ...base,
      contest: selectionBad,
      expected: invalidProof("selection", "§5.3.3"),
      invalidProofs: ["selection"],
    },
    {
      name: "ciphertexts of options 2 and 9 swapped (aggregate unchanged)",
      ...base,
      contest: swapped,
      expected: invalidProof("zero-one", "§5.2.3"),
      invalidProofs: [2, 9],
    },
    {
      name: "option 3 proof and selection proof tampered",
      ...base,
      contest: twoBad,
      expected: invalidProof("zero-one", "§5.2.3"),
      invalidProofs: [3, "selection"],
    },
    {
      name: "option 5 ciphertext β with y + p",
      ...base,
      contest: badPoint,
      expected: pointError(badPoint.ciphertexts[5].beta),
    },
    {
      name: "ballot labelled with another contest index",
      ...base,
      contest: wrongContest,
      expected: malformed("§8.1"),
    },
  ];
  return header(
    "ballot",
    "§8 encrypted contest ballot: 12 options, rule [1, 1] (exactly one), single-party election key, context (electionId, contestIndex, voter). invalidProofs lists every failing proof (§8.2 order); with batch verification (§8.3) the verdict must be the same.",
    cases,
  );
}

// ---------------------------------------------------------------------------------------------
// schnorr.json

function schnorrVectors(random: RandomSource): VectorFile<SchnorrCase> {
  const make = (trustee: number, coefficientIndex: number) => {
    const a = randomScalar(random);
    const statement = { electionId: ELECTION_ID, trustee, coefficientIndex, commitment: times(a) };
    return { statement, proof: proveSchnorr(statement, a, random) };
  };
  const first = make(1, 0);
  const second = make(4, 2);
  const bad = invalidProof("schnorr", "§5.4.2");
  const otherElection = wordToHex(keccakWords(electionIdWords(VECTOR_CHAIN_ID, VECTOR_VOTER)));
  const cases: SchnorrCase[] = [
    { name: "trustee 1, coefficient 0", ...first, expected: "valid" },
    { name: "trustee 4, coefficient 2", ...second, expected: "valid" },
    {
      name: "checked as another coefficient index",
      statement: { ...second.statement, coefficientIndex: 1 },
      proof: second.proof,
      expected: bad,
    },
    {
      name: "checked as another trustee",
      statement: { ...second.statement, trustee: 3 },
      proof: second.proof,
      expected: bad,
    },
    {
      name: "checked for another election",
      statement: { ...first.statement, electionId: otherElection },
      proof: first.proof,
      expected: bad,
    },
    {
      name: "proof of another commitment",
      statement: { ...first.statement, commitment: second.statement.commitment },
      proof: first.proof,
      expected: bad,
    },
    {
      name: "u + 1",
      statement: first.statement,
      proof: { ...first.proof, u: (first.proof.u + 1n) % r },
      expected: bad,
    },
    {
      name: "u + r (same residue, not reduced)",
      statement: first.statement,
      proof: { ...first.proof, u: first.proof.u + r },
      expected: scalarError(first.proof.u + r),
    },
    {
      name: "h is the point at infinity",
      statement: first.statement,
      proof: { ...first.proof, h: { x: 0n, y: 0n } },
      expected: pointError({ x: 0n, y: 0n }),
    },
    {
      name: "h with y + p",
      statement: first.statement,
      proof: { ...first.proof, h: unreducedY(first.proof.h) },
      expected: pointError(unreducedY(first.proof.h)),
    },
    {
      name: "commitment not on the curve",
      statement: { ...first.statement, commitment: offCurve(first.statement.commitment) },
      proof: first.proof,
      expected: pointError(offCurve(first.statement.commitment)),
    },
  ];
  return header(
    "schnorr",
    "§5.4 Schnorr proofs of knowledge of a ceremony coefficient C = aG, bound to (electionId, trustee, coefficient index).",
    cases,
  );
}

// ---------------------------------------------------------------------------------------------
// decryption.json

function decryptionVectors(random: RandomSource): VectorFile<DecryptionCase> {
  const { secret, key } = singlePartyKey(random);
  const values = [1n, 0n, 1n, 1n];
  const aggregate = sumCiphertexts(values.map((m) => encrypt(key, m, random).ciphertext.wire));
  const bound = values.length;
  const target = { electionId: ELECTION_ID, contestIndex: 1, optionIndex: 4, aggregate };
  const real = decryptPartially(target, 1, secret, key.point, random);
  const identityAggregate = { alpha: { x: 0n, y: 0n }, beta: { x: 0n, y: 0n } };
  const empty = decryptPartially(
    { ...target, aggregate: identityAggregate },
    1,
    secret,
    key.point,
    random,
  );
  const statement = { ...target, trustee: 1, shareKey: key.point, partial: real.partial };
  const emptyStatement = { ...statement, aggregate: identityAggregate, partial: empty.partial };
  if (!pointsEqualish(real.partial, times(secret, aggregate.alpha))) {
    throw new Error("vector generator: partial decryption is not x·A");
  }
  const count = Number(values.reduce((s, m) => s + m, 0n));
  const bad = invalidProof("decryption", "§5.5.2");
  const identityRule = malformed("§5.5.2");
  const G = { x: 1n, y: 2n };
  const base = { shareSecret: secret };
  const cases: DecryptionCase[] = [
    {
      name: "aggregate of 4 ballots, 3 votes",
      statement,
      proof: real.proof,
      ...base,
      expected: "valid",
      count,
      bound,
    },
    {
      name: "identity aggregate (O, O): M = O and b = O",
      statement: emptyStatement,
      proof: empty.proof,
      ...base,
      expected: "valid",
      count: 0,
      bound,
    },
    {
      name: "identity aggregate but M ≠ O",
      statement: { ...emptyStatement, partial: key.point },
      proof: empty.proof,
      ...base,
      expected: identityRule,
    },
    {
      name: "identity aggregate but b ≠ O",
      statement: emptyStatement,
      proof: { ...empty.proof, b: G },
      ...base,
      expected: identityRule,
    },
    {
      name: "M = O for an aggregate with A ≠ O",
      statement: { ...statement, partial: { x: 0n, y: 0n } },
      proof: real.proof,
      ...base,
      expected: identityRule,
    },
    {
      name: "b = O for an aggregate with A ≠ O",
      statement,
      proof: { ...real.proof, b: { x: 0n, y: 0n } },
      ...base,
      expected: identityRule,
    },
    {
      name: "v + 1",
      statement,
      proof: { ...real.proof, v: (real.proof.v + 1n) % r },
      ...base,
      expected: bad,
    },
    {
      name: "partial decryption M + G with the original proof",
      statement: { ...statement, partial: encodePoint(element(real.partial).add(GENERATOR)) },
      proof: real.proof,
      ...base,
      expected: bad,
    },
    {
      name: "checked as trustee 2",
      statement: { ...statement, trustee: 2 },
      proof: real.proof,
      ...base,
      expected: bad,
    },
    {
      name: "checked as another option",
      statement: { ...statement, optionIndex: 5 },
      proof: real.proof,
      ...base,
      expected: bad,
    },
    {
      name: "share key not on the curve",
      statement: { ...statement, shareKey: offCurve(key.point) },
      proof: real.proof,
      ...base,
      expected: pointError(offCurve(key.point)),
    },
    {
      name: "proof a is the point at infinity",
      statement,
      proof: { ...real.proof, a: { x: 0n, y: 0n } },
      ...base,
      expected: pointError({ x: 0n, y: 0n }),
    },
    {
      name: "v = r",
      statement,
      proof: { ...real.proof, v: r },
      ...base,
      expected: scalarError(r),
    },
  ];
  return header(
    "decryption",
    "§5.5 decryption proofs of a trustee (index 1) whose share is the whole secret x of a single-party key K = xG (§4.1, §4.4), including the identity aggregate of §5.5.2. shareSecret is included so that a checker can recompute M = x·A; count is t with tG = B − M (§7.4, with bound).",
    cases,
  );
}

function pointsEqualish(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

// ---------------------------------------------------------------------------------------------
// ceremony.json

interface Ceremony {
  params: { electionId: Hex; trustees: number; threshold: number };
  secrets: TrusteeSecrets[];
  published: TrusteeCommitments[];
  shares: EncryptedShare[];
  complaints: ComplaintVector[];
  jointKey: Point;
  shareSecrets: bigint[];
  shareKeys: { trustee: number; key: Point }[];
}

/**
 * A 3-of-5 ceremony in which dealer 2 sends trustee 4 a share that fails §6.3, dealer 3 sends
 * trustee 4 a share ≥ r (congruent to the right one), trustee 2 complains about a good share
 * from dealer 5, and trustee 1 tries to frame dealer 4 by revealing a wrong D.
 */
function runCeremony(random: RandomSource): Ceremony {
  const params = { electionId: ELECTION_ID, trustees: 5, threshold: 3 };
  const ids = [1, 2, 3, 4, 5];
  const created = ids.map((i) => createTrustee(params, i, random));
  const secrets = created.map((t) => t.secrets);
  const published = created.map((t) => t.published);
  const keyOf = (l: number) => published[l - 1].commitments[0];
  const secretOf = (l: number) => secrets[l - 1];
  const pad = (i: number, l: number, E: Point, D: Point) =>
    keccakWords([
      TAG.TAG_SHARE_PAD,
      BigInt(ELECTION_ID),
      BigInt(i),
      BigInt(l),
      ...pointWords(E, D),
    ]);

  const tampered: TrusteeSecrets = {
    trustee: 2,
    coefficients: secretOf(2).coefficients.map((a, j) => (j === 0 ? (a + 1n) % r : a)),
  };
  const sent = new Map<string, bigint>(); // the share value each σ actually carries
  const shares: EncryptedShare[] = [];
  for (const i of ids) {
    for (const l of ids) {
      if (l === i) continue;
      const dealer = i === 2 && l === 4 ? tampered : secretOf(i);
      const share = encryptShare(ELECTION_ID, dealer, l, keyOf(l), random);
      let value = evaluatePolynomial(dealer.coefficients, l);
      if (i === 3 && l === 4) {
        value += r;
        const D = times(secretOf(4).coefficients[0], share.ephemeral);
        share.masked = value ^ pad(3, 4, share.ephemeral, D);
      }
      sent.set(`${i}:${l}`, value);
      shares.push(share);
    }
  }
  const shareOf = (i: number, l: number) =>
    shares.find((s) => s.dealer === i && s.recipient === l) as EncryptedShare;

  const complaintVector = (
    name: string,
    complaint: Complaint,
    expected: ComplaintVector["expected"],
  ): ComplaintVector => {
    if (expected === "invalid") return { name, complaint, expected };
    const revealedShare = sent.get(`${complaint.dealer}:${complaint.recipient}`) as bigint;
    const honest = evaluatePolynomial(secretOf(complaint.dealer).coefficients, complaint.recipient);
    const shareValid = revealedShare === honest;
    if (shareValid !== (expected === "dismissed")) throw new Error(`vector generator: ${name}`);
    return { name, complaint, revealedShare, shareValid, expected };
  };
  const complaints = [
    complaintVector(
      "trustee 2 complains about a good share from dealer 5",
      makeComplaint(ELECTION_ID, secretOf(2), keyOf(2), shareOf(5, 2), random),
      "dismissed",
    ),
    complaintVector(
      "trustee 4 complains about dealer 2's share, which fails the Feldman check",
      makeComplaint(ELECTION_ID, secretOf(4), keyOf(4), shareOf(2, 4), random),
      "upheld",
    ),
    complaintVector(
      "trustee 4 complains about dealer 3's share, which is ≥ r (congruent to the right one)",
      makeComplaint(ELECTION_ID, secretOf(4), keyOf(4), shareOf(3, 4), random),
      "upheld",
    ),
  ];
  {
    const share = shareOf(4, 1);
    const D = times(secretOf(1).coefficients[0], share.ephemeral);
    const framed = encodePoint(element(D).add(GENERATOR));
    const proof = proveComplaint(
      {
        electionId: ELECTION_ID,
        dealer: 4,
        recipient: 1,
        recipientKey: keyOf(1),
        ephemeral: share.ephemeral,
        sharedPoint: framed,
      },
      secretOf(1).coefficients[0],
      random,
    );
    complaints.push(
      complaintVector(
        "trustee 1 reveals D + G to frame dealer 4 (the proof cannot hold)",
        { dealer: 4, recipient: 1, sharedPoint: framed, proof },
        "invalid",
      ),
    );
  }
  const jointSecret = secrets.reduce((s, t) => (s + t.coefficients[0]) % r, 0n);
  const shareSecrets = ids.map((l) =>
    secrets.reduce((s, t) => (s + evaluatePolynomial(t.coefficients, l)) % r, 0n),
  );
  return {
    params,
    secrets,
    published,
    shares,
    complaints,
    jointKey: times(jointSecret),
    shareSecrets,
    shareKeys: ids.map((l) => ({ trustee: l, key: times(shareSecrets[l - 1]) })),
  };
}

function ceremonyVectors(random: RandomSource): VectorFile<CeremonyCase> {
  const c = runCeremony(random);
  return header(
    "ceremony",
    "§6 threshold key ceremony, 3 of 5: commitments with Schnorr proofs (§6.1), the 20 encrypted shares (§6.2), complaints with their verdicts (§6.4: one dismissed, two upheld — a share failing §6.3 and a share ≥ r — and one invalid framing attempt), the joint key (§6.5) and the public share keys (§6.6).",
    [
      {
        name: "3-of-5 ceremony",
        ...c.params,
        commitments: c.published,
        encryptedShares: c.shares,
        complaints: c.complaints,
        jointKey: c.jointKey,
        shareKeys: c.shareKeys,
      },
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// threshold.json

function lagrange(indices: readonly number[]): bigint[] {
  return indices.map((l) =>
    indices
      .filter((m) => m !== l)
      .reduce((acc, m) => (((acc * BigInt(m)) % r) * invertR(mod(BigInt(m - l), r))) % r, 1n),
  );
}

function thresholdVectors(random: RandomSource): VectorFile<ThresholdCase> {
  const ceremony = runCeremony(seededRandom(`${VECTOR_SEED}/ceremony`));
  const key = electionKey(ceremony.jointKey);
  const values = [1n, 0n, 1n, 1n, 0n];
  const ciphertexts = values.map((m) => encrypt(key, m, random).ciphertext.wire);
  const aggregate = sumCiphertexts(ciphertexts);
  const count = Number(values.reduce((s, m) => s + m, 0n));
  const bound = values.length;
  const target = { electionId: ELECTION_ID, contestIndex: 0, optionIndex: 2, aggregate };
  const partialOf = new Map(
    [1, 3, 5].map((l) => [
      l,
      decryptPartially(
        target,
        l,
        ceremony.shareSecrets[l - 1],
        ceremony.shareKeys[l - 1].key,
        random,
      ),
    ]),
  );
  const make = (name: string, trustees: number[], claimedCount: number): ThresholdCase => {
    const partials = trustees.map((l) => partialOf.get(l)!);
    const lambdas = lagrange(trustees);
    const combined = sumPoints(partials.map((pd, k) => times(lambdas[k], pd.partial)));
    const T = element(aggregate.beta).subtract(element(combined));
    let decryptedCount: number | null = null;
    for (let t = 0; t <= bound; t++) {
      if (times(BigInt(t)).x === encodePoint(T).x && times(BigInt(t)).y === encodePoint(T).y) {
        decryptedCount = t;
      }
    }
    if (trustees.length >= ceremony.params.threshold && decryptedCount !== count) {
      throw new Error("vector generator: threshold decryption does not give the count");
    }
    return {
      name,
      ...target,
      trustees: ceremony.params.trustees,
      threshold: ceremony.params.threshold,
      jointKey: ceremony.jointKey,
      shareKeys: trustees.map((l) => ceremony.shareKeys[l - 1]),
      ciphertexts,
      partials,
      bound,
      claimedCount,
      expected: {
        lagrange: lambdas,
        combined,
        decryptedCount,
        claimAccepted: decryptedCount === claimedCount,
      },
    };
  };
  return header(
    "threshold",
    "§7 threshold decryption with the ceremony of ceremony.json: 5 ballots (3 votes) for contest 0 option 2 under the joint key, partial decryptions with proofs from trustees 1, 3 and 5, Lagrange coefficients, M, the decrypted count, and the §7.3 verdict on a claimed count.",
    [
      make("trustees {1, 3, 5}, claim 3", [1, 3, 5], 3),
      make("trustees {5, 1, 3} (order does not matter), claim 3", [5, 1, 3], 3),
      make("trustees {1, 3, 5}, wrong claim 2", [1, 3, 5], 2),
      make("trustees {1, 3}: fewer than k = 3, claim 3", [1, 3], 3),
    ],
  );
}

// ---------------------------------------------------------------------------------------------

const GENERATORS: { [N in VectorName]: (random: RandomSource) => VectorFiles[N] } = {
  group: groupVectors,
  transcript: transcriptVectors,
  "zero-one": zeroOneVectors,
  selection: selectionVectors,
  ballot: ballotVectors,
  schnorr: schnorrVectors,
  decryption: decryptionVectors,
  ceremony: ceremonyVectors,
  threshold: thresholdVectors,
};

/** Generates one vector file from its own seeded stream. */
export function generateVectorFile<N extends VectorName>(name: N): VectorFiles[N] {
  return GENERATORS[name](seededRandom(`${VECTOR_SEED}/${name}`));
}
