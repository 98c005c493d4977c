import { expect } from "chai";
import {
  challenge,
  combineShares,
  decodeAggregate,
  decryptPartially,
  DomainTag,
  encryptShare,
  evaluatePolynomial,
  makeComplaint,
  publicShareKey,
  sharePad,
  type Ciphertext,
  type DleqProof,
  type Hex,
  type Point,
  type SchnorrProof,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiHash,
  abiWordsOfPoints,
  bumpScalar,
  combination,
  ELECTION_ID,
  OTHER_ELECTION_ID,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import type { Path } from "../../helpers/tamper";
import type { ProofVerifier } from "../../../typechain-types";
import { decode, hexWord } from "./decode";
import { deployed, makeCeremony, makeContest } from "./fixture";
import { describeOnChainRejections } from "./onchain-tamper";

const random = seededRandom("on-chain trustee proofs");
const G = decode({ x: 1n, y: 2n });
const ceremony = makeCeremony(ELECTION_ID, 3, 2, random);
const published = ceremony.map((t) => t.published);
const shareOf = (l: number) =>
  combineShares(ceremony.map((t) => evaluatePolynomial(t.secrets.coefficients, l)));

// ---------------------------------------------------------------------------------------------
// §5.4 Schnorr

interface SchnorrStatement {
  id: Hex;
  trustee: number;
  coefficientIndex: number;
  commitment: Point;
}

const callSchnorr = (v: ProofVerifier, s: SchnorrStatement, p: SchnorrProof) =>
  v.verifySchnorrProof(s.id, s.trustee, s.coefficientIndex, s.commitment, p);

describe("SchnorrProofVerifier on-chain (§5.4)", function () {
  describeOnChainRejections("proof of a_{2,1}", () => ({
    statement: {
      id: ELECTION_ID,
      trustee: 2,
      coefficientIndex: 1,
      commitment: published[1].commitments[1],
    },
    proof: published[1].proofs[1],
    call: callSchnorr,
    invalid: { error: "SchnorrProofInvalid", args: [] },
    shape: { points: 1, scalars: 1 },
    statementPoints: [["commitment"]],
    statementTampers: [
      { name: "electionId", tamper: (s) => ({ ...s, id: OTHER_ELECTION_ID }) },
      { name: "trustee", tamper: (s) => ({ ...s, trustee: 3 }) },
      { name: "coefficientIndex", tamper: (s) => ({ ...s, coefficientIndex: 0 }) },
    ],
  }));

  it("every SDK-made commitment proof verifies; the Solidity challenge satisfies uG = h + cC in TS", async function () {
    const { verifier } = await deployed();
    for (const t of published) {
      for (let j = 0; j < t.commitments.length; j++) {
        const C = t.commitments[j];
        const { h, u } = t.proofs[j];
        await callSchnorr(
          verifier,
          { id: ELECTION_ID, trustee: t.trustee, coefficientIndex: j, commitment: C },
          t.proofs[j],
        );
        const c = await verifier.schnorrChallenge(ELECTION_ID, t.trustee, j, C, h);
        const words = [
          DomainTag.schnorr,
          BigInt(ELECTION_ID),
          BigInt(t.trustee),
          BigInt(j),
          C.x,
          C.y,
          h.x,
          h.y,
        ];
        expect(c).to.equal(challenge(words));
        expect(c).to.equal(
          abiChallenge([
            ["bytes32", hexWord(DomainTag.schnorr)],
            ["bytes32", ELECTION_ID],
            ["uint256", BigInt(t.trustee)],
            ["uint256", BigInt(j)],
            ...abiWordsOfPoints(C, h),
          ]),
        );
        expect(
          combination([
            [u, G],
            [-1n, decode(h)],
            [-c, decode(C)],
          ]).is0(),
        ).to.equal(true);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// §5.5 decryption

interface DecryptionStatement {
  id: Hex;
  contestIndex: number;
  optionIndex: number;
  trustee: number;
  shareKey: Point;
  aggregate: Ciphertext;
  partial: Point;
}

const callDecryption = (v: ProofVerifier, s: DecryptionStatement, p: DleqProof) =>
  v.verifyDecryptionProof(
    s.id,
    s.contestIndex,
    s.optionIndex,
    s.trustee,
    s.shareKey,
    s.aggregate,
    s.partial,
    p,
  );

function decryptionFixture(aggregate: Ciphertext, trustee: number) {
  const shareKey = publicShareKey(published, trustee);
  const pd = decryptPartially(
    { electionId: ELECTION_ID, contestIndex: 5, optionIndex: 1, aggregate },
    trustee,
    shareOf(trustee),
    shareKey,
    random,
  );
  const statement: DecryptionStatement = {
    id: ELECTION_ID,
    contestIndex: 5,
    optionIndex: 1,
    trustee,
    shareKey,
    aggregate,
    partial: pd.partial,
  };
  return { statement, proof: pd.proof };
}

describe("DecryptionProofVerifier on-chain (§5.5)", function () {
  const { key } = singlePartyKey(random);
  const { aggregate } = makeContest(
    key,
    ELECTION_ID,
    VOTER,
    { contestIndex: 5, options: 2, minSelections: 1, maxSelections: 1 },
    [0, 1],
    random,
  );

  describeOnChainRejections("partial decryption of trustee 3", () => {
    const { statement, proof } = decryptionFixture(aggregate, 3);
    const mismatch = { error: "DecryptionProofIdentityMismatch", args: [] };
    return {
      statement,
      proof,
      call: callDecryption,
      invalid: { error: "DecryptionProofInvalid", args: [] },
      shape: { points: 2, scalars: 1 },
      statementPoints: [["shareKey"], ["aggregate", "alpha"], ["aggregate", "beta"], ["partial"]],
      malformedOverride: (where, path: Path, bad) => {
        if (!bad.startsWith("infinity")) return undefined;
        const name = path.join(".");
        // §5.5.2: Mᵢ and b are O iff A is O; B may be O (it is verifier-computed).
        if (name === "b" || name === "partial" || name === "aggregate.alpha") return mismatch;
        if (name === "aggregate.beta") return { error: "DecryptionProofInvalid", args: [] };
        return undefined;
      },
      statementTampers: [
        { name: "electionId", tamper: (s) => ({ ...s, id: OTHER_ELECTION_ID }) },
        { name: "contestIndex", tamper: (s) => ({ ...s, contestIndex: 6 }) },
        { name: "optionIndex", tamper: (s) => ({ ...s, optionIndex: 0 }) },
        { name: "trustee", tamper: (s) => ({ ...s, trustee: 2 }) },
        {
          name: "share key of another trustee",
          tamper: (s) => ({ ...s, shareKey: publicShareKey(published, 2) }),
        },
      ],
    };
  });

  it("accepts the §5.5.2 identity case A = O (Mᵢ = b = O) and enforces the rule", async function () {
    const { verifier } = await deployed();
    const identityAggregate: Ciphertext = { alpha: { x: 0n, y: 0n }, beta: aggregate.beta };
    const { statement, proof } = decryptionFixture(identityAggregate, 1);
    expect(statement.partial).to.deep.equal({ x: 0n, y: 0n });
    expect(proof.b).to.deep.equal({ x: 0n, y: 0n });
    await callDecryption(verifier, statement, proof);
    await expect(
      callDecryption(verifier, { ...statement, partial: aggregate.beta }, proof),
    ).to.be.revertedWithCustomError(verifier, "DecryptionProofIdentityMismatch");
    await expect(
      callDecryption(verifier, statement, { ...proof, b: aggregate.beta }),
    ).to.be.revertedWithCustomError(verifier, "DecryptionProofIdentityMismatch");
    await expect(
      callDecryption(verifier, statement, { ...proof, v: bumpScalar(proof.v) }),
    ).to.be.revertedWithCustomError(verifier, "DecryptionProofInvalid");
  });

  it("Solidity's challenge equals the §5.5.1 transcript and satisfies the TS equations", async function () {
    const { verifier } = await deployed();
    for (const l of [1, 2, 3]) {
      const { statement: s, proof } = decryptionFixture(aggregate, l);
      await callDecryption(verifier, s, proof);
      const c = await verifier.decryptionChallenge(
        s.id,
        s.contestIndex,
        s.optionIndex,
        s.trustee,
        s.shareKey,
        s.aggregate,
        s.partial,
        proof.a,
        proof.b,
      );
      const words = [
        DomainTag.decryption,
        BigInt(ELECTION_ID),
        5n,
        1n,
        BigInt(l),
        ...[s.shareKey, s.aggregate.alpha, s.aggregate.beta, s.partial, proof.a, proof.b].flatMap(
          (q) => [q.x, q.y],
        ),
      ];
      expect(words).to.have.length(17);
      expect(c).to.equal(challenge(words));
      expect(c).to.equal(
        abiChallenge([
          ["bytes32", hexWord(DomainTag.decryption)],
          ["bytes32", ELECTION_ID],
          ["uint256", 5n],
          ["uint256", 1n],
          ["uint256", BigInt(l)],
          ...abiWordsOfPoints(
            s.shareKey,
            s.aggregate.alpha,
            s.aggregate.beta,
            s.partial,
            proof.a,
            proof.b,
          ),
        ]),
      );
      const A = decodeAggregate(s.aggregate).alpha;
      expect(
        combination([
          [proof.v, G],
          [-1n, decode(proof.a)],
          [-c, decode(s.shareKey)],
        ]).is0(),
      ).to.equal(true);
      expect(
        combination([
          [proof.v, A],
          [-1n, decode(proof.b)],
          [-c, decode(s.partial)],
        ]).is0(),
      ).to.equal(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// §5.6 complaint proof and §6.2 pad

interface ComplaintStatement {
  id: Hex;
  dealer: number;
  recipient: number;
  recipientKey: Point;
  ephemeral: Point;
  sharedPoint: Point;
}

const callComplaint = (v: ProofVerifier, s: ComplaintStatement, p: DleqProof) =>
  v.verifyComplaintProof(
    s.id,
    s.dealer,
    s.recipient,
    s.recipientKey,
    s.ephemeral,
    s.sharedPoint,
    p,
  );

function complaintFixture(dealer: number, recipient: number, corrupt: boolean) {
  const recipientKey = published[recipient - 1].commitments[0];
  const honest = encryptShare(
    ELECTION_ID,
    ceremony[dealer - 1].secrets,
    recipient,
    recipientKey,
    random,
  );
  const share = corrupt ? { ...honest, masked: honest.masked ^ 0x10n } : honest;
  const complaint = makeComplaint(
    ELECTION_ID,
    ceremony[recipient - 1].secrets,
    recipientKey,
    share,
    random,
  );
  const statement: ComplaintStatement = {
    id: ELECTION_ID,
    dealer,
    recipient,
    recipientKey,
    ephemeral: share.ephemeral,
    sharedPoint: complaint.sharedPoint,
  };
  return { statement, proof: complaint.proof, share, complaint };
}

describe("ComplaintProofVerifier on-chain (§5.6)", function () {
  describeOnChainRejections("complaint of trustee 3 against trustee 1", () => {
    const { statement, proof } = complaintFixture(1, 3, true);
    return {
      statement,
      proof,
      call: callComplaint,
      invalid: { error: "ComplaintProofInvalid", args: [] },
      shape: { points: 2, scalars: 1 },
      statementPoints: [["recipientKey"], ["ephemeral"], ["sharedPoint"]],
      statementTampers: [
        { name: "electionId", tamper: (s) => ({ ...s, id: OTHER_ELECTION_ID }) },
        { name: "dealer", tamper: (s) => ({ ...s, dealer: 2 }) },
        { name: "recipient", tamper: (s) => ({ ...s, recipient: 2 }) },
      ],
    };
  });

  it("Solidity's challenge and pad equal the §5.6.1 / §6.2 hashes", async function () {
    const { verifier } = await deployed();
    const { statement: s, proof } = complaintFixture(2, 1, false);
    const c = await verifier.complaintChallenge(
      s.id,
      s.dealer,
      s.recipient,
      s.recipientKey,
      s.ephemeral,
      s.sharedPoint,
      proof.a,
      proof.b,
    );
    const words = [
      DomainTag.complaint,
      BigInt(ELECTION_ID),
      2n,
      1n,
      ...[s.recipientKey, s.ephemeral, s.sharedPoint, proof.a, proof.b].flatMap((q) => [q.x, q.y]),
    ];
    expect(words).to.have.length(14);
    expect(c).to.equal(challenge(words));
    expect(c).to.equal(
      abiChallenge([
        ["bytes32", hexWord(DomainTag.complaint)],
        ["bytes32", ELECTION_ID],
        ["uint256", 2n],
        ["uint256", 1n],
        ...abiWordsOfPoints(s.recipientKey, s.ephemeral, s.sharedPoint, proof.a, proof.b),
      ]),
    );
    expect(
      combination([
        [proof.v, G],
        [-1n, decode(proof.a)],
        [-c, decode(s.recipientKey)],
      ]).is0(),
    ).to.equal(true);
    expect(
      combination([
        [proof.v, decode(s.ephemeral)],
        [-1n, decode(proof.b)],
        [-c, decode(s.sharedPoint)],
      ]).is0(),
    ).to.equal(true);
    const pad = await verifier.sharePad(s.id, 2, 1, s.ephemeral, s.sharedPoint);
    expect(BigInt(pad)).to.equal(sharePad(ELECTION_ID, 2, 1, s.ephemeral, s.sharedPoint));
    expect(BigInt(pad)).to.equal(
      abiHash([
        ["bytes32", hexWord(DomainTag.sharePad)],
        ["bytes32", ELECTION_ID],
        ["uint256", 2n],
        ["uint256", 1n],
        ...abiWordsOfPoints(s.ephemeral, s.sharedPoint),
      ]),
    );
  });
});

export { complaintFixture, ceremony, published, shareOf };
