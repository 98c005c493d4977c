import { expect } from "chai";
import {
  addCiphertexts,
  checkCeremonyParameters,
  combinePartials,
  combineShares,
  countMatches,
  createTrustee,
  decideComplaint,
  decodeAggregate,
  decodePoint,
  DecryptionOutOfBoundError,
  decryptCount,
  decryptPartially,
  decryptShare,
  DomainTag,
  electionKey,
  encodePoint,
  encrypt,
  encryptShare,
  encryptWithNonce,
  evaluatePolynomial,
  GENERATOR,
  InvalidPointError,
  InvalidScalarError,
  jointElectionKey,
  lagrangeCoefficients,
  makeComplaint,
  MalformedInputError,
  publicShareKey,
  randomScalar,
  sharePad,
  shareIsValid,
  subtractCiphertext,
  verifyDecryption,
  verifySchnorr,
  type CeremonyParameters,
  type Complaint,
  type EncryptedShare,
  type TrusteeCommitments,
} from "../../../src/crypto";
import {
  abiHash,
  abiWordsOfPoints,
  bumpScalar,
  ELECTION_ID,
  expectThrows,
  otherPoint,
  pointOf,
  r,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";

const modR = (x: bigint) => ((x % r) + r) % r;

/** A full §6 ceremony with the encrypted-share exchange, as the trustees run it. */
function runCeremony(n: number, k: number, seed: string) {
  const random = seededRandom(seed);
  const params: CeremonyParameters = { electionId: ELECTION_ID, trustees: n, threshold: k };
  const trustees = Array.from({ length: n }, (_, i) => createTrustee(params, i + 1, random));
  const published = trustees.map((t) => t.published);
  const secrets = trustees.map((t) => t.secrets);
  const keyOf = (l: number) => published[l - 1].commitments[0];
  // shares[i][l]: dealer i+1's encrypted share for recipient l+1 (undefined on the diagonal).
  const shares: Array<Array<EncryptedShare | undefined>> = secrets.map((dealer) =>
    secrets.map((recipient) =>
      dealer.trustee === recipient.trustee
        ? undefined
        : encryptShare(ELECTION_ID, dealer, recipient.trustee, keyOf(recipient.trustee), random),
    ),
  );
  const finalShares = secrets.map((recipient, l) =>
    combineShares(
      secrets.map((dealer, i) => {
        if (i === l) return evaluatePolynomial(recipient.coefficients, recipient.trustee);
        const { value } = decryptShare(ELECTION_ID, recipient, shares[i][l] as EncryptedShare);
        expect(shareIsValid(published[i].commitments, recipient.trustee, value)).to.equal(true);
        return value;
      }),
    ),
  );
  return { params, published, secrets, shares, finalShares, keyOf, random };
}

describe("threshold key ceremony and decryption (§6, §7)", function () {
  describe("parameters (§6)", function () {
    it("accepts 1 ≤ k ≤ n ≤ 255", function () {
      for (const [trustees, threshold] of [
        [1, 1],
        [5, 3],
        [255, 255],
      ]) {
        expect(() =>
          checkCeremonyParameters({ electionId: ELECTION_ID, trustees, threshold }),
        ).to.not.throw();
      }
    });

    it("rejects bad trustee counts and thresholds, naming the field", function () {
      const cases: Array<[number, number, string]> = [
        [0, 1, "trustees"],
        [256, 1, "trustees"],
        [2.5, 1, "trustees"],
        [3, 0, "threshold"],
        [3, 4, "threshold"],
        [3, 1.5, "threshold"],
      ];
      for (const [trustees, threshold, field] of cases) {
        expectThrows(
          () => checkCeremonyParameters({ electionId: ELECTION_ID, trustees, threshold }),
          MalformedInputError,
          { field, section: "§6" },
        );
      }
    });
  });

  describe("createTrustee (§6.1)", function () {
    const params = { electionId: ELECTION_ID, trustees: 4, threshold: 3 };

    it("publishes k commitments C_{i,j} = a_{i,j}G, each with a valid Schnorr proof", function () {
      const { secrets, published } = createTrustee(params, 2, seededRandom("create"));
      expect(secrets.coefficients).to.have.length(3);
      expect(published.commitments).to.have.length(3);
      expect(published.proofs).to.have.length(3);
      secrets.coefficients.forEach((a, j) => {
        expect(published.commitments[j]).to.deep.equal(pointOf(a));
        const statement = {
          electionId: ELECTION_ID,
          trustee: 2,
          coefficientIndex: j,
          commitment: published.commitments[j],
        };
        expect(() => verifySchnorr(statement, published.proofs[j])).to.not.throw();
        // Each proof is bound to its own coefficient index.
        const other = { ...statement, coefficientIndex: (j + 1) % 3 };
        expect(() => verifySchnorr(other, published.proofs[j])).to.throw();
      });
    });

    it("rejects trustee indices outside 1 … n and bad parameters", function () {
      for (const index of [0, 5, 1.5, -1]) {
        expectThrows(() => createTrustee(params, index), MalformedInputError, { field: "trustee" });
      }
      expectThrows(() => createTrustee({ ...params, threshold: 5 }, 1), MalformedInputError, {
        field: "threshold",
      });
    });
  });

  describe("evaluatePolynomial", function () {
    it("matches Σ a_j x^j mod r", function () {
      const random = seededRandom("poly");
      const coefficients = Array.from({ length: 5 }, () => randomScalar(random));
      for (const x of [0, 1, 2, 7, 255]) {
        const naive = modR(coefficients.reduce((s, a, j) => s + a * BigInt(x) ** BigInt(j), 0n));
        expect(evaluatePolynomial(coefficients, x)).to.equal(naive);
      }
      expect(evaluatePolynomial([], 3)).to.equal(0n);
      expect(evaluatePolynomial([42n], 9)).to.equal(42n);
    });
  });

  describe("encrypted shares (§6.2) and the share check (§6.3)", function () {
    const { published, secrets, shares, keyOf } = runCeremony(3, 2, "shares");

    it("sharePad is keccak256(abi.encode(TAG_SHARE_PAD, electionId, i, l, E, D)) from ethers", function () {
      const E = pointOf(11n);
      const D = pointOf(12n);
      const expected = abiHash([
        ["bytes32", `0x${DomainTag.sharePad.toString(16).padStart(64, "0")}`],
        ["bytes32", ELECTION_ID],
        ["uint256", 1n],
        ["uint256", 3n],
        ...abiWordsOfPoints(E, D),
      ]);
      expect(sharePad(ELECTION_ID, 1, 3, E, D)).to.equal(expected);
      expect(sharePad(ELECTION_ID, 3, 1, E, D)).to.not.equal(expected);
    });

    it("σ = P_i(l) XOR pad with D = ξ·C_{l,0}, and the recipient recovers P_i(l) with D = a_{l,0}E", function () {
      const share = shares[0][2] as EncryptedShare;
      expect([share.dealer, share.recipient]).to.deep.equal([1, 3]);
      const { value, sharedPoint } = decryptShare(ELECTION_ID, secrets[2], share);
      expect(value).to.equal(evaluatePolynomial(secrets[0].coefficients, 3));
      expect(sharedPoint).to.deep.equal(
        encodePoint(decodePoint(share.ephemeral, "E").multiply(secrets[2].coefficients[0])),
      );
      const pad = sharePad(ELECTION_ID, 1, 3, share.ephemeral, sharedPoint);
      expect(share.masked).to.equal(value ^ pad);
    });

    it("another trustee cannot unmask the share", function () {
      const share = shares[0][2] as EncryptedShare;
      const { value } = decryptShare(ELECTION_ID, secrets[1], share);
      expect(value).to.not.equal(evaluatePolynomial(secrets[0].coefficients, 3));
      expect(shareIsValid(published[0].commitments, 3, value)).to.equal(false);
    });

    it("shareIsValid rejects a wrong share, s ≥ r, and negative s", function () {
      const s = evaluatePolynomial(secrets[0].coefficients, 2);
      expect(shareIsValid(published[0].commitments, 2, s)).to.equal(true);
      expect(shareIsValid(published[0].commitments, 3, s)).to.equal(false);
      expect(shareIsValid(published[0].commitments, 2, bumpScalar(s))).to.equal(false);
      expect(shareIsValid(published[0].commitments, 2, s + r)).to.equal(false);
      expect(shareIsValid(published[0].commitments, 2, -1n)).to.equal(false);
      expect(shareIsValid(published[0].commitments, 2, 0n)).to.equal(false);
    });

    it("validates points: the recipient key, E and the dealer commitments", function () {
      expectThrows(
        () => encryptShare(ELECTION_ID, secrets[0], 2, { x: 1n, y: 3n }),
        InvalidPointError,
        {
          field: "trustee 2 key C_{2,0}",
          reason: "not-on-curve",
        },
      );
      const share = shares[0][1] as EncryptedShare;
      expectThrows(
        () => decryptShare(ELECTION_ID, secrets[1], { ...share, ephemeral: { x: 0n, y: 0n } }),
        InvalidPointError,
        { field: "share from trustee 1: ephemeral E", reason: "infinity" },
      );
      expectThrows(
        () => shareIsValid([published[0].commitments[0], { x: 5n, y: 5n }], 2, 1n),
        InvalidPointError,
        { field: "dealer commitment 1", reason: "not-on-curve" },
      );
      expect(keyOf(2)).to.deep.equal(published[1].commitments[0]);
    });
  });

  describe("complaints (§6.4)", function () {
    const { published, secrets, shares, keyOf, random, params } = runCeremony(3, 2, "complaints");
    const dealer = 1;
    const recipient = 2;
    const honest = shares[dealer - 1][recipient - 1] as EncryptedShare;
    const decide = (complaint: Complaint, share: EncryptedShare) =>
      decideComplaint(
        ELECTION_ID,
        complaint,
        share,
        published[dealer - 1].commitments,
        keyOf(recipient),
      );
    const complain = (share: EncryptedShare) =>
      makeComplaint(ELECTION_ID, secrets[recipient - 1], keyOf(recipient), share, random);

    it("dismisses a complaint about an honest share", function () {
      expect(decide(complain(honest), honest)).to.equal("dismissed");
    });

    it("upholds a complaint about a corrupted masked share", function () {
      const bad = { ...honest, masked: honest.masked ^ 1n };
      expect(decide(complain(bad), bad)).to.equal("upheld");
    });

    it("upholds a complaint about a share from a different polynomial", function () {
      const other = createTrustee(params, dealer, random).secrets;
      const bad = encryptShare(ELECTION_ID, other, recipient, keyOf(recipient), random);
      expect(decide(complain(bad), bad)).to.equal("upheld");
    });

    it("upholds a complaint about a share s ≥ r (s = r + P_i(l), equal mod r)", function () {
      const { sharedPoint } = decryptShare(ELECTION_ID, secrets[recipient - 1], honest);
      const pad = sharePad(ELECTION_ID, dealer, recipient, honest.ephemeral, sharedPoint);
      const s = evaluatePolynomial(secrets[dealer - 1].coefficients, recipient);
      const bad = { ...honest, masked: (s + r) ^ pad };
      expect(shareIsValid(published[dealer - 1].commitments, recipient, s)).to.equal(true);
      expect(decide(complain(bad), bad)).to.equal("upheld");
    });

    it("finds a complaint invalid when its proof is tampered (a, b or v)", function () {
      const complaint = complain(honest);
      for (const proof of [
        { ...complaint.proof, a: otherPoint(complaint.proof.a) },
        { ...complaint.proof, b: otherPoint(complaint.proof.b) },
        { ...complaint.proof, v: bumpScalar(complaint.proof.v) },
      ]) {
        expect(decide({ ...complaint, proof }, honest)).to.equal("invalid");
      }
    });

    it("finds a complaint invalid when D is false (a recipient framing an honest dealer)", function () {
      const complaint = complain(honest);
      expect(
        decide({ ...complaint, sharedPoint: otherPoint(complaint.sharedPoint) }, honest),
      ).to.equal("invalid");
    });

    it("finds a complaint invalid when it names another dealer or recipient than the share", function () {
      const complaint = complain(honest);
      expect(decide({ ...complaint, dealer: 3 }, honest)).to.equal("invalid");
      expect(decide({ ...complaint, recipient: 3 }, honest)).to.equal("invalid");
    });

    it("finds a complaint invalid when checked against another recipient key", function () {
      const complaint = complain(honest);
      expect(
        decideComplaint(
          ELECTION_ID,
          complaint,
          honest,
          published[dealer - 1].commitments,
          keyOf(3),
        ),
      ).to.equal("invalid");
    });

    it("throws a typed error for a malformed D (§2.2)", function () {
      const complaint = complain(honest);
      expectThrows(
        () => decide({ ...complaint, sharedPoint: { x: 1n, y: 3n } }, honest),
        InvalidPointError,
        {
          field: "complaint of trustee 2 against trustee 1: shared point D",
          reason: "not-on-curve",
        },
      );
    });
  });

  describe("keys (§6.5, §6.6) and threshold decryption (§7)", function () {
    const n = 4;
    const k = 3;
    const { published, secrets, finalShares, random } = runCeremony(n, k, "decryption");
    const K = jointElectionKey(published);
    const key = electionKey(K);
    const votes = [1n, 1n, 0n, 1n, 0n, 1n];
    const aggregate = addCiphertexts(votes.map((v) => encrypt(key, v, random).ciphertext));
    const target = {
      electionId: ELECTION_ID,
      contestIndex: 0,
      optionIndex: 2,
      aggregate: aggregate.wire,
    };
    const shareKeys = Array.from({ length: n }, (_, i) => publicShareKey(published, i + 1));
    const partials = finalShares.map((s, i) =>
      decryptPartially(target, i + 1, s, shareKeys[i], random),
    );

    it("K = Σ C_{i,0} = (Σ a_{i,0})G", function () {
      const secret = modR(secrets.reduce((sum, t) => sum + t.coefficients[0], 0n));
      expect(K).to.deep.equal(pointOf(secret));
    });

    it("K_l = s_l·G for every trustee", function () {
      finalShares.forEach((s, i) => expect(shareKeys[i]).to.deep.equal(pointOf(s)));
    });

    it("every partial decryption proof verifies against K_l", function () {
      partials.forEach((p, i) => {
        expect(p.trustee).to.equal(i + 1);
        expect(() =>
          verifyDecryption(
            {
              ...target,
              trustee: p.trustee,
              shareKey: shareKeys[i],
              aggregate: decodeAggregate(aggregate.wire),
              partial: p.partial,
            },
            p.proof,
          ),
        ).to.not.throw();
      });
    });

    it("any k of n trustees, and all n, decrypt the count, in any order", function () {
      const subsets = [
        [1, 2, 3],
        [1, 2, 4],
        [1, 3, 4],
        [2, 3, 4],
        [4, 2, 1],
        [1, 2, 3, 4],
      ];
      for (const subset of subsets) {
        const chosen = subset.map((l) => partials[l - 1]);
        expect(decryptCount(aggregate, chosen, votes.length), subset.join(",")).to.equal(4);
        expect(countMatches(aggregate, chosen, 4, 1_000_000)).to.equal(true);
        expect(countMatches(aggregate, chosen, 3, 1_000_000)).to.equal(false);
      }
    });

    it("k − 1 trustees do not get the count", function () {
      const chosen = [partials[0], partials[3]];
      expect(combinePartials(aggregate, chosen).equals(GENERATOR.multiply(4n))).to.equal(false);
      expect(countMatches(aggregate, chosen, 4, 1_000_000)).to.equal(false);
      expectThrows(() => decryptCount(aggregate, chosen, 1000), DecryptionOutOfBoundError, {
        bound: 1000,
      });
    });

    it("with a threshold, fewer than k distinct trustees is a MalformedInputError (§7.2)", function () {
      for (const chosen of [[partials[0], partials[3]], [], [partials[2]]]) {
        expectThrows(() => decryptCount(aggregate, chosen, 1000, k), MalformedInputError, {
          field: "trustees",
          section: "§7.2",
        });
        expectThrows(() => countMatches(aggregate, chosen, 4, 1000, k), MalformedInputError, {
          field: "trustees",
        });
      }
      // Exactly k, and all n, pass the threshold check.
      expect(decryptCount(aggregate, partials.slice(1), 1000, k)).to.equal(4);
      expect(decryptCount(aggregate, partials, 1000, k)).to.equal(4);
      expect(countMatches(aggregate, partials.slice(0, 3), 4, 1000, k)).to.equal(true);
    });

    it("countMatches accepts t only with 0 ≤ t ≤ bound (§7.3)", function () {
      expect(countMatches(aggregate, partials, 4, 4)).to.equal(true);
      expect(countMatches(aggregate, partials, 4, 3)).to.equal(false);
      for (const claimed of [-1, 4.5, NaN, Infinity]) {
        expect(countMatches(aggregate, partials, claimed, 1000), String(claimed)).to.equal(false);
      }
    });

    it("a bound below the count is a DecryptionOutOfBoundError", function () {
      expectThrows(() => decryptCount(aggregate, partials, 3), DecryptionOutOfBoundError, {
        bound: 3,
      });
    });

    it("rejects duplicate trustees and malformed partials", function () {
      expectThrows(
        () => decryptCount(aggregate, [partials[0], partials[1], partials[0]], 10),
        MalformedInputError,
        {
          field: "trustees",
          section: "§7.2",
        },
      );
      const bad = { ...partials[1], partial: { x: 1n, y: 3n } };
      expectThrows(
        () => decryptCount(aggregate, [partials[0], bad, partials[2]], 10),
        InvalidPointError,
        {
          field: "trustee 2 partial decryption",
        },
      );
    });

    it("decrypts an aggregate whose A is the identity: partials are (0, 0)", function () {
      const zero = subtractCiphertext(
        encryptWithNonce(key, 5n, 77n),
        encryptWithNonce(key, 3n, 77n),
      );
      expect(zero.alpha.is0()).to.equal(true);
      const zeroTarget = { ...target, aggregate: zero.wire };
      const zeroPartials = [1, 3, 4].map((l) =>
        decryptPartially(zeroTarget, l, finalShares[l - 1], shareKeys[l - 1]),
      );
      for (const p of zeroPartials) {
        expect(p.partial).to.deep.equal({ x: 0n, y: 0n });
        expect(p.proof.b).to.deep.equal({ x: 0n, y: 0n });
        const statement = {
          ...zeroTarget,
          trustee: p.trustee,
          shareKey: shareKeys[p.trustee - 1],
          aggregate: decodeAggregate(zero.wire),
          partial: p.partial,
        };
        expect(() => verifyDecryption(statement, p.proof)).to.not.throw();
      }
      expect(decryptCount(decodeAggregate(zero.wire), zeroPartials, 10)).to.equal(2);
      expect(decryptCount(addCiphertexts([]), [], 0)).to.equal(0);
    });

    it("rejects malformed commitments when deriving keys", function () {
      const broken: TrusteeCommitments[] = published.map((t, i) =>
        i === 1 ? { ...t, commitments: [t.commitments[0], { x: 1n, y: 3n }, t.commitments[2]] } : t,
      );
      expectThrows(() => publicShareKey(broken, 1), InvalidPointError, {
        field: "trustee 2 C_1",
        reason: "not-on-curve",
      });
      const zeroKey = published.map((t, i) =>
        i === 0 ? { ...t, commitments: [{ x: 0n, y: 0n }] } : t,
      );
      expectThrows(() => jointElectionKey(zeroKey), InvalidPointError, {
        field: "trustee 1 C_0",
        reason: "infinity",
      });
    });
  });

  describe("lagrangeCoefficients (§7.2) and combineShares (§6.6)", function () {
    it("gives λ = (2, −1) for {1, 2} and 1 for a single trustee", function () {
      expect(lagrangeCoefficients([1, 2])).to.deep.equal([2n, r - 1n]);
      expect(lagrangeCoefficients([5])).to.deep.equal([1n]);
      expect(lagrangeCoefficients([])).to.deep.equal([]);
    });

    it("interpolates P(0) from |Q| ≥ deg P + 1 points", function () {
      const random = seededRandom("lagrange");
      for (const [degree, indices] of [
        [0, [3]],
        [1, [1, 2]],
        [2, [2, 5, 7]],
        [2, [1, 2, 3, 4]],
        [4, [255, 1, 100, 17, 3]],
      ] as const) {
        const coefficients = Array.from({ length: degree + 1 }, () => randomScalar(random));
        const lambdas = lagrangeCoefficients(indices);
        const atZero = modR(
          indices.reduce((sum, l, i) => sum + lambdas[i] * evaluatePolynomial(coefficients, l), 0n),
        );
        expect(atZero).to.equal(coefficients[0]);
      }
    });

    it("rejects duplicate indices", function () {
      expectThrows(() => lagrangeCoefficients([1, 2, 1]), MalformedInputError, {
        field: "trustees",
      });
    });

    it("combineShares sums mod r and rejects shares outside [0, r)", function () {
      expect(combineShares([r - 1n, 2n])).to.equal(1n);
      expect(combineShares([])).to.equal(0n);
      for (const bad of [r, -1n]) {
        expectThrows(() => combineShares([1n, bad]), InvalidScalarError, {
          field: "share",
          value: bad,
        });
      }
    });
  });
});
