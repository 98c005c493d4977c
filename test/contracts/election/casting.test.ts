/**
 * §12.6 castBallot: a valid ballot is recorded exactly as the SDK predicts, and every broken rule
 * reverts with its own custom error and changes nothing (totals, records, spoiled flags, events).
 * Tampered ballots are re-signed by the credential (a malicious browser holds the key) so that the
 * check under test, not the signature, is what rejects them.
 */
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import {
  getAddress,
  keccak256,
  parseEventLogs,
  parseSignature,
  serializeSignature,
  stringToHex,
  type Hex,
} from "viem";
import {
  addCiphertexts,
  decodeCiphertext,
  decodePoint,
  electionKey,
  encodePoint,
  FIELD_MODULUS,
  GENERATOR,
  GROUP_ORDER,
  proveZeroOne,
  type Ciphertext,
  type Point,
} from "../../../src/crypto";
import {
  ballotRecord,
  createElection,
  electionAbi,
  flattenCiphertexts,
  prepareBallot,
  signBallot,
  type Ballot,
  type ContestBallot,
  sealedKey,
} from "../../../src/election";
import {
  ballotCastEvents,
  castFor,
  copyBallot,
  defaultSelections,
  expectRejected,
  homomorphicTotals,
  prepareFor,
  proofFor,
  readAllTotals,
  readRecord,
  resign,
  sendBallot,
  UINT256_MAX,
  withContest,
} from "./ballot-helpers";
import { deployElection, newVoter, openPolls, type ElectionFixture } from "./fixture";

const p = FIELD_MODULUS;
const r = GROUP_ORDER;
const GATEWAY_ROLE = keccak256(stringToHex("GATEWAY_ROLE"));
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

async function election(): Promise<ElectionFixture> {
  return deployElection();
}
/** Polls open, and two ballots already cast (voters 2 and 5), so totals and records are not empty. */
async function openElection(): Promise<ElectionFixture> {
  const f = await deployElection();
  await openPolls(f);
  await castFor(f, f.voters[2]);
  await castFor(f, f.voters[5]);
  return f;
}
async function electionWithoutRoll(): Promise<ElectionFixture> {
  return deployElection({ roll: "none" });
}
async function electionWithoutKey(): Promise<ElectionFixture> {
  return deployElection({ ceremony: "none" });
}
/** The default election and a second one created by the same registry. */
async function twoElections() {
  const f = await deployElection();
  const other = await createElection(f.commission, f.registry, f.config, {
    trustees: f.trusteeClients.map((c) => c.walletClient.account.address),
    threshold: 2,
    registrar: f.registrar.walletClient.account.address,
    gateways: [f.gateway.walletClient.account.address],
  });
  return { f, other };
}

/** Another valid curve point: P + G. */
function otherPoint(point: Point): Point {
  return encodePoint(decodePoint(point, "test point").add(GENERATOR));
}

describe("Election.castBallot (§12.6)", () => {
  describe("a valid ballot", () => {
    it("is recorded: BallotCast fields, ballotRecord and totals as the SDK computes them", async () => {
      const f = await loadFixture(election);
      await openPolls(f);
      const voter = f.voters[0];
      const prepared = prepareFor(f, voter);
      const signed = await signBallot(f.state, prepared, voter.account);
      const result = await sendBallot(f, signed, proofFor(f, voter));

      const receipt = await f.publicClient.getTransactionReceipt({ hash: result.transactionHash });
      const events = parseEventLogs({
        abi: electionAbi,
        logs: receipt.logs,
        eventName: "BallotCast",
      });
      expect(events).to.have.length(1);
      expect(events[0].address).to.equal(f.addresses.election.toLowerCase());
      expect(events[0].args).to.deep.equal({
        credential: voter.account.address,
        constituency: 0n,
        receipt: signed.receipt,
        supersededReceipt: `0x${"00".repeat(32)}`,
        ciphertextsHash: prepared.ciphertextsHash,
      });
      expect(result.receipt).to.equal(signed.receipt);
      expect(await readRecord(f, voter.account.address)).to.equal(
        ballotRecord(signed.receipt, prepared.ciphertextsHash, prepared.ballot.constituency),
      );
      // One ballot: each total is that ballot's ciphertext (O + c); contest 2 is untouched (O).
      const totals = await readAllTotals(f);
      expect(totals[0]).to.deep.equal(prepared.ballot.contests[0].ciphertexts);
      expect(totals[1]).to.deep.equal(prepared.ballot.contests[1].ciphertexts);
      const zero: Ciphertext = { alpha: { x: 0n, y: 0n }, beta: { x: 0n, y: 0n } };
      expect(totals[2]).to.deep.equal([zero, zero]);
      expect(totals).to.deep.equal(homomorphicTotals(f, [prepared.ballot]));
    });

    it("adds every ballot to the totals of its contests (homomorphic sum, both constituencies)", async () => {
      const f = await loadFixture(election);
      await openPolls(f);
      const ballots: Ballot[] = [];
      const choices = [
        [
          [0, 1, 0],
          [0, 0, 0, 0],
        ],
        [
          [0, 0, 1],
          [1, 0, 0, 0],
        ],
        [
          [1, 0, 0],
          [0, 1],
        ],
        [
          [0, 1, 0],
          [1, 0],
        ],
      ];
      const voters = [f.voters[0], f.voters[1], f.voters[3], f.voters[4]];
      for (const [i, voter] of voters.entries()) {
        ballots.push((await castFor(f, voter, choices[i])).prepared.ballot);
        expect(await readAllTotals(f)).to.deep.equal(homomorphicTotals(f, ballots));
      }
      // Contest 0 is on both constituencies' ballots: all four count there.
      const contest0 = await readAllTotals(f).then((t) => t[0]);
      expect(contest0[1]).to.deep.equal(
        addCiphertexts(ballots.map((b) => decodeCiphertext(b.contests[0].ciphertexts[1]))).wire,
      );
      expect(await ballotCastEvents(f)).to.have.length(4);
    });
  });

  describe("polling window (§10.2, §12.6.2)", () => {
    const closed = async (f: ElectionFixture, at: bigint) => {
      await time.setNextBlockTimestamp(at);
      const voter = f.voters[0];
      const signed = await signBallot(f.state, prepareFor(f, voter), voter.account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionPollingClosed",
        [at, f.config.pollingStart, f.config.pollingEnd],
      );
    };
    const open = async (f: ElectionFixture, at: bigint) => {
      await time.setNextBlockTimestamp(at);
      const { result } = await castFor(f, f.voters[0]);
      const block = await f.publicClient.getBlock({ blockNumber: result.blockNumber });
      expect(block.timestamp).to.equal(at);
    };

    it("rejects a ballot before pollingStart", async () => {
      const f = await loadFixture(election);
      await closed(f, f.config.pollingStart - 3600n);
    });
    it("rejects a ballot one second before pollingStart", async () => {
      const f = await loadFixture(election);
      await closed(f, f.config.pollingStart - 1n);
    });
    it("accepts a ballot exactly at pollingStart", async () => {
      const f = await loadFixture(election);
      await open(f, f.config.pollingStart);
    });
    it("accepts a ballot in the last second, pollingEnd − 1", async () => {
      const f = await loadFixture(election);
      await open(f, f.config.pollingEnd - 1n);
    });
    it("rejects a ballot exactly at pollingEnd", async () => {
      const f = await loadFixture(election);
      await closed(f, f.config.pollingEnd);
    });
    it("rejects a ballot after pollingEnd", async () => {
      const f = await loadFixture(election);
      await closed(f, f.config.pollingEnd + 86_400n);
    });
  });

  describe("caller (§12.6.1)", () => {
    it("rejects a caller without the gateway role (outsider, commission, registrar)", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const signed = await signBallot(f.state, prepareFor(f, voter), voter.account);
      for (const caller of [f.outsider, f.commission, f.registrar]) {
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter), [], caller),
          "AccessControlUnauthorizedAccount",
          [getAddress(caller.walletClient.account.address), GATEWAY_ROLE],
        );
      }
      // The same ballot is still castable by the gateway.
      await sendBallot(f, signed, proofFor(f, voter));
    });
  });

  describe("election key (§12.6.2, §13.4)", () => {
    it("rejects a ballot while the key ceremony is not sealed (ElectionKeyNotSealed)", async () => {
      const f = await loadFixture(electionWithoutKey);
      await openPolls(f);
      // No key on-chain yet: the device encrypts under a stand-in key; the check comes first.
      const context = { ...f.state, key: electionKey(encodePoint(GENERATOR.multiply(7n))) };
      const voter = f.voters[0];
      const prepared = prepareBallot(context, voter.account.address, 0, defaultSelections(0));
      const signed = await signBallot(context, prepared, voter.account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionKeyNotSealed",
        [],
      );
    });
  });

  describe("eligibility (§10.3, §12.6.3)", () => {
    it("rejects an unknown constituency (ElectionUnknownConstituency)", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const ballot = { ...copyBallot(prepareFor(f, voter).ballot), constituency: 2n };
      const signed = await resign(f.state, ballot, voter.account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionUnknownConstituency",
        [2n],
      );
    });

    it("rejects a ballot while the constituency's roll is not published (ElectionRollNotPublished)", async () => {
      const f = await loadFixture(electionWithoutRoll);
      await openPolls(f);
      const voter = f.voters[0];
      const signed = await signBallot(f.state, prepareFor(f, voter), voter.account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionRollNotPublished",
        [0n],
      );
    });

    it("rejects a credential that is not in the roll (ElectionNotEligible)", async () => {
      const f = await loadFixture(openElection);
      const stranger = newVoter(0);
      const signed = await signBallot(f.state, prepareFor(f, stranger), stranger.account);
      // No proof, and a registered voter's proof: neither shows leaf(stranger, 0).
      for (const proof of [[], proofFor(f, f.voters[0]), proofFor(f, f.voters[1])]) {
        await expectRejected(f, () => sendBallot(f, signed, proof), "ElectionNotEligible", [
          stranger.account.address,
          0n,
        ]);
      }
    });

    it("rejects a constituency-0 credential claiming constituency 1 (ElectionNotEligible)", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0]; // registered in constituency 0
      const prepared = prepareBallot(f.state, voter.account.address, 1, defaultSelections(1));
      const signed = await signBallot(f.state, prepared, voter.account);
      // Its own (constituency 0) proof, and a constituency-1 voter's proof.
      for (const proof of [proofFor(f, voter), proofFor(f, f.voters[3])]) {
        await expectRejected(f, () => sendBallot(f, signed, proof), "ElectionNotEligible", [
          voter.account.address,
          1n,
        ]);
      }
    });
  });

  describe("the 2018 'vote in any constituency by tampering in the browser' attack: ballot shape (§12.6.4)", () => {
    /** Voter 0 (constituency 0: contests 0, 1) re-signs a ballot whose contests are `contests`. */
    const tamperedShape = async (f: ElectionFixture, contests: ContestBallot[]) => {
      const voter = f.voters[0];
      const ballot: Ballot = { ...copyBallot(prepareFor(f, voter).ballot), contests };
      return { voter, signed: await resign(f.state, ballot, voter.account) };
    };
    /** Valid contests 0, 1 and 2 encrypted for voter 0's credential. */
    const contestsFor = (f: ElectionFixture) => {
      const own = prepareFor(f, f.voters[0]).ballot.contests;
      const foreign = prepareBallot(f.state, f.voters[0].account.address, 1, defaultSelections(1))
        .ballot.contests;
      return { c0: own[0], c1: own[1], c2: foreign[1] };
    };

    it("rejects another constituency's contests (contest 2 instead of 1)", async () => {
      const f = await loadFixture(openElection);
      const { c0, c2 } = contestsFor(f);
      const { voter, signed } = await tamperedShape(f, [c0, c2]);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionContestMismatch",
        [0n, 1n, 2n],
      );
    });

    it("rejects a missing contest", async () => {
      const f = await loadFixture(openElection);
      const { c0, c1 } = contestsFor(f);
      for (const contests of [[c0], [c1], []]) {
        const { voter, signed } = await tamperedShape(f, contests);
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter)),
          "ElectionContestMismatch",
          [0n, BigInt(contests.length), UINT256_MAX],
        );
      }
    });

    it("rejects an extra contest (a constituency-1 contest appended)", async () => {
      const f = await loadFixture(openElection);
      const { c0, c1, c2 } = contestsFor(f);
      const { voter, signed } = await tamperedShape(f, [c0, c1, c2]);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionContestMismatch",
        [0n, 3n, UINT256_MAX],
      );
    });

    it("rejects a repeated contest (contest 0 twice)", async () => {
      const f = await loadFixture(openElection);
      const { c0 } = contestsFor(f);
      const { voter, signed } = await tamperedShape(f, [c0, c0]);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionContestMismatch",
        [0n, 1n, 0n],
      );
    });

    it("rejects the right contests out of order", async () => {
      const f = await loadFixture(openElection);
      const { c0, c1 } = contestsFor(f);
      const { voter, signed } = await tamperedShape(f, [c1, c0]);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionContestMismatch",
        [0n, 0n, 1n],
      );
    });

    it("rejects a contest with too few or too many options (ElectionBallotShapeInvalid)", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const base = prepareFor(f, voter).ballot;
      const fewer = withContest(base, 1, (c) => {
        c.ciphertexts.pop();
        c.optionProofs.pop();
      });
      const more = withContest(base, 1, (c) => {
        c.ciphertexts.push(c.ciphertexts[0]);
        c.optionProofs.push(c.optionProofs[0]);
      });
      for (const [ballot, given] of [
        [fewer, 3n],
        [more, 5n],
      ] as const) {
        const signed = await resign(f.state, ballot, voter.account);
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter)),
          "ElectionBallotShapeInvalid",
          [1n, 4n, given],
        );
      }
    });

    it("rejects a contest whose option-proof count differs from its option count", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const ballot = withContest(prepareFor(f, voter).ballot, 0, (c) => {
        c.optionProofs.pop();
      });
      const signed = await resign(f.state, ballot, voter.account);
      const error = await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionBallotShapeInvalid",
      );
      // Reported as (contestId, expected options, the mismatching count): the option proofs.
      expect(error.args).to.deep.equal([0n, 3n, 2n]);
    });
  });

  describe("signature (§12.3, §12.6.7)", () => {
    it("rejects a ballot signed by another key", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const prepared = prepareFor(f, voter);
      // Voter 1 signs voter 0's ballot (credential field still voter 0).
      const signed = await resign(f.state, prepared.ballot, f.voters[1].account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionBadSignature",
        [voter.account.address],
      );
    });

    it("rejects a ballot tampered with after signing: the signature fails before any proof check", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const signed = await signBallot(f.state, prepareFor(f, voter), voter.account);
      const ct = signed.ballot.contests[1].ciphertexts[2];
      const tampers: Array<(c: ContestBallot) => void> = [
        // Another valid point: proofs would fail too, but §12.6.7 comes before §12.6.8.
        (c) => void (c.ciphertexts[2].beta = otherPoint(ct.beta)),
        // Off the curve: still the signature first.
        (c) => void (c.ciphertexts[2].alpha = { x: ct.alpha.x, y: ct.alpha.y + 1n }),
        // One proof scalar changed.
        (c) => void (c.optionProofs[0].v1 = (c.optionProofs[0].v1 + 1n) % r),
      ];
      for (const tamper of tampers) {
        const tampered = { ...signed, ballot: withContest(signed.ballot, 1, tamper) };
        await expectRejected(
          f,
          () => sendBallot(f, tampered, proofFor(f, voter)),
          "ElectionBadSignature",
          [voter.account.address],
        );
      }
      // previousReceipt changed after signing: a first ballot needs zero, so §12.6.5 rejects it.
      const withPrevious = {
        ...signed,
        ballot: { ...signed.ballot, previousReceipt: keccak256("0x01") },
      };
      await expectRejected(
        f,
        () => sendBallot(f, withPrevious, proofFor(f, voter)),
        "ElectionPreviousBallotMismatch",
      );
      // The untampered ballot is still accepted.
      await sendBallot(f, signed, proofFor(f, voter));
    });

    it("rejects a ballot signed for ANOTHER election of the same registry", async () => {
      const { f, other } = await loadFixture(twoElections);
      await openPolls(f);
      const voter = f.voters[0];
      const otherContext = { ...f.state, election: other.election, electionId: other.electionId };
      expect(other.election).to.not.equal(f.addresses.election);
      // Proofs made for this election, signature for the other one.
      const prepared = prepareFor(f, voter);
      const signedForOther = await signBallot(otherContext, prepared, voter.account);
      // Everything made for the other election (proofs bound to its electionId).
      const wholly = prepareBallot(otherContext, voter.account.address, 0, defaultSelections(0));
      const whollyForOther = await signBallot(otherContext, wholly, voter.account);
      for (const signed of [signedForOther, whollyForOther]) {
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter)),
          "ElectionBadSignature",
          [voter.account.address],
        );
      }
    });

    it("rejects a ballot signed for ANOTHER chain id (chainId 1)", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      expect(f.state.chainId).to.not.equal(1n);
      const prepared = prepareFor(f, voter);
      const signed = await resign({ ...f.state, chainId: 1n }, prepared.ballot, voter.account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionBadSignature",
        [voter.account.address],
      );
    });

    it("rejects a malleated (high-s) signature and malformed signature bytes", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const signed = await signBallot(f.state, prepareFor(f, voter), voter.account);
      const sig = parseSignature(signed.signature);
      const s = BigInt(sig.s);
      const highS = serializeSignature({
        r: sig.r,
        s: `0x${(SECP256K1_N - s).toString(16).padStart(64, "0")}`,
        yParity: sig.yParity === 0 ? 1 : 0,
      });
      const compact = signed.signature.slice(0, 130) as Hex; // 64 bytes (EIP-2098 length)
      for (const signature of [highS, compact, "0x" as Hex, `${signed.signature}00` as Hex]) {
        await expectRejected(
          f,
          () => sendBallot(f, { ...signed, signature }, proofFor(f, voter)),
          "ElectionBadSignature",
          [voter.account.address],
        );
      }
    });
  });

  describe("replay (§12.5, §12.6.5)", () => {
    it("rejects the same signed ballot cast twice (ElectionPreviousBallotMismatch)", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const first = await castFor(f, voter);
      const totals = await readAllTotals(f);
      await expectRejected(
        f,
        () => sendBallot(f, first.signed, proofFor(f, voter)),
        "ElectionPreviousBallotMismatch",
        [voter.account.address, `0x${"00".repeat(32)}`],
      );
      // Even resupplying its own ciphertexts does not make a replay a valid re-vote.
      await expectRejected(
        f,
        () =>
          sendBallot(
            f,
            first.signed,
            proofFor(f, voter),
            flattenCiphertexts(first.prepared.ballot.contests),
          ),
        "ElectionPreviousBallotMismatch",
      );
      expect(await readAllTotals(f)).to.deep.equal(totals);
    });
  });

  describe("malformed points and scalars (§2, §12.6.8), re-signed so only the field is wrong", () => {
    type Case = {
      name: string;
      tamper: (c: ContestBallot) => void;
      error: string;
      args: (c: ContestBallot) => readonly unknown[];
    };
    const cases: Case[] = [
      {
        name: "ciphertext α = point at infinity (0, 0)",
        tamper: (c) => void (c.ciphertexts[2].alpha = { x: 0n, y: 0n }),
        error: "BN254PointAtInfinity",
        args: () => [],
      },
      {
        name: "ciphertext β.x + p (coordinate ≥ p)",
        tamper: (c) => void (c.ciphertexts[2].beta.x += p),
        error: "BN254CoordinateOutOfRange",
        args: (c) => [c.ciphertexts[2].beta.x],
      },
      {
        name: "ciphertext α.y = p",
        tamper: (c) => void (c.ciphertexts[1].alpha.y = p),
        error: "BN254CoordinateOutOfRange",
        args: () => [p],
      },
      {
        name: "ciphertext β off the curve (y + 1)",
        tamper: (c) => void (c.ciphertexts[3].beta.y += 1n),
        error: "BN254PointNotOnCurve",
        args: (c) => [c.ciphertexts[3].beta.x, c.ciphertexts[3].beta.y],
      },
      {
        name: "option proof a₀ = point at infinity",
        tamper: (c) => void (c.optionProofs[1].a0 = { x: 0n, y: 0n }),
        error: "BN254PointAtInfinity",
        args: () => [],
      },
      {
        name: "option proof b₁.y + p",
        tamper: (c) => void (c.optionProofs[2].b1.y += p),
        error: "BN254CoordinateOutOfRange",
        args: (c) => [c.optionProofs[2].b1.y],
      },
      {
        name: "option proof a₁ off the curve",
        tamper: (c) => void (c.optionProofs[0].a1.x += 1n),
        error: "BN254PointNotOnCurve",
        args: (c) => [c.optionProofs[0].a1.x, c.optionProofs[0].a1.y],
      },
      {
        name: "selection proof a[0] = point at infinity",
        tamper: (c) => void (c.selectionProof.a[0] = { x: 0n, y: 0n }),
        error: "BN254PointAtInfinity",
        args: () => [],
      },
      {
        name: "selection proof b[1].x = p",
        tamper: (c) => void (c.selectionProof.b[1].x = p),
        error: "BN254CoordinateOutOfRange",
        args: () => [p],
      },
      {
        name: "selection proof b[0] off the curve",
        tamper: (c) => void (c.selectionProof.b[0].y += 1n),
        error: "BN254PointNotOnCurve",
        args: (c) => [c.selectionProof.b[0].x, c.selectionProof.b[0].y],
      },
      {
        name: "option proof c₀ = r",
        tamper: (c) => void (c.optionProofs[1].c0 = r),
        error: "BN254ScalarOutOfRange",
        args: () => [r],
      },
      {
        name: "option proof v₁ = 2²⁵⁶ − 1",
        tamper: (c) => void (c.optionProofs[3].v1 = UINT256_MAX),
        error: "BN254ScalarOutOfRange",
        args: () => [UINT256_MAX],
      },
      {
        name: "option proof v₀ + r (the same scalar mod r)",
        tamper: (c) => void (c.optionProofs[0].v0 += r),
        error: "BN254ScalarOutOfRange",
        args: (c) => [c.optionProofs[0].v0],
      },
      {
        name: "selection proof c[0] = r",
        tamper: (c) => void (c.selectionProof.c[0] = r),
        error: "BN254ScalarOutOfRange",
        args: () => [r],
      },
      {
        name: "selection proof v[1] + r",
        tamper: (c) => void (c.selectionProof.v[1] += r),
        error: "BN254ScalarOutOfRange",
        args: (c) => [c.selectionProof.v[1]],
      },
    ];

    it(`rejects each of ${cases.length} malformed fields in contest 1 with its BN254 error`, async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const base = prepareFor(f, voter).ballot;
      // Contest 1 (0 … 1 selections) has a two-branch selection proof: a, b, v of length 2.
      expect(base.contests[1].selectionProof.a).to.have.length(2);
      for (const t of cases) {
        const ballot = withContest(base, 1, t.tamper);
        const signed = await resign(f.state, ballot, voter.account);
        const error = await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter)),
          t.error,
          undefined,
        );
        expect(error.args, t.name).to.deep.equal(t.args(ballot.contests[1]));
      }
      // The untampered ballot is accepted afterwards: nothing above left a trace.
      await castFor(f, voter);
    });
  });

  describe("proofs (§5.2, §5.3, §12.6.8): ElectionProofInvalid(contestId, option)", () => {
    /** Casts `ballot` re-signed by voter 0 and expects ElectionProofInvalid(contest, option). */
    const rejectsProof = async (
      f: ElectionFixture,
      ballot: Ballot,
      contest: bigint,
      option: bigint,
    ) => {
      const voter = f.voters[0];
      const signed = await resign(f.state, ballot, voter.account);
      await expectRejected(
        f,
        () => sendBallot(f, signed, proofFor(f, voter)),
        "ElectionProofInvalid",
        [contest, option],
      );
    };

    it("rejects an option-proof point replaced by another valid point, naming the option", async () => {
      const f = await loadFixture(openElection);
      const base = prepareFor(f, f.voters[0]).ballot;
      for (const field of ["a0", "b0", "a1", "b1"] as const) {
        const ballot = withContest(base, 1, (c) => {
          c.optionProofs[2][field] = otherPoint(c.optionProofs[2][field]);
        });
        await rejectsProof(f, ballot, 1n, 2n);
      }
    });

    it("rejects an option-proof scalar + 1, naming the option", async () => {
      const f = await loadFixture(openElection);
      const base = prepareFor(f, f.voters[0]).ballot;
      for (const field of ["c0", "v0", "v1"] as const) {
        const ballot = withContest(base, 0, (c) => {
          c.optionProofs[1][field] = (c.optionProofs[1][field] + 1n) % r;
        });
        await rejectsProof(f, ballot, 0n, 1n);
      }
    });

    it("rejects a selection-proof point or scalar changed (option = 2²⁵⁶ − 1)", async () => {
      const f = await loadFixture(openElection);
      const base = prepareFor(f, f.voters[0]).ballot;
      const tampers: Array<(c: ContestBallot) => void> = [
        (c) => void (c.selectionProof.a[0] = otherPoint(c.selectionProof.a[0])),
        (c) => void (c.selectionProof.b[1] = otherPoint(c.selectionProof.b[1])),
        (c) => void (c.selectionProof.c[0] = (c.selectionProof.c[0] + 1n) % r),
        (c) => void (c.selectionProof.v[1] = (c.selectionProof.v[1] + 1n) % r),
      ];
      for (const tamper of tampers)
        await rejectsProof(f, withContest(base, 1, tamper), 1n, UINT256_MAX);
      // Contest 0 ("exactly one") has a single-branch selection proof.
      const contest0 = withContest(base, 0, (c) => {
        c.selectionProof.v[0] = (c.selectionProof.v[0] + 1n) % r;
      });
      await rejectsProof(f, contest0, 0n, UINT256_MAX);
    });

    it("rejects a ciphertext replaced by another valid point (its option proof fails)", async () => {
      const f = await loadFixture(openElection);
      const base = prepareFor(f, f.voters[0]).ballot;
      const ballot = withContest(base, 0, (c) => {
        c.ciphertexts[2].beta = otherPoint(c.ciphertexts[2].beta);
      });
      await rejectsProof(f, ballot, 0n, 2n);
    });

    it("rejects two selections in an 'exactly one' contest built from two valid option proofs", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      // Two honest ballots of the same voter: A picks candidate 0, B picks candidate 1.
      const a = prepareFor(f, voter, [
        [1, 0, 0],
        [0, 0, 0, 0],
      ]).ballot;
      const b = prepareFor(f, voter, [
        [0, 1, 0],
        [0, 0, 0, 0],
      ]).ballot;
      // Candidate 1 from B with its (valid, option-1-bound) proof: every option proof holds,
      // the sum encrypts 2 and no selection proof for "exactly one" can hold.
      const ballot = withContest(a, 0, (c) => {
        c.ciphertexts[1] = b.contests[0].ciphertexts[1];
        c.optionProofs[1] = b.contests[0].optionProofs[1];
      });
      await rejectsProof(f, ballot, 0n, UINT256_MAX);
      // With B's selection proof instead of A's: still the selection proof.
      const withB = withContest(ballot, 0, (c) => {
        c.selectionProof = b.contests[0].selectionProof;
      });
      await rejectsProof(f, withB, 0n, UINT256_MAX);
    });

    it("rejects a ciphertext encrypting 2 for one candidate, even with a proof made for it", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const prepared = prepareFor(f, voter, [
        [1, 0, 0],
        [0, 1, 0, 0],
      ]);
      const contest = prepared.ballot.contests[1];
      const nonce = prepared.secrets[1].nonces[1];
      // Enc(1; ρ) + Enc(1; ρ) = Enc(2; 2ρ): the device claims "1" and proves with nonce 2ρ.
      const doubled = decodeCiphertext(contest.ciphertexts[1]);
      const two = addCiphertexts([doubled, doubled]);
      const falseProof = proveZeroOne(
        {
          context: {
            electionId: f.state.electionId,
            contestIndex: 1,
            voter: voter.account.address,
          },
          optionIndex: 1,
          key: sealedKey(f.state),
          ciphertext: two,
        },
        { value: 1, nonce: (2n * nonce) % r },
      );
      const ballot = withContest(prepared.ballot, 1, (c) => {
        c.ciphertexts[1] = two.wire;
        c.optionProofs[1] = falseProof;
      });
      await rejectsProof(f, ballot, 1n, 1n);
      // Keeping the original option proof: the same option is named.
      const kept = withContest(prepared.ballot, 1, (c) => {
        c.ciphertexts[1] = two.wire;
      });
      await rejectsProof(f, kept, 1n, 1n);
    });

    it("rejects ciphertexts swapped between options (proofs bind the option index)", async () => {
      const f = await loadFixture(openElection);
      const base = prepareFor(f, f.voters[0]).ballot; // contest 0 = [1, 0, 0]
      const swapBoth = withContest(base, 0, (c) => {
        [c.ciphertexts[0], c.ciphertexts[1]] = [c.ciphertexts[1], c.ciphertexts[0]];
        [c.optionProofs[0], c.optionProofs[1]] = [c.optionProofs[1], c.optionProofs[0]];
      });
      await rejectsProof(f, swapBoth, 0n, 0n);
      const swapCiphertexts = withContest(base, 0, (c) => {
        [c.ciphertexts[1], c.ciphertexts[2]] = [c.ciphertexts[2], c.ciphertexts[1]];
      });
      await rejectsProof(f, swapCiphertexts, 0n, 1n);
    });

    it("rejects an option duplicated onto another (ciphertext and proof copied)", async () => {
      const f = await loadFixture(openElection);
      const base = prepareFor(f, f.voters[0]).ballot;
      const ballot = withContest(base, 0, (c) => {
        c.ciphertexts[2] = c.ciphertexts[0];
        c.optionProofs[2] = c.optionProofs[0];
      });
      await rejectsProof(f, ballot, 0n, 2n);
    });

    it("rejects another voter's ballot re-signed by this credential (proofs bind the voter)", async () => {
      const f = await loadFixture(openElection);
      const victim = prepareFor(f, f.voters[1]).ballot;
      const copied: Ballot = { ...copyBallot(victim), credential: f.voters[0].account.address };
      await rejectsProof(f, copied, 0n, 0n);
    });

    it("rejects a ballot whose proofs were made for another election id", async () => {
      const f = await loadFixture(openElection);
      const voter = f.voters[0];
      const foreign = prepareBallot(
        { ...f.state, electionId: keccak256("0x1234") },
        voter.account.address,
        0,
        defaultSelections(0),
      ).ballot;
      await rejectsProof(f, foreign, 0n, 0n);
    });
  });
});
