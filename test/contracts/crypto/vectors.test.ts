/**
 * The protocol test vectors (test/vectors/*.json) against the deployed ProofVerifier
 * (contracts/crypto/ProofVerifier.sol): valid proofs pass, malformed points and scalars revert
 * with the BN254 custom errors of §2 and their arguments, failing proofs revert with the
 * verifier's proof error, and the challenge functions, electionId, share keys, share checks,
 * complaint decisions, Lagrange coefficients and count checks agree with the vectors.
 * The TypeScript side is test/vectors.test.ts.
 */
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ethers } from "hardhat";
import type { Point } from "../../../src/crypto";
import { parseVectors } from "../../../src/testing/vector-json";
import type {
  Expected,
  SchnorrCase,
  VectorFiles,
  VectorName,
} from "../../../src/testing/vector-types";
import type { ProofVerifier } from "../../../typechain-types";

const VECTOR_DIR = path.join(__dirname, "..", "..", "vectors");

function load<N extends VectorName>(name: N): VectorFiles[N] {
  return parseVectors<VectorFiles[N]>(readFileSync(path.join(VECTOR_DIR, `${name}.json`), "utf8"));
}

async function deploy(): Promise<{ verifier: ProofVerifier }> {
  const factory = await ethers.getContractFactory("ProofVerifier");
  const verifier = (await factory.deploy()) as unknown as ProofVerifier;
  await verifier.waitForDeployment();
  return { verifier };
}

const verifierOf = async (): Promise<ProofVerifier> => (await loadFixture(deploy)).verifier;

/** Which ProofVerifier errors stand for the SDK's InvalidProofError / MalformedInputError. */
interface ErrorNames {
  proof: string;
  malformed?: string;
}

/** Compares an on-chain call's outcome with the vector's expectation. */
async function expectOnChain(
  verifier: ProofVerifier,
  expected: Expected,
  call: () => Promise<unknown>,
  names: ErrorNames,
): Promise<void> {
  if (expected === "valid") {
    await expect(call()).to.not.be.reverted;
    return;
  }
  switch (expected.error) {
    case "InvalidPointError":
    case "InvalidScalarError":
      await expect(call())
        .to.be.revertedWithCustomError(verifier, expected.solidity.name)
        .withArgs(...expected.solidity.args);
      return;
    case "InvalidProofError":
      await expect(call()).to.be.revertedWithCustomError(verifier, names.proof);
      return;
    case "MalformedInputError":
      if (names.malformed === undefined) {
        throw new Error(`no on-chain error for MalformedInputError ${expected.section}`);
      }
      await expect(call()).to.be.revertedWithCustomError(verifier, names.malformed);
      return;
  }
}

const asPoint = (result: { x: bigint; y: bigint }): Point => ({ x: result.x, y: result.y });

describe("protocol test vectors (ProofVerifier on-chain)", function () {
  describe("group.json (§2.1, §2.2) as fields of a Schnorr proof", function () {
    const schnorr = load("schnorr").cases[0] as SchnorrCase;
    const s = schnorr.statement;
    for (const c of load("group").cases) {
      it(`${c.kind} ${c.name}`, async function () {
        const verifier = await verifierOf();
        const proof =
          c.kind === "point" ? { ...schnorr.proof, h: c.point } : { ...schnorr.proof, u: c.scalar };
        // A valid field that is not the proof's own makes the equation fail instead.
        const expected: Expected =
          c.expected === "valid"
            ? { error: "InvalidProofError", kind: "schnorr", section: "§5.4.2" }
            : c.expected;
        await expectOnChain(
          verifier,
          expected,
          () =>
            verifier.verifySchnorrProof(
              s.electionId,
              s.trustee,
              s.coefficientIndex,
              s.commitment,
              proof,
            ),
          { proof: "SchnorrProofInvalid" },
        );
      });
    }
  });

  describe("transcript.json (§3, §9)", function () {
    const cases = load("transcript").cases;

    it("domainTags() are the §9 tags in table order", async function () {
      const verifier = await verifierOf();
      const expected = cases.flatMap((c) => (c.kind === "domain-tag" ? [c.value] : []));
      const tags = await verifier.domainTags();
      expect(tags.map((t) => BigInt(t))).to.deep.equal(expected);
    });

    for (const c of cases) {
      if (c.kind === "domain-tag") continue;
      it(`${c.kind}: ${c.name}`, async function () {
        const verifier = await verifierOf();
        switch (c.kind) {
          case "election-id":
            expect(await verifier.electionId(c.chainId, c.electionContract)).to.equal(c.electionId);
            return;
          case "share-pad":
            expect(
              BigInt(
                await verifier.sharePad(
                  c.electionId,
                  c.dealer,
                  c.recipient,
                  c.ephemeral,
                  c.sharedPoint,
                ),
              ),
            ).to.equal(c.pad);
            return;
        }
        let got: bigint;
        switch (c.proof) {
          case "zero-one": {
            const s = c.statement;
            got = await verifier.zeroOneChallenge(
              s.electionId,
              s.contestIndex,
              s.voter,
              s.optionIndex,
              s.key,
              s.ciphertext,
              c.commitments,
            );
            await verifier.verifyZeroOneProof(
              s.electionId,
              s.contestIndex,
              s.voter,
              s.optionIndex,
              s.key,
              s.ciphertext,
              c.commitments,
            );
            break;
          }
          case "selection": {
            const s = c.statement;
            got = await verifier.selectionChallenge(
              s.electionId,
              s.contestIndex,
              s.voter,
              s.minSelections,
              s.maxSelections,
              s.key,
              c.aggregate,
              c.commitments.a,
              c.commitments.b,
            );
            await verifier.verifySelectionProof(
              s.electionId,
              s.contestIndex,
              s.voter,
              s.minSelections,
              s.maxSelections,
              s.key,
              s.ciphertexts,
              c.commitments,
            );
            break;
          }
          case "schnorr": {
            const s = c.statement;
            got = await verifier.schnorrChallenge(
              s.electionId,
              s.trustee,
              s.coefficientIndex,
              s.commitment,
              c.commitments.h,
            );
            await verifier.verifySchnorrProof(
              s.electionId,
              s.trustee,
              s.coefficientIndex,
              s.commitment,
              c.commitments,
            );
            break;
          }
          case "decryption": {
            const s = c.statement;
            got = await verifier.decryptionChallenge(
              s.electionId,
              s.contestIndex,
              s.optionIndex,
              s.trustee,
              s.shareKey,
              s.aggregate,
              s.partial,
              c.commitments.a,
              c.commitments.b,
            );
            await verifier.verifyDecryptionProof(
              s.electionId,
              s.contestIndex,
              s.optionIndex,
              s.trustee,
              s.shareKey,
              s.aggregate,
              s.partial,
              c.commitments,
            );
            break;
          }
          case "complaint": {
            const s = c.statement;
            got = await verifier.complaintChallenge(
              s.electionId,
              s.dealer,
              s.recipient,
              s.recipientKey,
              s.ephemeral,
              s.sharedPoint,
              c.commitments.a,
              c.commitments.b,
            );
            break;
          }
        }
        expect(got).to.equal(c.challenge);
      });
    }
  });

  describe("zero-one.json (§5.2)", function () {
    for (const c of load("zero-one").cases) {
      it(c.name, async function () {
        const verifier = await verifierOf();
        const s = c.statement;
        await expectOnChain(
          verifier,
          c.expected,
          () =>
            verifier.verifyZeroOneProof(
              s.electionId,
              s.contestIndex,
              s.voter,
              s.optionIndex,
              s.key,
              s.ciphertext,
              c.proof,
            ),
          { proof: "ZeroOneProofInvalid" },
        );
      });
    }
  });

  describe("selection.json (§5.3)", function () {
    for (const c of load("selection").cases) {
      it(c.name, async function () {
        const verifier = await verifierOf();
        const s = c.statement;
        const aggregate = await verifier.aggregateCiphertexts(s.ciphertexts);
        expect({ alpha: asPoint(aggregate.alpha), beta: asPoint(aggregate.beta) }).to.deep.equal(
          c.aggregate,
        );
        await expectOnChain(
          verifier,
          c.expected,
          () =>
            verifier.verifySelectionProof(
              s.electionId,
              s.contestIndex,
              s.voter,
              s.minSelections,
              s.maxSelections,
              s.key,
              s.ciphertexts,
              c.proof,
            ),
          { proof: "RangeProofInvalid", malformed: "RangeProofLengthMismatch" },
        );
      });
    }
  });

  describe("ballot.json (§8)", function () {
    for (const c of load("ballot").cases) {
      it(c.name, async function () {
        const verifier = await verifierOf();
        const { parameters: p, subject: s, contest } = c;
        const call = (contestIndex: number) =>
          verifier.verifyContestBallot(
            s.electionId,
            contestIndex,
            s.voter,
            p.minSelections,
            p.maxSelections,
            s.key,
            contest.ciphertexts,
            contest.optionProofs,
            contest.selectionProof,
          );
        if (c.expected !== "valid" && c.expected.error === "MalformedInputError") {
          // The contract takes the contest index once, so a ballot cannot carry another label;
          // what it can do is be checked for another contest, which breaks every proof.
          expect(contest.contestIndex).to.not.equal(p.contestIndex);
          await expect(call(p.contestIndex)).to.not.be.reverted;
          await expect(call(contest.contestIndex))
            .to.be.revertedWithCustomError(verifier, "ContestBallotOptionProofInvalid")
            .withArgs(0);
          return;
        }
        if (c.expected !== "valid" && c.expected.error === "InvalidProofError") {
          const first = (c.invalidProofs ?? [])[0];
          if (first === "selection") {
            await expect(call(p.contestIndex)).to.be.revertedWithCustomError(
              verifier,
              "ContestBallotSelectionProofInvalid",
            );
          } else {
            await expect(call(p.contestIndex))
              .to.be.revertedWithCustomError(verifier, "ContestBallotOptionProofInvalid")
              .withArgs(first);
          }
          return;
        }
        await expectOnChain(verifier, c.expected, () => call(p.contestIndex), {
          proof: "unused",
        });
      });
    }
  });

  describe("schnorr.json (§5.4)", function () {
    for (const c of load("schnorr").cases) {
      it(c.name, async function () {
        const verifier = await verifierOf();
        const s = c.statement;
        await expectOnChain(
          verifier,
          c.expected,
          () =>
            verifier.verifySchnorrProof(
              s.electionId,
              s.trustee,
              s.coefficientIndex,
              s.commitment,
              c.proof,
            ),
          { proof: "SchnorrProofInvalid" },
        );
      });
    }
  });

  describe("decryption.json (§5.5, §7.3)", function () {
    for (const c of load("decryption").cases) {
      it(c.name, async function () {
        const verifier = await verifierOf();
        const s = c.statement;
        await expectOnChain(
          verifier,
          c.expected,
          () =>
            verifier.verifyDecryptionProof(
              s.electionId,
              s.contestIndex,
              s.optionIndex,
              s.trustee,
              s.shareKey,
              s.aggregate,
              s.partial,
              c.proof,
            ),
          { proof: "DecryptionProofInvalid", malformed: "DecryptionProofIdentityMismatch" },
        );
        const { count, bound } = c;
        if (count !== undefined && bound !== undefined) {
          // One trustee whose share is the whole key: n = k = 1, Q = {1}, λ₁ = 1.
          const check = (claimed: number) =>
            verifier.checkDecryptedCount(
              s.aggregate,
              1,
              1,
              [s.trustee],
              [s.partial],
              claimed,
              bound,
            );
          await expect(check(count)).to.not.be.reverted;
          await expect(check(count + 1))
            .to.be.revertedWithCustomError(verifier, "ThresholdResultMismatch")
            .withArgs(count + 1);
        }
      });
    }
  });

  describe("ceremony.json (§6)", function () {
    for (const c of load("ceremony").cases) {
      const keyOf = (l: number) => c.commitments[l - 1].commitments[0];
      const flat = c.commitments.flatMap((t) => t.commitments);

      it(`${c.name}: Schnorr proofs of every commitment (§6.1)`, async function () {
        const verifier = await verifierOf();
        for (const t of c.commitments) {
          for (const [j, commitment] of t.commitments.entries()) {
            await verifier.verifySchnorrProof(c.electionId, t.trustee, j, commitment, t.proofs[j]);
          }
        }
      });

      it(`${c.name}: publicShareKey (§6.6)`, async function () {
        const verifier = await verifierOf();
        for (const { trustee, key } of c.shareKeys) {
          expect(asPoint(await verifier.publicShareKey(flat, c.threshold, trustee))).to.deep.equal(
            key,
          );
        }
      });

      for (const v of c.complaints) {
        it(`${c.name}: ${v.name} → ${v.expected} (§6.3, §6.4)`, async function () {
          const verifier = await verifierOf();
          const { dealer, recipient, sharedPoint, proof } = v.complaint;
          const share = c.encryptedShares.find(
            (s) => s.dealer === dealer && s.recipient === recipient,
          );
          if (share === undefined) throw new Error("share missing from the vector");
          const dealerCommitments = c.commitments[dealer - 1].commitments;
          const decide = () =>
            verifier.decideComplaint(
              c.electionId,
              dealer,
              recipient,
              dealerCommitments,
              keyOf(recipient),
              share.ephemeral,
              share.masked,
              sharedPoint,
              proof,
            );
          if (v.expected === "invalid") {
            await expect(decide()).to.be.revertedWithCustomError(verifier, "ComplaintProofInvalid");
            return;
          }
          expect(await decide()).to.equal(v.expected === "upheld");
          expect(
            await verifier.verifyShare(dealerCommitments, recipient, v.revealedShare as bigint),
          ).to.equal(v.shareValid);
        });
      }
    }
  });

  describe("threshold.json (§7)", function () {
    for (const c of load("threshold").cases) {
      it(c.name, async function () {
        const verifier = await verifierOf();
        const aggregate = await verifier.aggregateCiphertexts(c.ciphertexts);
        expect({ alpha: asPoint(aggregate.alpha), beta: asPoint(aggregate.beta) }).to.deep.equal(
          c.aggregate,
        );
        for (const [k, pd] of c.partials.entries()) {
          await verifier.verifyDecryptionProof(
            c.electionId,
            c.contestIndex,
            c.optionIndex,
            pd.trustee,
            c.shareKeys[k].key,
            c.aggregate,
            pd.partial,
            pd.proof,
          );
        }
        const trustees = c.partials.map((pd) => pd.trustee);
        const partials = c.partials.map((pd) => pd.partial);
        const check = () =>
          verifier.checkDecryptedCount(
            c.aggregate,
            c.trustees,
            c.threshold,
            trustees,
            partials,
            c.claimedCount,
            c.bound,
          );
        if (trustees.length < c.threshold) {
          // §7.2 needs at least k trustees: the contract refuses before combining.
          await expect(verifier.lagrangeCoefficients(trustees, c.trustees, c.threshold))
            .to.be.revertedWithCustomError(verifier, "ThresholdNotEnoughShares")
            .withArgs(trustees.length, c.threshold);
          await expect(check())
            .to.be.revertedWithCustomError(verifier, "ThresholdNotEnoughShares")
            .withArgs(trustees.length, c.threshold);
          expect(c.expected.claimAccepted).to.equal(false);
          return;
        }
        expect([
          ...(await verifier.lagrangeCoefficients(trustees, c.trustees, c.threshold)),
        ]).to.deep.equal(c.expected.lagrange);
        if (c.expected.claimAccepted) {
          await expect(check()).to.not.be.reverted;
        } else {
          await expect(check())
            .to.be.revertedWithCustomError(verifier, "ThresholdResultMismatch")
            .withArgs(c.claimedCount);
        }
      });
    }
  });
});
