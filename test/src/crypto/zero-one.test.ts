import { expect } from "chai";
import {
  decodeCiphertext,
  decodePoint,
  DomainTag,
  electionKey,
  encodeMessage,
  encrypt,
  encryptWithNonce,
  fromElements,
  GENERATOR,
  InvalidProofError,
  MalformedInputError,
  proveRange,
  proveZeroOne,
  randomScalar,
  verifyZeroOne,
  zeroOneEquations,
  zeroOneStatementLabel,
  type OptionStatement,
  type Point,
  type ZeroOneProof,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiWordsOfPoints,
  combination,
  ELECTION_ID,
  expectThrows,
  otherPoint,
  OTHER_ELECTION_ID,
  OTHER_VOTER,
  r,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { describeProofRejections, type Path, type ProofFixture } from "../../helpers/tamper";

const { key } = singlePartyKey(seededRandom("zero-one key"));
const context = { electionId: ELECTION_ID, contestIndex: 2, voter: VOTER };
const LABEL = "contest 2 option 5 proof";
const FIELD_NAMES: Record<string, string> = {
  a0: "a[0]",
  a1: "a[1]",
  b0: "b[0]",
  b1: "b[1]",
  c0: "c[0]",
  v0: "v[0]",
  v1: "v[1]",
};

function makeProof(
  value: 0 | 1,
  seed: string,
): { statement: OptionStatement; proof: ZeroOneProof } {
  const random = seededRandom(seed);
  const { ciphertext, nonce } = encrypt(key, BigInt(value), random);
  const statement: OptionStatement = { context, optionIndex: 5, key, ciphertext };
  return { statement, proof: proveZeroOne(statement, { value, nonce }, random) };
}

function fixture(value: 0 | 1): ProofFixture<OptionStatement, ZeroOneProof> {
  const { statement, proof } = makeProof(value, `zero-one ${value}`);
  const wire = statement.ciphertext.wire;
  const withContext = (s: OptionStatement, change: Partial<OptionStatement["context"]>) => ({
    ...s,
    context: { ...s.context, ...change },
  });
  return {
    kind: "zero-one",
    statement,
    proof,
    verify: verifyZeroOne,
    wire: (s) => ({
      context: s.context,
      optionIndex: s.optionIndex,
      key: s.key.point,
      ciphertext: s.ciphertext.wire,
    }),
    proofFieldName: (path: Path) => `${LABEL} ${FIELD_NAMES[path[0]]}`,
    shape: { points: 4, scalars: 3 },
    statementTampers: [
      { name: "electionId", tamper: (s) => withContext(s, { electionId: OTHER_ELECTION_ID }) },
      { name: "contestIndex", tamper: (s) => withContext(s, { contestIndex: 3 }) },
      { name: "voter", tamper: (s) => withContext(s, { voter: OTHER_VOTER }) },
      { name: "optionIndex", tamper: (s) => ({ ...s, optionIndex: 4 }) },
      { name: "key", tamper: (s) => ({ ...s, key: electionKey(otherPoint(s.key.point)) }) },
      {
        name: "ciphertext α",
        tamper: (s) => ({
          ...s,
          ciphertext: decodeCiphertext({ ...wire, alpha: otherPoint(wire.alpha) }),
        }),
      },
      {
        name: "ciphertext β",
        tamper: (s) => ({
          ...s,
          ciphertext: decodeCiphertext({ ...wire, beta: otherPoint(wire.beta) }),
        }),
      },
      {
        name: "ciphertext (another encryption of the same value)",
        tamper: (s) => ({ ...s, ciphertext: encrypt(key, BigInt(value)).ciphertext }),
      },
      {
        name: "electionId to 31 bytes",
        tamper: (s) => withContext(s, { electionId: `0x${"a1".repeat(31)}` }),
        error: MalformedInputError,
        properties: { field: "electionId" },
      },
      {
        name: "voter to 32 bytes",
        tamper: (s) => withContext(s, { voter: ELECTION_ID }),
        error: MalformedInputError,
        properties: { field: "voter" },
      },
      {
        name: "contestIndex to −1",
        tamper: (s) => withContext(s, { contestIndex: -1 }),
        error: MalformedInputError,
        properties: { field: "contestIndex" },
      },
      {
        name: "optionIndex to 1.5",
        tamper: (s) => ({ ...s, optionIndex: 1.5 }),
        error: MalformedInputError,
        properties: { field: "optionIndex" },
      },
    ],
  };
}

describe("zero-one option proof (§5.2)", function () {
  describeProofRejections("a proof that the ciphertext encrypts 1", () => fixture(1));
  describeProofRejections("a proof that the ciphertext encrypts 0", () => fixture(0));

  describe("transcript and equations", function () {
    it("matches §5.2.1 word for word: keccak256(abi.encode(…21 words)) checked independently", function () {
      for (const value of [0, 1] as const) {
        const { statement, proof } = makeProof(value, `zero-one layout ${value}`);
        const { alpha, beta } = statement.ciphertext.wire;
        const c = abiChallenge([
          ["bytes32", `0x${DomainTag.zeroOne.toString(16).padStart(64, "0")}`],
          ["bytes32", ELECTION_ID],
          ["uint256", 2n],
          ["address", VOTER],
          ["uint256", 5n],
          ["uint256", 0n],
          ["uint256", 1n],
          ...abiWordsOfPoints(key.point, alpha, beta, proof.a0, proof.b0, proof.a1, proof.b1),
        ]);
        const c1 = (((c - proof.c0) % r) + r) % r;
        const A = statement.ciphertext.alpha;
        const B = statement.ciphertext.beta;
        const K = key.element;
        const point = (q: Point) => decodePoint(q, "q");
        // §5.2.3: v₀G = a₀ + c₀α, v₀K = b₀ + c₀β, v₁G = a₁ + c₁α, v₁K = b₁ + c₁(β − G).
        const holds = [
          combination([[proof.v0, GENERATOR]]).equals(
            point(proof.a0).add(combination([[proof.c0, A]])),
          ),
          combination([[proof.v0, K]]).equals(point(proof.b0).add(combination([[proof.c0, B]]))),
          combination([[proof.v1, GENERATOR]]).equals(point(proof.a1).add(combination([[c1, A]]))),
          combination([[proof.v1, K]]).equals(
            point(proof.b1).add(combination([[c1, B.subtract(GENERATOR)]])),
          ),
        ];
        expect(holds).to.deep.equal([true, true, true, true]);
      }
    });

    it("zeroOneEquations returns the four equations of §5.2.3", function () {
      const { statement, proof } = makeProof(1, "zero-one equations");
      expect(zeroOneEquations(statement, proof)).to.have.length(4);
    });

    it("labels the proof by contest and option", function () {
      const { statement } = makeProof(0, "zero-one label");
      expect(zeroOneStatementLabel(statement)).to.equal(LABEL);
    });

    it("is reproducible from a seeded source and randomized otherwise", function () {
      const a = makeProof(1, "same seed");
      const b = makeProof(1, "same seed");
      expect(a.proof).to.deep.equal(b.proof);
      const nonce = randomScalar();
      const ciphertext = encryptWithNonce(key, 1n, nonce);
      const statement = { context, optionIndex: 0, key, ciphertext };
      const p1 = proveZeroOne(statement, { value: 1, nonce });
      const p2 = proveZeroOne(statement, { value: 1, nonce });
      expect(p1).to.not.deep.equal(p2);
      verifyZeroOne(statement, p1);
      verifyZeroOne(statement, p2);
    });
  });

  describe("soundness against a lying prover", function () {
    const random = seededRandom("zero-one soundness");

    /** Enc(m; ρ) for any integer m, negative included: (ρG, ρK + mG). */
    const encryptAny = (m: bigint, nonce: bigint) =>
      fromElements(GENERATOR.multiply(nonce), key.element.multiply(nonce).add(encodeMessage(m)));

    for (const [m, claimed] of [
      [2n, 1],
      [2n, 0],
      [-1n, 0],
      [1n, 0],
      [0n, 1],
    ] as const) {
      it(`rejects a proof claiming ${claimed} for an encryption of ${m}`, function () {
        const nonce = randomScalar(random);
        const statement: OptionStatement = {
          context,
          optionIndex: 1,
          key,
          ciphertext: encryptAny(m, nonce),
        };
        const proof = proveZeroOne(statement, { value: claimed, nonce }, random);
        expectThrows(() => verifyZeroOne(statement, proof), InvalidProofError, {
          kind: "zero-one",
        });
      });
    }

    it("rejects a proof made with the wrong nonce", function () {
      const { ciphertext, nonce } = encrypt(key, 1n, random);
      const statement = { context, optionIndex: 0, key, ciphertext };
      const proof = proveZeroOne(statement, { value: 1, nonce: (nonce + 1n) % r }, random);
      expectThrows(() => verifyZeroOne(statement, proof), InvalidProofError, {
        kind: "zero-one",
        section: "§5.2.3",
      });
    });

    it("the prover refuses values outside {0, 1}", function () {
      const { ciphertext, nonce } = encrypt(key, 2n, random);
      const statement = { context, optionIndex: 0, key, ciphertext };
      for (const value of [2, -1, 0.5]) {
        expectThrows(
          () => proveZeroOne(statement, { value: value as 0 | 1, nonce }),
          MalformedInputError,
          { field: "contest 2 option 0 proof" },
        );
      }
    });

    it("a range proof for 2 ∈ [1, 2] (same shape) does not pass as a zero-one proof", function () {
      const { ciphertext, nonce } = encrypt(key, 2n, random);
      const statement = { context, optionIndex: 0, key, ciphertext };
      const range = proveRange(
        {
          tag: DomainTag.zeroOne,
          context: [BigInt(ELECTION_ID), 2n, BigInt(VOTER), 0n],
          lo: 1,
          hi: 2,
          key,
          ciphertext,
          label: "forged",
        },
        { value: 2, nonce },
        random,
      );
      const forged: ZeroOneProof = {
        a0: range.a[0],
        b0: range.b[0],
        a1: range.a[1],
        b1: range.b[1],
        c0: range.c[0],
        v0: range.v[0],
        v1: range.v[1],
      };
      expectThrows(() => verifyZeroOne(statement, forged), InvalidProofError, { kind: "zero-one" });
    });
  });
});
