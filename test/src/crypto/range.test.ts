import { expect } from "chai";
import {
  allHoldOneByOne,
  branchCount,
  DomainTag,
  encrypt,
  MalformedInputError,
  MAX_RANGE_BRANCHES,
  proveRange,
  rangeProofEquations,
  type RangeStatement,
} from "../../../src/crypto";
import { bumpScalar, expectThrows, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";

const { key } = singlePartyKey(seededRandom("range key"));
const random = seededRandom("range");

function statementFor(lo: number, hi: number, value: number) {
  const { ciphertext, nonce } = encrypt(key, BigInt(value), random);
  const statement: RangeStatement = {
    tag: DomainTag.selection,
    context: [1n, 2n, 3n],
    lo,
    hi,
    key,
    ciphertext,
    label: "test range proof",
  };
  return { statement, nonce };
}

describe("range proof (§5.1)", function () {
  describe("branchCount", function () {
    it("is hi − lo + 1 for 1 to 32 branches", function () {
      expect(MAX_RANGE_BRANCHES).to.equal(32);
      expect(branchCount(0, 0, "x")).to.equal(1);
      expect(branchCount(0, 1, "x")).to.equal(2);
      expect(branchCount(5, 9, "x")).to.equal(5);
      expect(branchCount(0, 31, "x")).to.equal(32);
      expect(branchCount(100, 131, "x")).to.equal(32);
    });

    it("rejects more than 32 branches, hi < lo, negative and non-integer bounds", function () {
      for (const [lo, hi] of [
        [0, 32],
        [1, 0],
        [-1, 1],
        [0.5, 1],
        [0, 1.5],
        [0, NaN],
      ]) {
        expectThrows(() => branchCount(lo, hi, "the range"), MalformedInputError, {
          field: "the range",
          section: "§5.1",
        });
      }
    });
  });

  for (const [lo, hi, values] of [
    [0, 0, [0]],
    [3, 3, [3]],
    [5, 9, [5, 7, 9]],
    [0, 31, [0, 17, 31]],
  ] as const) {
    it(`proves and verifies every tested value of [${lo}, ${hi}] (${hi - lo + 1} branches)`, function () {
      for (const value of values) {
        const { statement, nonce } = statementFor(lo, hi, value);
        const proof = proveRange(statement, { value, nonce }, random);
        const L = hi - lo + 1;
        expect([proof.a.length, proof.b.length, proof.c.length, proof.v.length]).to.deep.equal([
          L,
          L,
          L - 1,
          L,
        ]);
        const equations = rangeProofEquations(statement, proof);
        expect(equations).to.have.length(2 * L);
        expect(allHoldOneByOne(equations)).to.equal(true);
        // One bumped response breaks it (so the check above is not vacuous).
        const bumped = { ...proof, v: [bumpScalar(proof.v[0]), ...proof.v.slice(1)] };
        expect(allHoldOneByOne(rangeProofEquations(statement, bumped))).to.equal(false);
      }
    });
  }

  it("the prover refuses values outside [lo, hi] and non-integer values", function () {
    for (const value of [4, 10, 7.5]) {
      const { statement, nonce } = statementFor(5, 9, Math.floor(value));
      expectThrows(() => proveRange(statement, { value, nonce }), MalformedInputError, {
        field: "test range proof",
      });
    }
  });

  it("a lying prover (claims 6, encrypts 4) is rejected by the equations", function () {
    const { statement, nonce } = statementFor(5, 9, 4);
    const proof = proveRange(statement, { value: 6, nonce }, random);
    expect(allHoldOneByOne(rangeProofEquations(statement, proof))).to.equal(false);
  });

  it("the tag and context words are bound", function () {
    const { statement, nonce } = statementFor(0, 2, 1);
    const proof = proveRange(statement, { value: 1, nonce }, random);
    expect(allHoldOneByOne(rangeProofEquations(statement, proof))).to.equal(true);
    expect(
      allHoldOneByOne(rangeProofEquations({ ...statement, tag: DomainTag.zeroOne }, proof)),
    ).to.equal(false);
    expect(
      allHoldOneByOne(rangeProofEquations({ ...statement, context: [1n, 2n, 4n] }, proof)),
    ).to.equal(false);
    expect(
      allHoldOneByOne(rangeProofEquations({ ...statement, context: [1n, 2n] }, proof)),
    ).to.equal(false);
  });
});
