import { expect } from "chai";
import {
  decodePoint,
  DomainTag,
  GENERATOR,
  InvalidProofError,
  MalformedInputError,
  proveSchnorr,
  randomScalar,
  schnorrEquations,
  verifySchnorr,
  type CoefficientStatement,
  type Hex,
  type SchnorrProof,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiWordsOfPoints,
  combination,
  ELECTION_ID,
  expectThrows,
  OTHER_ELECTION_ID,
  pointOf,
  r,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { describeProofRejections, type Path } from "../../helpers/tamper";

const LABEL = "trustee 3 coefficient 1";

function makeProof(seed: string): {
  statement: CoefficientStatement;
  proof: SchnorrProof;
  secret: bigint;
} {
  const random = seededRandom(seed);
  const secret = randomScalar(random);
  const statement: CoefficientStatement = {
    electionId: ELECTION_ID,
    trustee: 3,
    coefficientIndex: 1,
    commitment: pointOf(secret),
  };
  return { statement, proof: proveSchnorr(statement, secret, random), secret };
}

describe("schnorr proof of a coefficient (§5.4)", function () {
  describeProofRejections("a proof of knowledge of a = log_G C", () => {
    const { statement, proof } = makeProof("schnorr");
    return {
      kind: "schnorr",
      statement,
      proof,
      verify: verifySchnorr,
      wire: (s) => s,
      proofFieldName: (path: Path) => `${LABEL} proof ${path[0]}`,
      shape: { points: 1, scalars: 1 },
      statementPoints: [{ path: ["commitment"], field: `${LABEL} commitment` }],
      statementTampers: [
        { name: "electionId", tamper: (s) => ({ ...s, electionId: OTHER_ELECTION_ID }) },
        { name: "trustee", tamper: (s) => ({ ...s, trustee: 4 }) },
        { name: "coefficientIndex", tamper: (s) => ({ ...s, coefficientIndex: 0 }) },
        {
          name: "electionId to 20 bytes",
          tamper: (s) => ({ ...s, electionId: `0x${"a1".repeat(20)}` as Hex }),
          error: MalformedInputError,
          properties: { field: "electionId" },
        },
        {
          name: "trustee to −1",
          tamper: (s) => ({ ...s, trustee: -1 }),
          error: MalformedInputError,
          properties: { field: "trustee" },
        },
        {
          name: "coefficientIndex to 0.5",
          tamper: (s) => ({ ...s, coefficientIndex: 0.5 }),
          error: MalformedInputError,
          properties: { field: "coefficientIndex" },
        },
      ],
    };
  });

  it("matches §5.4.1 word for word and uG = h + cC, checked independently", function () {
    const { statement, proof } = makeProof("schnorr layout");
    const c = abiChallenge([
      ["bytes32", `0x${DomainTag.schnorr.toString(16).padStart(64, "0")}`],
      ["bytes32", ELECTION_ID],
      ["uint256", 3n],
      ["uint256", 1n],
      ...abiWordsOfPoints(statement.commitment, proof.h),
    ]);
    const C = decodePoint(statement.commitment, "C");
    const h = decodePoint(proof.h, "h");
    expect(combination([[proof.u, GENERATOR]]).equals(h.add(combination([[c, C]])))).to.equal(true);
    expect(schnorrEquations(statement, proof)).to.have.length(1);
  });

  it("rejects a proof made with the wrong secret", function () {
    const { statement, secret } = makeProof("schnorr wrong secret");
    const proof = proveSchnorr(statement, (secret + 1n) % r);
    expectThrows(() => verifySchnorr(statement, proof), InvalidProofError, {
      kind: "schnorr",
      section: "§5.4.2",
    });
  });

  it("a proof for one coefficient does not verify for another trustee's equal commitment", function () {
    const { statement, proof } = makeProof("schnorr replay");
    expectThrows(
      () => verifySchnorr({ ...statement, trustee: 1, coefficientIndex: 0 }, proof),
      InvalidProofError,
    );
  });

  it("is randomized, and reproducible from a seeded source", function () {
    const a = makeProof("schnorr seed");
    const b = makeProof("schnorr seed");
    expect(a.proof).to.deep.equal(b.proof);
    const again = proveSchnorr(a.statement, a.secret);
    expect(again).to.not.deep.equal(a.proof);
    verifySchnorr(a.statement, again);
  });
});
