import { expect } from "chai";
import {
  challenge,
  DomainTag,
  type Ciphertext,
  type Hex,
  type Point,
  type RangeProof,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiWordsOfPoints,
  ELECTION_ID,
  OTHER_ELECTION_ID,
  OTHER_VOTER,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import type { Path } from "../../helpers/tamper";
import type { ProofVerifier } from "../../../typechain-types";
import { hexWord } from "./decode";
import { deployed, makeContest } from "./fixture";
import { describeOnChainRejections } from "./onchain-tamper";

interface Statement {
  id: Hex;
  contestIndex: number;
  voter: Hex;
  min: number;
  max: number;
  key: Point;
  options: Ciphertext[];
}

const random = seededRandom("on-chain selection");
const { key } = singlePartyKey(random);

const CASES = [
  { name: "exactly one of three (1..1, L = 1)", min: 1, max: 1, selections: [0, 1, 0] },
  { name: "blank allowed, blank cast (0..1, L = 2)", min: 0, max: 1, selections: [0, 0] },
  { name: "up to two of three (0..2, L = 3)", min: 0, max: 2, selections: [1, 0, 1] },
  { name: "two or three of four (2..3, L = 2, lo ≥ 2)", min: 2, max: 3, selections: [1, 1, 1, 0] },
];

function make(c: (typeof CASES)[number]) {
  const params = {
    contestIndex: 3,
    options: c.selections.length,
    minSelections: c.min,
    maxSelections: c.max,
  };
  const { contest, aggregate } = makeContest(key, ELECTION_ID, VOTER, params, c.selections, random);
  const statement: Statement = {
    id: ELECTION_ID,
    contestIndex: 3,
    voter: VOTER,
    min: c.min,
    max: c.max,
    key: key.point,
    options: contest.ciphertexts,
  };
  return { statement, proof: contest.selectionProof, contest, aggregate };
}

const callSelection = (verifier: ProofVerifier, s: Statement, p: RangeProof) =>
  verifier.verifySelectionProof(s.id, s.contestIndex, s.voter, s.min, s.max, s.key, s.options, p);

describe("selection proof on-chain (§5.3)", function () {
  for (const c of CASES) {
    const L = c.max - c.min + 1;
    describeOnChainRejections(c.name, () => {
      const { statement, proof } = make(c);
      const optionPoints: Path[] = statement.options.flatMap((_, i) => [
        ["options", i, "alpha"],
        ["options", i, "beta"],
      ]);
      return {
        statement,
        proof,
        call: callSelection,
        invalid: { error: "RangeProofInvalid", args: [] },
        shape: { points: 2 * L, scalars: 2 * L - 1 },
        statementPoints: [["key"], ...optionPoints],
        statementTampers: [
          { name: "electionId", tamper: (s) => ({ ...s, id: OTHER_ELECTION_ID }) },
          { name: "contestIndex", tamper: (s) => ({ ...s, contestIndex: s.contestIndex + 1 }) },
          { name: "voter", tamper: (s) => ({ ...s, voter: OTHER_VOTER }) },
          {
            name: "selection rule shifted by one (same L)",
            tamper: (s) =>
              s.max + 1 <= s.options.length
                ? { ...s, min: s.min + 1, max: s.max + 1 }
                : { ...s, min: s.min - 1, max: s.max - 1 },
          },
          {
            name: "selection rule with one branch fewer",
            tamper: (s) => (L > 1 ? { ...s, min: s.min + 1 } : { ...s, max: s.max + 1 }),
            expected: {
              error: "RangeProofLengthMismatch",
              args: L > 1 ? [L - 1, L, L, L - 1, L] : [L + 1, L, L, L - 1, L],
            },
          },
        ],
      };
    });
  }

  it("does not depend on the option order (the aggregate is a sum)", async function () {
    const { verifier } = await deployed();
    const { statement: s, proof } = make(CASES[2]);
    const swapped = [s.options[1], s.options[0], ...s.options.slice(2)];
    await callSelection(verifier, { ...s, options: swapped }, proof);
  });

  it("over-voting: two selections with a proof for 2..2 are rejected under 1..1", async function () {
    const { verifier } = await deployed();
    const params = { contestIndex: 3, options: 3, minSelections: 2, maxSelections: 2 };
    const { contest } = makeContest(key, ELECTION_ID, VOTER, params, [1, 1, 0], random);
    await verifier.verifySelectionProof(
      ELECTION_ID,
      3,
      VOTER,
      2,
      2,
      key.point,
      contest.ciphertexts,
      contest.selectionProof,
    );
    await expect(
      verifier.verifySelectionProof(
        ELECTION_ID,
        3,
        VOTER,
        1,
        1,
        key.point,
        contest.ciphertexts,
        contest.selectionProof,
      ),
    ).to.be.revertedWithCustomError(verifier, "RangeProofInvalid");
  });

  it("rejects malformed shapes and selection rules", async function () {
    const { verifier } = await deployed();
    const { statement, proof } = make(CASES[1]);
    const s = statement;
    const call = (min: number, max: number, options: Ciphertext[], p: RangeProof) =>
      verifier.verifySelectionProof(s.id, 3, s.voter, min, max, s.key, options, p);
    await expect(call(0, 1, s.options, { ...proof, c: [...proof.c, 1n] }))
      .to.be.revertedWithCustomError(verifier, "RangeProofLengthMismatch")
      .withArgs(2, 2, 2, 2, 2);
    await expect(call(0, 1, s.options, { ...proof, a: proof.a.slice(1) }))
      .to.be.revertedWithCustomError(verifier, "RangeProofLengthMismatch")
      .withArgs(2, 1, 2, 1, 2);
    await expect(call(0, 1, s.options, { ...proof, v: [...proof.v, 1n] }))
      .to.be.revertedWithCustomError(verifier, "RangeProofLengthMismatch")
      .withArgs(2, 2, 2, 1, 3);
    await expect(call(0, 3, s.options, proof))
      .to.be.revertedWithCustomError(verifier, "ContestBallotSelectionRuleInvalid")
      .withArgs(0, 3, 2);
    await expect(call(2, 1, s.options, proof))
      .to.be.revertedWithCustomError(verifier, "ContestBallotSelectionRuleInvalid")
      .withArgs(2, 1, 2);
    await expect(call(0, 0, [], proof))
      .to.be.revertedWithCustomError(verifier, "ContestBallotSelectionRuleInvalid")
      .withArgs(0, 0, 0);
    const many = Array.from({ length: 40 }, () => s.options[0]);
    await expect(call(0, 32, many, proof))
      .to.be.revertedWithCustomError(verifier, "ContestBallotSelectionRuleInvalid")
      .withArgs(0, 32, 40);
  });

  it("Solidity's challenge and aggregate equal the §5.3.1 transcript and §4.3 sum", async function () {
    const { verifier } = await deployed();
    for (const c of CASES) {
      const { statement, proof, aggregate } = make(c);
      const onChainAggregate = await verifier.aggregateCiphertexts(statement.options);
      expect({
        alpha: { x: onChainAggregate.alpha.x, y: onChainAggregate.alpha.y },
        beta: { x: onChainAggregate.beta.x, y: onChainAggregate.beta.y },
      }).to.deep.equal(aggregate);
      const onChain = await verifier.selectionChallenge(
        ELECTION_ID,
        3,
        VOTER,
        c.min,
        c.max,
        key.point,
        aggregate,
        proof.a,
        proof.b,
      );
      const words = [
        DomainTag.selection,
        BigInt(ELECTION_ID),
        3n,
        BigInt(VOTER),
        BigInt(c.min),
        BigInt(c.max),
        key.point.x,
        key.point.y,
        aggregate.alpha.x,
        aggregate.alpha.y,
        aggregate.beta.x,
        aggregate.beta.y,
        ...proof.a.flatMap((a, j) => [a.x, a.y, proof.b[j].x, proof.b[j].y]),
      ];
      expect(onChain).to.equal(challenge(words));
      expect(onChain).to.equal(
        abiChallenge([
          ["bytes32", hexWord(DomainTag.selection)],
          ["bytes32", ELECTION_ID],
          ["uint256", 3n],
          ["address", VOTER],
          ["uint256", BigInt(c.min)],
          ["uint256", BigInt(c.max)],
          ...abiWordsOfPoints(key.point, aggregate.alpha, aggregate.beta),
          ...proof.a.flatMap((a, j) => abiWordsOfPoints(a, proof.b[j])),
        ]),
      );
    }
    await expect(
      verifier.selectionChallenge(
        ELECTION_ID,
        3,
        VOTER,
        0,
        1,
        key.point,
        { alpha: key.point, beta: key.point },
        [key.point],
        [],
      ),
    )
      .to.be.revertedWithCustomError(verifier, "TranscriptLengthMismatch")
      .withArgs(1, 0);
  });
});
