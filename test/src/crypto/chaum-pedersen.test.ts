import { expect } from "chai";
import {
  addCiphertexts,
  complaintEquations,
  decodeAggregate,
  decodeCiphertext,
  decodePoint,
  decodePointOrIdentity,
  decryptionEquations,
  DomainTag,
  encodePoint,
  encrypt,
  encryptWithNonce,
  GENERATOR,
  InvalidPointError,
  InvalidProofError,
  MalformedInputError,
  partialDecryption,
  proveComplaint,
  proveDecryption,
  randomScalar,
  subtractCiphertext,
  verifyComplaintProof,
  verifyDecryption,
  type ComplaintStatement,
  type DecodedCiphertext,
  type DecryptionStatement,
  type DleqProof,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiWordsOfPoints,
  combination,
  ELECTION_ID,
  expectThrows,
  otherPoint,
  OTHER_ELECTION_ID,
  pointOf,
  r,
  singlePartyKey,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { describeProofRejections, type Path } from "../../helpers/tamper";

const { key } = singlePartyKey(seededRandom("chaum-pedersen key"));
const DECRYPTION_LABEL = "trustee 2 decryption of contest 1 option 4";
const COMPLAINT_LABEL = "complaint of trustee 4 against trustee 2";
const tagWord = (tag: bigint) => `0x${tag.toString(16).padStart(64, "0")}`;

/** Trustee 2's share s, Kᵢ = sG, an aggregate of a few ballots and Mᵢ = sA with its proof. */
function makeDecryption(
  seed: string,
  aggregate?: DecodedCiphertext,
): { statement: DecryptionStatement; proof: DleqProof; share: bigint } {
  const random = seededRandom(seed);
  const share = randomScalar(random);
  const A =
    aggregate ?? addCiphertexts([1n, 0n, 1n].map((m) => encrypt(key, m, random).ciphertext));
  const statement: DecryptionStatement = {
    electionId: ELECTION_ID,
    contestIndex: 1,
    optionIndex: 4,
    trustee: 2,
    shareKey: pointOf(share),
    aggregate: A,
    partial: encodePoint(partialDecryption(share, A)),
  };
  return { statement, proof: proveDecryption(statement, share, random), share };
}

/** Recipient 4's key a = a_{4,0}, dealer 2's ephemeral E = ξG and D = aE with the proof. */
function makeComplaint(seed: string): {
  statement: ComplaintStatement;
  proof: DleqProof;
  secret: bigint;
} {
  const random = seededRandom(seed);
  const secret = randomScalar(random);
  const E = GENERATOR.multiply(randomScalar(random));
  const statement: ComplaintStatement = {
    electionId: ELECTION_ID,
    dealer: 2,
    recipient: 4,
    recipientKey: pointOf(secret),
    ephemeral: encodePoint(E),
    sharedPoint: encodePoint(E.multiply(secret)),
  };
  return { statement, proof: proveComplaint(statement, secret, random), secret };
}

describe("chaum-pedersen proofs (§5.5, §5.6)", function () {
  describe("decryption proof (§5.5)", function () {
    describeProofRejections("a partial decryption Mᵢ = sᵢA of a non-identity aggregate", () => {
      const { statement, proof } = makeDecryption("decryption");
      const wire = statement.aggregate.wire;
      return {
        kind: "decryption",
        statement,
        proof,
        verify: verifyDecryption,
        wire: (s) => ({ ...s, aggregate: s.aggregate.wire }),
        proofFieldName: (path: Path) => `${DECRYPTION_LABEL}: proof ${path[0]}`,
        shape: { points: 2, scalars: 1 },
        // With A ≠ O, (0, 0) for Mᵢ or b breaks the §5.5.2 identity rule.
        identityMismatch: (path) => path[0] === "b" || path[0] === "partial",
        statementPoints: [
          { path: ["shareKey"], field: `${DECRYPTION_LABEL}: share key` },
          { path: ["partial"], field: `${DECRYPTION_LABEL}: partial decryption` },
        ],
        statementTampers: [
          { name: "electionId", tamper: (s) => ({ ...s, electionId: OTHER_ELECTION_ID }) },
          { name: "contestIndex", tamper: (s) => ({ ...s, contestIndex: 0 }) },
          { name: "optionIndex", tamper: (s) => ({ ...s, optionIndex: 3 }) },
          { name: "trustee", tamper: (s) => ({ ...s, trustee: 1 }) },
          {
            name: "aggregate A",
            tamper: (s) => ({
              ...s,
              aggregate: decodeCiphertext({ ...wire, alpha: otherPoint(wire.alpha) }),
            }),
          },
          {
            name: "aggregate B",
            tamper: (s) => ({
              ...s,
              aggregate: decodeCiphertext({ ...wire, beta: otherPoint(wire.beta) }),
            }),
          },
          {
            name: "aggregate A to the identity",
            tamper: (s) => ({
              ...s,
              aggregate: decodeAggregate({ ...wire, alpha: { x: 0n, y: 0n } }),
            }),
            error: MalformedInputError,
            properties: { field: DECRYPTION_LABEL, section: "§5.5.2" },
          },
          {
            name: "electionId to 33 bytes",
            tamper: (s) => ({ ...s, electionId: `${ELECTION_ID}00` as `0x${string}` }),
            error: MalformedInputError,
            properties: { field: "electionId" },
          },
          {
            name: "trustee to 1.5",
            tamper: (s) => ({ ...s, trustee: 1.5 }),
            error: MalformedInputError,
            properties: { field: "trustee" },
          },
          {
            name: "optionIndex to −2",
            tamper: (s) => ({ ...s, optionIndex: -2 }),
            error: MalformedInputError,
            properties: { field: "optionIndex" },
          },
          {
            name: "contestIndex to NaN",
            tamper: (s) => ({ ...s, contestIndex: NaN }),
            error: MalformedInputError,
            properties: { field: "contestIndex" },
          },
        ],
      };
    });

    it("matches §5.5.1 word for word and both equations hold, checked independently", function () {
      const { statement, proof } = makeDecryption("decryption layout");
      const { alpha, beta } = statement.aggregate.wire;
      const c = abiChallenge([
        ["bytes32", tagWord(DomainTag.decryption)],
        ["bytes32", ELECTION_ID],
        ["uint256", 1n],
        ["uint256", 4n],
        ["uint256", 2n],
        ...abiWordsOfPoints(statement.shareKey, alpha, beta, statement.partial, proof.a, proof.b),
      ]);
      const K = decodePoint(statement.shareKey, "K");
      const M = decodePoint(statement.partial, "M");
      const A = statement.aggregate.alpha;
      expect(
        combination([[proof.v, GENERATOR]]).equals(
          decodePoint(proof.a, "a").add(combination([[c, K]])),
        ),
      ).to.equal(true);
      expect(
        combination([[proof.v, A]]).equals(decodePoint(proof.b, "b").add(combination([[c, M]]))),
      ).to.equal(true);
      expect(decryptionEquations(statement, proof)).to.have.length(2);
    });

    it("rejects a partial decryption made with another share (proof made with the true share)", function () {
      const { statement, proof, share } = makeDecryption("decryption wrong partial");
      const wrong = encodePoint(partialDecryption((share + 1n) % r, statement.aggregate));
      expectThrows(
        () => verifyDecryption({ ...statement, partial: wrong }, proof),
        InvalidProofError,
        {
          kind: "decryption",
        },
      );
    });

    it("rejects a proof made with a share that does not match Kᵢ", function () {
      const { statement, share } = makeDecryption("decryption wrong share");
      const lying = {
        ...statement,
        partial: encodePoint(partialDecryption((share + 1n) % r, statement.aggregate)),
      };
      const proof = proveDecryption(lying, (share + 1n) % r);
      expectThrows(() => verifyDecryption(lying, proof), InvalidProofError, {
        kind: "decryption",
        section: "§5.5.2",
      });
    });

    describe("identity aggregate rule (§5.5.2)", function () {
      // A = O: the difference of two encryptions with the same nonce, (O, 3G).
      const identityAggregate = subtractCiphertext(
        encryptWithNonce(key, 5n, 1234n),
        encryptWithNonce(key, 2n, 1234n),
      );
      const { statement, proof } = makeDecryption("identity decryption", identityAggregate);

      it("the fixture's aggregate really has A = O and B ≠ O", function () {
        expect(statement.aggregate.alpha.is0()).to.equal(true);
        expect(statement.aggregate.beta.is0()).to.equal(false);
      });

      it("Mᵢ = O and b = O, encoded (0, 0), and the proof verifies", function () {
        expect(statement.partial).to.deep.equal({ x: 0n, y: 0n });
        expect(proof.b).to.deep.equal({ x: 0n, y: 0n });
        expect(() => verifyDecryption(statement, proof)).to.not.throw();
      });

      it("also verifies for the all-identity aggregate (O, O)", function () {
        const empty = makeDecryption("empty decryption", addCiphertexts([]));
        expect(() => verifyDecryption(empty.statement, empty.proof)).to.not.throw();
      });

      it("rejects Mᵢ ≠ O when A = O", function () {
        const bad = { ...statement, partial: pointOf(7n) };
        expectThrows(() => verifyDecryption(bad, proof), MalformedInputError, {
          field: `${DECRYPTION_LABEL}`,
          section: "§5.5.2",
        });
      });

      it("rejects b ≠ O when A = O", function () {
        expectThrows(
          () => verifyDecryption(statement, { ...proof, b: pointOf(7n) }),
          MalformedInputError,
          {
            section: "§5.5.2",
          },
        );
      });

      it("still rejects a malformed Mᵢ or b that is not (0, 0)", function () {
        expectThrows(
          () => verifyDecryption({ ...statement, partial: { x: 1n, y: 3n } }, proof),
          InvalidPointError,
          { field: `${DECRYPTION_LABEL}: partial decryption`, reason: "not-on-curve" },
        );
        expectThrows(
          () => verifyDecryption(statement, { ...proof, b: { x: 0n, y: 2n } }),
          InvalidPointError,
          { field: `${DECRYPTION_LABEL}: proof b`, reason: "not-on-curve" },
        );
      });

      it("still rejects (0, 0) for a and for Kᵢ", function () {
        expectThrows(
          () => verifyDecryption(statement, { ...proof, a: { x: 0n, y: 0n } }),
          InvalidPointError,
          {
            field: `${DECRYPTION_LABEL}: proof a`,
            reason: "infinity",
          },
        );
        expectThrows(
          () => verifyDecryption({ ...statement, shareKey: { x: 0n, y: 0n } }, proof),
          InvalidPointError,
          { field: `${DECRYPTION_LABEL}: share key`, reason: "infinity" },
        );
      });

      const identityTampers: Array<[string, () => [DecryptionStatement, DleqProof]]> = [
        ["a", () => [statement, { ...proof, a: otherPoint(proof.a) }]],
        ["v", () => [statement, { ...proof, v: (proof.v + 1n) % r }]],
        ["shareKey", () => [{ ...statement, shareKey: otherPoint(statement.shareKey) }, proof]],
        [
          "B",
          () => [
            {
              ...statement,
              aggregate: decodeAggregate({ ...statement.aggregate.wire, beta: pointOf(9n) }),
            },
            proof,
          ],
        ],
        ["trustee", () => [{ ...statement, trustee: 3 }, proof]],
        ["electionId", () => [{ ...statement, electionId: OTHER_ELECTION_ID }, proof]],
      ];
      for (const [name, make] of identityTampers) {
        it(`still rejects a changed ${name} (vG = a + cKᵢ and the transcript are checked)`, function () {
          const [s, q] = make();
          expectThrows(() => verifyDecryption(s, q), InvalidProofError, { kind: "decryption" });
        });
      }

      it("rejects a non-identity A together with identity Mᵢ and b", function () {
        const nonIdentity = makeDecryption("non-identity");
        const bad = { ...nonIdentity.statement, partial: { x: 0n, y: 0n } };
        expectThrows(
          () => verifyDecryption(bad, { ...nonIdentity.proof, b: { x: 0n, y: 0n } }),
          MalformedInputError,
          {
            section: "§5.5.2",
          },
        );
      });
    });
  });

  describe("complaint proof (§5.6)", function () {
    describeProofRejections("a proof that D = a_{l,0}E for the recipient's key C_{l,0}", () => {
      const { statement, proof } = makeComplaint("complaint");
      return {
        kind: "complaint",
        statement,
        proof,
        verify: verifyComplaintProof,
        wire: (s) => s,
        proofFieldName: (path: Path) => `${COMPLAINT_LABEL}: proof ${path[0]}`,
        shape: { points: 2, scalars: 1 },
        statementPoints: [
          { path: ["recipientKey"], field: `${COMPLAINT_LABEL}: recipient key` },
          { path: ["ephemeral"], field: `${COMPLAINT_LABEL}: ephemeral E` },
          { path: ["sharedPoint"], field: `${COMPLAINT_LABEL}: shared point D` },
        ],
        statementTampers: [
          { name: "electionId", tamper: (s) => ({ ...s, electionId: OTHER_ELECTION_ID }) },
          { name: "dealer (trustee i)", tamper: (s) => ({ ...s, dealer: 3 }) },
          { name: "recipient (trustee l)", tamper: (s) => ({ ...s, recipient: 5 }) },
          {
            name: "dealer and recipient swapped",
            tamper: (s) => ({ ...s, dealer: 4, recipient: 2 }),
          },
          {
            name: "electionId to lower-case hex without 0x",
            tamper: (s) => ({ ...s, electionId: ELECTION_ID.slice(2) as `0x${string}` }),
            error: MalformedInputError,
            properties: { field: "electionId" },
          },
          {
            name: "dealer to −1",
            tamper: (s) => ({ ...s, dealer: -1 }),
            error: MalformedInputError,
            properties: { field: "dealer" },
          },
          {
            name: "recipient to 2.5",
            tamper: (s) => ({ ...s, recipient: 2.5 }),
            error: MalformedInputError,
            properties: { field: "recipient" },
          },
        ],
      };
    });

    it("matches §5.6.1 word for word and both equations hold, checked independently", function () {
      const { statement, proof } = makeComplaint("complaint layout");
      const c = abiChallenge([
        ["bytes32", tagWord(DomainTag.complaint)],
        ["bytes32", ELECTION_ID],
        ["uint256", 2n],
        ["uint256", 4n],
        ...abiWordsOfPoints(
          statement.recipientKey,
          statement.ephemeral,
          statement.sharedPoint,
          proof.a,
          proof.b,
        ),
      ]);
      const X = decodePoint(statement.recipientKey, "C");
      const E = decodePoint(statement.ephemeral, "E");
      const D = decodePoint(statement.sharedPoint, "D");
      expect(
        combination([[proof.v, GENERATOR]]).equals(
          decodePoint(proof.a, "a").add(combination([[c, X]])),
        ),
      ).to.equal(true);
      expect(
        combination([[proof.v, E]]).equals(decodePoint(proof.b, "b").add(combination([[c, D]]))),
      ).to.equal(true);
      expect(complaintEquations(statement, proof)).to.have.length(2);
    });

    it("rejects a revealed D that is not a_{l,0}E (a recipient framing the dealer)", function () {
      const { statement, secret } = makeComplaint("complaint framing");
      const E = decodePointOrIdentity(statement.ephemeral, "E");
      const framed = { ...statement, sharedPoint: encodePoint(E.multiply((secret + 1n) % r)) };
      const proof = proveComplaint(framed, secret);
      expectThrows(() => verifyComplaintProof(framed, proof), InvalidProofError, {
        kind: "complaint",
        section: "§5.6.2",
      });
    });

    it("rejects a proof made with a secret other than the recipient key's", function () {
      const { statement, secret } = makeComplaint("complaint wrong secret");
      expectThrows(
        () => verifyComplaintProof(statement, proveComplaint(statement, (secret + 1n) % r)),
        InvalidProofError,
      );
    });

    it("the prover validates E (§2.2)", function () {
      const { statement, secret } = makeComplaint("complaint prover");
      expectThrows(
        () => proveComplaint({ ...statement, ephemeral: { x: 0n, y: 0n } }, secret),
        InvalidPointError,
        { field: "complaint ephemeral E", reason: "infinity" },
      );
    });
  });
});
