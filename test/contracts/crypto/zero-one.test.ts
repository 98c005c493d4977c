import { expect } from "chai";
import {
  challenge,
  DomainTag,
  GROUP_ORDER,
  type Ciphertext,
  type Hex,
  type Point,
  type ZeroOneProof,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiWordsOfPoints,
  combination,
  ELECTION_ID,
  otherPoint,
  OTHER_ELECTION_ID,
  OTHER_VOTER,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { decode, hexWord } from "./decode";
import { deployed, makeOption } from "./fixture";
import { describeOnChainRejections } from "./onchain-tamper";

interface Statement {
  id: Hex;
  contestIndex: number;
  voter: Hex;
  optionIndex: number;
  key: Point;
  ct: Ciphertext;
}

const random = seededRandom("on-chain zero-one");
const { key } = singlePartyKey(random);

function fixtureFor(value: 0 | 1) {
  const statement: Statement = {
    id: ELECTION_ID,
    contestIndex: 4,
    voter: VOTER,
    optionIndex: 2,
    key: key.point,
    ct: { alpha: { x: 0n, y: 0n }, beta: { x: 0n, y: 0n } },
  };
  const made = makeOption(key, ELECTION_ID, 4, VOTER, 2, value, random);
  statement.ct = made.ciphertext;
  return { statement, proof: made.proof };
}

describe("ZeroOneProofVerifier on-chain (§5.2)", function () {
  for (const value of [0, 1] as const) {
    describeOnChainRejections(`option proof of m = ${value}`, () => {
      const { statement, proof } = fixtureFor(value);
      return {
        statement,
        proof,
        call: (verifier, s: Statement, p: ZeroOneProof) =>
          verifier.verifyZeroOneProof(s.id, s.contestIndex, s.voter, s.optionIndex, s.key, s.ct, p),
        invalid: { error: "ZeroOneProofInvalid", args: [] },
        shape: { points: 4, scalars: 3 },
        statementPoints: [["key"], ["ct", "alpha"], ["ct", "beta"]],
        statementTampers: [
          { name: "electionId", tamper: (s) => ({ ...s, id: OTHER_ELECTION_ID }) },
          { name: "contestIndex", tamper: (s) => ({ ...s, contestIndex: s.contestIndex + 1 }) },
          { name: "voter", tamper: (s) => ({ ...s, voter: OTHER_VOTER }) },
          { name: "optionIndex", tamper: (s) => ({ ...s, optionIndex: s.optionIndex + 1 }) },
        ],
      };
    });
  }

  it("rejects a ciphertext of 2 proven with a re-used proof of 1", async function () {
    const { verifier } = await deployed();
    const { statement, proof } = fixtureFor(1);
    // β + G encrypts m + 1 = 2 with the same nonce.
    const ct = { alpha: statement.ct.alpha, beta: otherPoint(statement.ct.beta) };
    await expect(
      verifier.verifyZeroOneProof(ELECTION_ID, 4, VOTER, 2, key.point, ct, proof),
    ).to.be.revertedWithCustomError(verifier, "ZeroOneProofInvalid");
  });

  it("Solidity's challenge equals the §5.2.1 transcript hash and satisfies the TS equations", async function () {
    const { verifier } = await deployed();
    const { statement, proof } = fixtureFor(1);
    const onChain = await verifier.zeroOneChallenge(
      statement.id,
      4,
      VOTER,
      2,
      key.point,
      statement.ct,
      proof,
    );
    const words = [
      DomainTag.zeroOne,
      BigInt(ELECTION_ID),
      4n,
      BigInt(VOTER),
      2n,
      0n,
      1n,
      key.point.x,
      key.point.y,
      statement.ct.alpha.x,
      statement.ct.alpha.y,
      statement.ct.beta.x,
      statement.ct.beta.y,
      proof.a0.x,
      proof.a0.y,
      proof.b0.x,
      proof.b0.y,
      proof.a1.x,
      proof.a1.y,
      proof.b1.x,
      proof.b1.y,
    ];
    expect(words).to.have.length(21);
    expect(onChain).to.equal(challenge(words));
    expect(onChain).to.equal(
      abiChallenge([
        ["bytes32", hexWord(DomainTag.zeroOne)],
        ["bytes32", ELECTION_ID],
        ["uint256", 4n],
        ["address", VOTER],
        ["uint256", 2n],
        ["uint256", 0n],
        ["uint256", 1n],
        ...abiWordsOfPoints(key.point, statement.ct.alpha, statement.ct.beta),
        ...abiWordsOfPoints(proof.a0, proof.b0, proof.a1, proof.b1),
      ]),
    );
    // Reverse direction: the Solidity challenge, split with c₀, satisfies §5.1.2 in TS.
    const c1 = (((onChain - proof.c0) % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER;
    const [K, alpha, beta] = [key.point, statement.ct.alpha, statement.ct.beta].map(decode);
    const G = decode({ x: 1n, y: 2n });
    const eq = (terms: Array<[bigint, ReturnType<typeof decode>]>) =>
      expect(combination(terms).is0()).to.equal(true);
    eq([
      [proof.v0, G],
      [-1n, decode(proof.a0)],
      [-proof.c0, alpha],
    ]);
    eq([
      [proof.v0, K],
      [-1n, decode(proof.b0)],
      [-proof.c0, beta],
    ]);
    eq([
      [proof.v1, G],
      [-1n, decode(proof.a1)],
      [-c1, alpha],
    ]);
    eq([
      [proof.v1, K],
      [-1n, decode(proof.b1)],
      [-c1, beta],
      [c1, G],
    ]);
  });
});
