import { expect } from "chai";
import {
  type Ciphertext,
  type Hex,
  type Point,
  type RangeProof,
  type ZeroOneProof,
} from "../../../src/crypto";
import {
  bumpScalar,
  ELECTION_ID,
  OTHER_ELECTION_ID,
  OTHER_VOTER,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import type { Path } from "../../helpers/tamper";
import type { ProofVerifier } from "../../../typechain-types";
import { deployed, makeContest, makeOption } from "./fixture";
import { describeOnChainRejections, type Expected } from "./onchain-tamper";

interface Statement {
  id: Hex;
  contestIndex: number;
  voter: Hex;
  min: number;
  max: number;
  key: Point;
  options: Ciphertext[];
}

interface Ballot {
  optionProofs: ZeroOneProof[];
  selectionProof: RangeProof;
}

const random = seededRandom("on-chain contest ballot");
const { key } = singlePartyKey(random);

function make(min: number, max: number, selections: number[]) {
  const params = {
    contestIndex: 1,
    options: selections.length,
    minSelections: min,
    maxSelections: max,
  };
  const { contest } = makeContest(key, ELECTION_ID, VOTER, params, selections, random);
  const statement: Statement = {
    id: ELECTION_ID,
    contestIndex: 1,
    voter: VOTER,
    min,
    max,
    key: key.point,
    options: contest.ciphertexts,
  };
  const ballot: Ballot = {
    optionProofs: contest.optionProofs,
    selectionProof: contest.selectionProof,
  };
  return { statement, ballot };
}

const callBallot = (verifier: ProofVerifier, s: Statement, b: Ballot) =>
  verifier.verifyContestBallot(
    s.id,
    s.contestIndex,
    s.voter,
    s.min,
    s.max,
    s.key,
    s.options,
    b.optionProofs,
    b.selectionProof,
  );

const optionInvalid = (i: number): Expected => ({
  error: "ContestBallotOptionProofInvalid",
  args: [i],
});
const selectionInvalid: Expected = { error: "ContestBallotSelectionProofInvalid", args: [] };

describe("ContestBallotVerifier on-chain (§8.2)", function () {
  for (const [min, max, selections] of [
    [1, 1, [0, 0, 1]],
    [0, 2, [1, 0, 1, 0]],
  ] as const) {
    describeOnChainRejections(`ballot ${min}..${max} over ${selections.length} options`, () => {
      const { statement, ballot } = make(min, max, [...selections]);
      const L = max - min + 1;
      const n = selections.length;
      return {
        statement,
        proof: ballot,
        call: callBallot,
        invalid: selectionInvalid,
        invalidAt: (path: Path) =>
          path[0] === "optionProofs" ? optionInvalid(path[1] as number) : selectionInvalid,
        statementInvalidAt: (path: Path) =>
          path[0] === "options" ? optionInvalid(path[1] as number) : optionInvalid(0),
        shape: { points: 4 * n + 2 * L, scalars: 3 * n + 2 * L - 1 },
        statementPoints: [
          ["key"],
          ...statement.options.flatMap((_, i): Path[] => [
            ["options", i, "alpha"],
            ["options", i, "beta"],
          ]),
        ],
        statementTampers: [
          {
            name: "electionId",
            tamper: (s) => ({ ...s, id: OTHER_ELECTION_ID }),
            expected: optionInvalid(0),
          },
          {
            name: "contestIndex",
            tamper: (s) => ({ ...s, contestIndex: s.contestIndex + 1 }),
            expected: optionInvalid(0),
          },
          {
            name: "voter",
            tamper: (s) => ({ ...s, voter: OTHER_VOTER }),
            expected: optionInvalid(0),
          },
          {
            name: "option order (options 0 and 1 swapped)",
            tamper: (s) => ({ ...s, options: [s.options[1], s.options[0], ...s.options.slice(2)] }),
            expected: optionInvalid(0),
          },
          {
            name: "selection rule shifted by one (same L)",
            tamper: (s) => ({ ...s, min: s.min + 1, max: s.max + 1 }),
            expected: selectionInvalid,
          },
          {
            name: "selection rule beyond the option count",
            tamper: (s) => ({ ...s, max: n + 1 }),
            expected: { error: "ContestBallotSelectionRuleInvalid", args: [min, n + 1, n] },
          },
        ],
      };
    });
  }

  it("reports the first failing option, and the selection proof only when all options pass", async function () {
    const { verifier } = await deployed();
    const { statement, ballot } = make(1, 1, [0, 1, 0]);
    const proofs = ballot.optionProofs;
    const bump = (p: ZeroOneProof): ZeroOneProof => ({ ...p, v1: bumpScalar(p.v1) });
    await expect(
      callBallot(verifier, statement, {
        ...ballot,
        optionProofs: [proofs[0], bump(proofs[1]), bump(proofs[2])],
      }),
    )
      .to.be.revertedWithCustomError(verifier, "ContestBallotOptionProofInvalid")
      .withArgs(1);
    // A malformed field anywhere is reported before any equation (§8.2.1).
    const malformed = { ...ballot.selectionProof, v: [ballot.selectionProof.v[0] + (1n << 255n)] };
    await expect(
      callBallot(verifier, statement, {
        optionProofs: [bump(proofs[0]), proofs[1], proofs[2]],
        selectionProof: malformed,
      }),
    ).to.be.revertedWithCustomError(verifier, "BN254ScalarOutOfRange");
  });

  it("rejects an over-vote made of valid option proofs (two 1s under 1..1)", async function () {
    const { verifier } = await deployed();
    const { statement, ballot } = make(1, 1, [0, 1, 0]);
    // Replace option 0 by a fresh encryption of 1 with its own valid option proof.
    const forged = makeOption(key, ELECTION_ID, 1, VOTER, 0, 1, random);
    await verifier.verifyZeroOneProof(
      ELECTION_ID,
      1,
      VOTER,
      0,
      key.point,
      forged.ciphertext,
      forged.proof,
    );
    await expect(
      callBallot(
        verifier,
        { ...statement, options: [forged.ciphertext, ...statement.options.slice(1)] },
        { ...ballot, optionProofs: [forged.proof, ...ballot.optionProofs.slice(1)] },
      ),
    ).to.be.revertedWithCustomError(verifier, "ContestBallotSelectionProofInvalid");
  });

  it("rejects shape errors", async function () {
    const { verifier } = await deployed();
    const { statement, ballot } = make(0, 1, [1, 0]);
    await expect(
      callBallot(verifier, statement, { ...ballot, optionProofs: ballot.optionProofs.slice(1) }),
    )
      .to.be.revertedWithCustomError(verifier, "ContestBallotLengthMismatch")
      .withArgs(2, 1);
    await expect(callBallot(verifier, { ...statement, min: 2, max: 1 }, ballot))
      .to.be.revertedWithCustomError(verifier, "ContestBallotSelectionRuleInvalid")
      .withArgs(2, 1, 2);
    await expect(
      callBallot(verifier, { ...statement, options: [] }, { ...ballot, optionProofs: [] }),
    )
      .to.be.revertedWithCustomError(verifier, "ContestBallotSelectionRuleInvalid")
      .withArgs(0, 1, 0);
    await expect(
      callBallot(verifier, statement, {
        ...ballot,
        selectionProof: { ...ballot.selectionProof, c: [] },
      }),
    )
      .to.be.revertedWithCustomError(verifier, "RangeProofLengthMismatch")
      .withArgs(2, 2, 2, 0, 2);
  });
});
