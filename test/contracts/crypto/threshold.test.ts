import { expect } from "chai";
import {
  addCiphertexts,
  combineShares,
  countMatches,
  createTrustee,
  decideComplaint,
  decodeCiphertext,
  decryptCount,
  decryptPartially,
  electionKey,
  encrypt,
  encryptShare,
  evaluatePolynomial,
  GROUP_ORDER,
  jointElectionKey,
  lagrangeCoefficients,
  makeComplaint,
  publicShareKey,
  sharePad,
  shareIsValid,
  type Ciphertext,
  type Point,
} from "../../../src/crypto";
import { ELECTION_ID, otherPoint, pointOf } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import type { ProofVerifier } from "../../../typechain-types";
import { deployed } from "./fixture";

const random = seededRandom("on-chain threshold");
const N = 4;
const K = 3;
const trustees = Array.from({ length: N }, (_, i) =>
  createTrustee({ electionId: ELECTION_ID, trustees: N, threshold: K }, i + 1, random),
);
const published = trustees.map((t) => t.published);
const flat = published.flatMap((t) => t.commitments);
const shareOf = (l: number) =>
  combineShares(trustees.map((t) => evaluatePolynomial(t.secrets.coefficients, l)));
const asPoint = (p: { x: bigint; y: bigint }): Point => ({ x: p.x, y: p.y });

describe("Threshold on-chain (§6, §7)", function () {
  describe("public share keys (§6.6) and the joint key (§6.5)", function () {
    it("K_l computed on-chain equals the SDK's for every trustee, and s_l·G = K_l", async function () {
      const { verifier } = await deployed();
      for (let l = 1; l <= N; l++) {
        const onChain = asPoint(await verifier.publicShareKey(flat, K, l));
        expect(onChain).to.deep.equal(publicShareKey(published, l));
        expect(onChain).to.deep.equal(pointOf(shareOf(l)));
      }
      // With k = 1 every trustee's share key is the joint key K = Σ C_{i,0} (§6.5).
      const k1 = published.map((t) => t.commitments[0]);
      expect(asPoint(await verifier.publicShareKey(k1, 1, 2))).to.deep.equal(
        jointElectionKey(published),
      );
    });

    it("rejects bad shapes, indices and commitments", async function () {
      const { verifier } = await deployed();
      await expect(verifier.publicShareKey(flat, 5, 1))
        .to.be.revertedWithCustomError(verifier, "ThresholdCommitmentsLengthInvalid")
        .withArgs(flat.length, 5);
      await expect(verifier.publicShareKey(flat, 0, 1))
        .to.be.revertedWithCustomError(verifier, "ThresholdCommitmentsLengthInvalid")
        .withArgs(flat.length, 0);
      await expect(verifier.publicShareKey([], 1, 1))
        .to.be.revertedWithCustomError(verifier, "ThresholdCommitmentsLengthInvalid")
        .withArgs(0, 1);
      await expect(verifier.publicShareKey(flat, K, 0))
        .to.be.revertedWithCustomError(verifier, "ThresholdTrusteeIndexInvalid")
        .withArgs(0);
      await expect(verifier.publicShareKey(flat, K, N + 1))
        .to.be.revertedWithCustomError(verifier, "ThresholdTrusteeIndexInvalid")
        .withArgs(N + 1);
      const bad = [...flat];
      bad[7] = { x: bad[7].x, y: bad[7].y + 1n };
      await expect(verifier.publicShareKey(bad, K, 1))
        .to.be.revertedWithCustomError(verifier, "BN254PointNotOnCurve")
        .withArgs(bad[7].x, bad[7].y);
    });
  });

  describe("Feldman share check (§6.3)", function () {
    it("agrees with the SDK on honest, altered and out-of-range shares", async function () {
      const { verifier } = await deployed();
      for (const dealer of trustees) {
        for (let l = 1; l <= N; l++) {
          const s = evaluatePolynomial(dealer.secrets.coefficients, l);
          const commitments = dealer.published.commitments;
          for (const candidate of [s, (s + 1n) % GROUP_ORDER, 0n, s + GROUP_ORDER, GROUP_ORDER]) {
            const expected = candidate < 1n << 256n && shareIsValid(commitments, l, candidate);
            expect(await verifier.verifyShare(commitments, l, candidate)).to.equal(expected);
          }
          expect(await verifier.verifyShare(commitments, l, s)).to.equal(true);
        }
      }
    });

    it("rejects recipient 0, an empty commitment list and malformed commitments", async function () {
      const { verifier } = await deployed();
      const commitments = published[0].commitments;
      await expect(verifier.verifyShare(commitments, 0, 1n))
        .to.be.revertedWithCustomError(verifier, "ThresholdTrusteeIndexInvalid")
        .withArgs(0);
      await expect(verifier.verifyShare([], 1, 1n))
        .to.be.revertedWithCustomError(verifier, "ThresholdCommitmentsLengthInvalid")
        .withArgs(0, 0);
      await expect(
        verifier.verifyShare([commitments[0], { x: 0n, y: 0n }], 1, 1n),
      ).to.be.revertedWithCustomError(verifier, "BN254PointAtInfinity");
    });
  });

  describe("complaint decision (§6.4)", function () {
    const dealer = trustees[1];
    const recipient = trustees[3];
    const recipientKey = recipient.published.commitments[0];
    const honest = encryptShare(ELECTION_ID, dealer.secrets, 4, recipientKey, random);

    async function decide(verifier: ProofVerifier, masked: bigint) {
      const share = { ...honest, masked };
      const complaint = makeComplaint(ELECTION_ID, recipient.secrets, recipientKey, share, random);
      const sdk = decideComplaint(
        ELECTION_ID,
        complaint,
        share,
        dealer.published.commitments,
        recipientKey,
      );
      const onChain = await verifier.decideComplaint(
        ELECTION_ID,
        2,
        4,
        dealer.published.commitments,
        recipientKey,
        share.ephemeral,
        masked,
        complaint.sharedPoint,
        complaint.proof,
      );
      return { sdk, onChain, complaint, share };
    }

    it("dismisses a complaint about a good share, like the SDK", async function () {
      const { verifier } = await deployed();
      const { sdk, onChain } = await decide(verifier, honest.masked);
      expect(sdk).to.equal("dismissed");
      expect(onChain).to.equal(false);
    });

    it("upholds a complaint about a wrong share, like the SDK", async function () {
      const { verifier } = await deployed();
      const { sdk, onChain } = await decide(verifier, honest.masked ^ 0x8000n);
      expect(sdk).to.equal("upheld");
      expect(onChain).to.equal(true);
    });

    it("upholds a complaint about a share s ≥ r (§6.4)", async function () {
      const { verifier } = await deployed();
      const probe = makeComplaint(ELECTION_ID, recipient.secrets, recipientKey, honest, random);
      const pad = sharePad(ELECTION_ID, 2, 4, honest.ephemeral, probe.sharedPoint);
      const { sdk, onChain } = await decide(verifier, (GROUP_ORDER + 7n) ^ pad);
      expect(sdk).to.equal("upheld");
      expect(onChain).to.equal(true);
    });

    it("rejects a complaint whose §5.6 proof fails, and one with the wrong revealed D", async function () {
      const { verifier } = await deployed();
      const { complaint, share } = await decide(verifier, honest.masked ^ 1n);
      const call = (D: Point, v: bigint) =>
        verifier.decideComplaint(
          ELECTION_ID,
          2,
          4,
          dealer.published.commitments,
          recipientKey,
          share.ephemeral,
          share.masked,
          D,
          { ...complaint.proof, v },
        );
      await expect(
        call(complaint.sharedPoint, (complaint.proof.v + 1n) % GROUP_ORDER),
      ).to.be.revertedWithCustomError(verifier, "ComplaintProofInvalid");
      await expect(
        call(otherPoint(complaint.sharedPoint), complaint.proof.v),
      ).to.be.revertedWithCustomError(verifier, "ComplaintProofInvalid");
      await expect(
        verifier.decideComplaint(
          ELECTION_ID,
          0,
          4,
          dealer.published.commitments,
          recipientKey,
          share.ephemeral,
          share.masked,
          complaint.sharedPoint,
          complaint.proof,
        ),
      )
        .to.be.revertedWithCustomError(verifier, "ThresholdTrusteeIndexInvalid")
        .withArgs(0);
    });
  });

  describe("Lagrange coefficients (§7.2)", function () {
    it("equal the SDK's for every subset of at least k trustees", async function () {
      const { verifier } = await deployed();
      const subsets: number[][] = [];
      for (let mask = 1; mask < 1 << N; mask++) {
        const set = [1, 2, 3, 4].filter((_, i) => mask & (1 << i));
        if (set.length >= K) subsets.push(set, [...set].reverse());
      }
      for (const set of subsets) {
        expect(await verifier.lagrangeCoefficients(set, N, K)).to.deep.equal(
          lagrangeCoefficients(set),
        );
      }
    });

    it("rejects duplicates, bad indices, too few shares and bad parameters", async function () {
      const { verifier } = await deployed();
      await expect(verifier.lagrangeCoefficients([1, 3, 1], N, K))
        .to.be.revertedWithCustomError(verifier, "ThresholdDuplicateTrustee")
        .withArgs(1);
      await expect(verifier.lagrangeCoefficients([1, 0, 2], N, K))
        .to.be.revertedWithCustomError(verifier, "ThresholdTrusteeIndexInvalid")
        .withArgs(0);
      await expect(verifier.lagrangeCoefficients([1, 2, 5], N, K))
        .to.be.revertedWithCustomError(verifier, "ThresholdTrusteeIndexInvalid")
        .withArgs(5);
      await expect(verifier.lagrangeCoefficients([1, 2], N, K))
        .to.be.revertedWithCustomError(verifier, "ThresholdNotEnoughShares")
        .withArgs(2, K);
      await expect(verifier.lagrangeCoefficients([1, 2, 3], 2, 3))
        .to.be.revertedWithCustomError(verifier, "ThresholdParametersInvalid")
        .withArgs(2, 3);
      await expect(verifier.lagrangeCoefficients([1], 1, 0))
        .to.be.revertedWithCustomError(verifier, "ThresholdParametersInvalid")
        .withArgs(1, 0);
    });
  });

  describe("threshold decryption result check (§7.3)", function () {
    // An option total of 5 ballots, 3 of them for the option, under the joint key (§6.5).
    const key = electionKey(jointElectionKey(published));
    const votes = [1, 0, 1, 1, 0];
    const aggregate: Ciphertext = addCiphertexts(
      votes.map((m) => encrypt(key, BigInt(m), random).ciphertext),
    ).wire;
    const partials = Array.from({ length: N }, (_, i) =>
      decryptPartially(
        { electionId: ELECTION_ID, contestIndex: 0, optionIndex: 0, aggregate },
        i + 1,
        shareOf(i + 1),
        publicShareKey(published, i + 1),
        random,
      ),
    );

    it("every partial decryption verifies on-chain against the on-chain K_l", async function () {
      const { verifier } = await deployed();
      for (const pd of partials) {
        const shareKey = await verifier.publicShareKey(flat, K, pd.trustee);
        await verifier.verifyDecryptionProof(
          ELECTION_ID,
          0,
          0,
          pd.trustee,
          asPoint(shareKey),
          aggregate,
          pd.partial,
          pd.proof,
        );
      }
    });

    it("accepts the true count for every decryption set of ≥ k trustees, like the SDK", async function () {
      const { verifier } = await deployed();
      const decoded = decodeCiphertext(aggregate);
      for (const set of [
        [1, 2, 3],
        [2, 3, 4],
        [4, 1, 3],
        [1, 2, 3, 4],
      ]) {
        const chosen = set.map((l) => partials[l - 1]);
        expect(decryptCount(decoded, chosen, votes.length)).to.equal(3);
        await verifier.checkDecryptedCount(
          aggregate,
          N,
          K,
          set,
          chosen.map((p) => p.partial),
          3,
          votes.length,
        );
        for (const wrong of [0, 2, 4, 5]) {
          expect(countMatches(decoded, chosen, wrong, 1_000_000)).to.equal(false);
          await expect(
            verifier.checkDecryptedCount(
              aggregate,
              N,
              K,
              set,
              chosen.map((p) => p.partial),
              wrong,
              votes.length,
            ),
          )
            .to.be.revertedWithCustomError(verifier, "ThresholdResultMismatch")
            .withArgs(wrong);
        }
      }
    });

    it("rejects a count above the bound, a wrong partial, fewer than k shares and length mismatches", async function () {
      const { verifier } = await deployed();
      const set = [1, 2, 4];
      const ms = set.map((l) => partials[l - 1].partial);
      await expect(verifier.checkDecryptedCount(aggregate, N, K, set, ms, 3, 2))
        .to.be.revertedWithCustomError(verifier, "ThresholdResultMismatch")
        .withArgs(3);
      await expect(
        verifier.checkDecryptedCount(aggregate, N, K, set, [ms[0], otherPoint(ms[1]), ms[2]], 3, 5),
      )
        .to.be.revertedWithCustomError(verifier, "ThresholdResultMismatch")
        .withArgs(3);
      await expect(verifier.checkDecryptedCount(aggregate, N, K, [1, 2], ms.slice(0, 2), 3, 5))
        .to.be.revertedWithCustomError(verifier, "ThresholdNotEnoughShares")
        .withArgs(2, K);
      await expect(verifier.checkDecryptedCount(aggregate, N, K, set, ms.slice(0, 2), 3, 5))
        .to.be.revertedWithCustomError(verifier, "ThresholdLengthMismatch")
        .withArgs(3, 2);
      await expect(verifier.checkDecryptedCount(aggregate, N, K, [1, 2, 2], ms, 3, 5))
        .to.be.revertedWithCustomError(verifier, "ThresholdDuplicateTrustee")
        .withArgs(2);
      await expect(
        verifier.checkDecryptedCount(aggregate, N, K, set, [ms[0], { x: 1n, y: 3n }, ms[2]], 3, 5),
      )
        .to.be.revertedWithCustomError(verifier, "BN254PointNotOnCurve")
        .withArgs(1n, 3n);
    });

    it("handles the empty total (O, O) with count 0", async function () {
      const { verifier } = await deployed();
      const empty: Ciphertext = { alpha: { x: 0n, y: 0n }, beta: { x: 0n, y: 0n } };
      const zeros = [1, 2, 3].map(() => ({ x: 0n, y: 0n }));
      await verifier.checkDecryptedCount(empty, N, K, [1, 2, 3], zeros, 0, 10);
      await expect(verifier.checkDecryptedCount(empty, N, K, [1, 2, 3], zeros, 1, 10))
        .to.be.revertedWithCustomError(verifier, "ThresholdResultMismatch")
        .withArgs(1);
    });
  });
});
