/**
 * The tally (§14): partial decryptions checked on-chain against the share keys and the
 * election's own totals, finalisation with any k trustees checked against §7.3 and the §7.4
 * bound, and the commission's court-ordered exclusion that deletes nothing.
 */
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { getAddress, keccak256, stringToHex, type Address, type Hex } from "viem";
import {
  decryptPartially,
  encodePoint,
  GENERATOR,
  GROUP_ORDER,
  type PartialDecryption,
  type Point,
} from "../../../src/crypto";
import {
  castBallot,
  decryptContest,
  eligibilityProof,
  electionAbi,
  electionTallyAbi,
  finalizeContest,
  keyCeremonyAbi,
  prepareBallot,
  publishRoll,
  readResult,
  readTotals,
  signBallot,
  transact,
  type Clients,
} from "../../../src/election";
import { closePolls, deployElection, openPolls, type ElectionFixture } from "./fixture";
import { expectRejectedUnchanged, tallyState } from "./helpers";

/**
 * Ballots cast in every fixture (constituency 0 votes in contests 0 and 1). Nobody of
 * constituency 1 votes, so contest 2 gets no ballot at all: its totals stay the identity.
 */
const BALLOTS: Array<[voter: number, selections: number[][]]> = [
  [
    0,
    [
      [1, 0, 0],
      [0, 0, 1, 0],
    ],
  ],
  [
    1,
    [
      [0, 1, 0],
      [0, 0, 0, 0],
    ],
  ],
  [
    2,
    [
      [1, 0, 0],
      [1, 0, 0, 0],
    ],
  ],
];
const EXPECTED = [
  [2, 1, 0],
  [1, 0, 1, 0],
  [0, 0],
];
const CONTESTS = [0n, 1n, 2n];

describe("ElectionTally", () => {
  async function cast(f: ElectionFixture): Promise<void> {
    for (const [index, selections] of BALLOTS) {
      const voter = f.voters[index];
      const prepared = prepareBallot(
        f.state,
        voter.account.address,
        voter.constituency,
        selections,
      );
      const signed = await signBallot(f.state, prepared, voter.account);
      const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
      await castBallot(
        f.gateway,
        f.addresses.election,
        signed,
        eligibilityProof(roll, voter.account.address),
      );
    }
  }

  async function post(f: ElectionFixture, trustee: number, contestId: bigint): Promise<void> {
    await f.trustees[trustee - 1].postDecryptionShares(
      f.trusteeClients[trustee - 1],
      f.addresses,
      contestId,
      f.shares[trustee - 1],
    );
  }

  /** Polls open, three ballots cast. */
  async function voted(): Promise<ElectionFixture> {
    const f = await deployElection();
    await openPolls(f);
    await cast(f);
    return f;
  }
  /** Polls closed, nothing posted. */
  async function closed(): Promise<ElectionFixture> {
    const f = await voted();
    await closePolls(f);
    return f;
  }
  /** Trustees 1 and 3 posted every contest; trustee 2 did not. */
  async function posted(): Promise<ElectionFixture> {
    const f = await closed();
    for (const contestId of CONTESTS) for (const t of [1, 3]) await post(f, t, contestId);
    return f;
  }
  /** Every trustee posted every contest. */
  async function allPosted(): Promise<ElectionFixture> {
    const f = await posted();
    for (const contestId of CONTESTS) await post(f, 2, contestId);
    return f;
  }

  /** Trustee `trustee`'s honest partial decryptions of `contestId` with proofs. */
  async function partialsOf(
    f: ElectionFixture,
    trustee: number,
    contestId: bigint,
  ): Promise<PartialDecryption[]> {
    const shareKey = await f.publicClient.readContract({
      address: f.addresses.ceremony,
      abi: keyCeremonyAbi,
      functionName: "shareKey",
      args: [BigInt(trustee)],
    });
    const totals = await readTotals(f.publicClient, f.addresses.election, contestId);
    return totals.map((aggregate, option) =>
      decryptPartially(
        {
          electionId: f.state.electionId,
          contestIndex: Number(contestId),
          optionIndex: option,
          aggregate,
        },
        trustee,
        f.shares[trustee - 1],
        { x: shareKey.x, y: shareKey.y },
      ),
    );
  }

  function postRaw(
    f: ElectionFixture,
    caller: Clients,
    contestId: bigint,
    partials: readonly Point[],
    proofs: readonly PartialDecryption["proof"][],
  ) {
    return transact(caller, {
      address: f.addresses.tally,
      abi: electionTallyAbi,
      functionName: "postDecryptionShares",
      args: [contestId, [...partials], [...proofs]],
    });
  }

  function finalize(
    f: ElectionFixture,
    contestId: bigint,
    counts: readonly number[],
    trustees: readonly number[],
  ) {
    return finalizeContest(f.outsider, f.addresses.tally, contestId, counts, trustees);
  }

  function exclude(f: ElectionFixture, caller: Clients, contestId: bigint, orderHash: Hex) {
    return transact(caller, {
      address: f.addresses.tally,
      abi: electionTallyAbi,
      functionName: "excludeContest",
      args: [contestId, orderHash],
    });
  }

  const stateOf = (f: ElectionFixture) => () => tallyState(f);
  const addressOf = (c: Clients): Address => getAddress(c.walletClient.account.address);
  const bump = (v: bigint) => (v + 1n) % GROUP_ORDER;

  describe("partial decryptions (§14.1)", () => {
    it("before pollingEnd → ElectionTallyPollingNotEnded, up to the last second; accepted from pollingEnd", async () => {
      const f = await loadFixture(voted);
      const end = f.config.pollingEnd;
      await expectRejectedUnchanged(
        stateOf(f),
        () => post(f, 1, 0n),
        "ElectionTallyPollingNotEnded",
        [end],
      );
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 0n, EXPECTED[0], [1, 2]),
        "ElectionTallyPollingNotEnded",
        [end],
      );
      await time.setNextBlockTimestamp(end - 1n);
      await expectRejectedUnchanged(
        stateOf(f),
        () => post(f, 1, 0n),
        "ElectionTallyPollingNotEnded",
        [end],
      );
      await time.setNextBlockTimestamp(end);
      await post(f, 1, 0n);
      expect(await time.latest()).to.equal(Number(end));
      const stored = await f.publicClient.readContract({
        address: f.addresses.tally,
        abi: electionTallyAbi,
        functionName: "decryptionShares",
        args: [0n, 1n],
      });
      expect(stored).to.have.length(3);
    });

    it("a non-trustee posting a trustee's valid partials → ElectionTallyNotTrustee", async () => {
      const f = await loadFixture(closed);
      const partials = await partialsOf(f, 1, 0n);
      for (const caller of [f.outsider, f.commission, f.registrar, f.gateway]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () =>
            postRaw(
              f,
              caller,
              0n,
              partials.map((p) => p.partial),
              partials.map((p) => p.proof),
            ),
          "ElectionTallyNotTrustee",
          [addressOf(caller)],
        );
      }
    });

    it("posting twice for a contest → ElectionTallySharesAlreadyPosted", async () => {
      const f = await loadFixture(posted);
      for (const [t, contestId] of [
        [1, 0n],
        [3, 2n],
      ] as const) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => post(f, t, contestId),
          "ElectionTallySharesAlreadyPosted",
          [contestId, BigInt(t)],
        );
      }
    });

    it("a partial count or proof count other than the contest's options → ElectionTallyLengthMismatch", async () => {
      const f = await loadFixture(closed);
      const ps = await partialsOf(f, 1, 1n);
      const partials = ps.map((p) => p.partial);
      const proofs = ps.map((p) => p.proof);
      const cases: Array<[Point[], typeof proofs, bigint]> = [
        [partials.slice(0, 3), proofs.slice(0, 3), 3n],
        [[], [], 0n],
        [[...partials, partials[0]], [...proofs, proofs[0]], 5n],
        [partials, proofs.slice(0, 3), 4n],
        [partials.slice(0, 3), proofs, 3n],
      ];
      for (const [p, q, given] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => postRaw(f, f.trusteeClients[0], 1n, p, q),
          "ElectionTallyLengthMismatch",
          [1n, 4n, given],
        );
      }
    });

    it("a tampered partial or proof, another option's partial, or another trustee's → DecryptionProofInvalid", async () => {
      const f = await loadFixture(closed);
      const mine = await partialsOf(f, 1, 0n);
      const theirs = await partialsOf(f, 2, 0n);
      const partials = mine.map((p) => p.partial);
      const proofs = mine.map((p) => p.proof);
      const at = <T>(list: T[], i: number, value: T) =>
        list.map((old, j) => (j === i ? value : old));
      const doubled = encodePoint(GENERATOR.multiply(3n));
      const cases: Array<[string, Point[], typeof proofs]> = [
        ["another point as partial", at(partials, 1, doubled), proofs],
        ["option 1's partial for option 0", at(partials, 0, partials[1]), proofs],
        [
          "partials and proofs of options 0 and 1 swapped",
          [partials[1], partials[0], partials[2]],
          [proofs[1], proofs[0], proofs[2]],
        ],
        ["v + 1", partials, at(proofs, 2, { ...proofs[2], v: bump(proofs[2].v) })],
        [
          "a and b swapped",
          partials,
          at(proofs, 0, { ...proofs[0], a: proofs[0].b, b: proofs[0].a }),
        ],
        ["another option's proof", partials, at(proofs, 2, proofs[1])],
        [
          "trustee 2's partials posted by trustee 1",
          theirs.map((p) => p.partial),
          theirs.map((p) => p.proof),
        ],
      ];
      for (const [, p, q] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => postRaw(f, f.trusteeClients[0], 0n, p, q),
          "DecryptionProofInvalid",
          [],
        );
      }
      // The honest ones are accepted afterwards.
      await postRaw(f, f.trusteeClients[0], 0n, partials, proofs);
    });

    it("an unknown contest → ElectionTallyUnknownContest (posting and finalising)", async () => {
      const f = await loadFixture(posted);
      const ps = await partialsOf(f, 2, 0n);
      for (const contestId of [3n, 2n ** 256n - 1n]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () =>
            postRaw(
              f,
              f.trusteeClients[1],
              contestId,
              ps.map((p) => p.partial),
              ps.map((p) => p.proof),
            ),
          "ElectionTallyUnknownContest",
          [contestId],
        );
        await expectRejectedUnchanged(
          stateOf(f),
          () => finalize(f, contestId, [0, 0, 0], [1, 3]),
          "ElectionTallyUnknownContest",
          [contestId],
        );
      }
    });
  });

  describe("finalisation (§14.2)", () => {
    it("with fewer than k trustees → ThresholdNotEnoughShares", async () => {
      const f = await loadFixture(posted);
      for (const trustees of [[1], [3], []]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => finalize(f, 0n, EXPECTED[0], trustees),
          "ThresholdNotEnoughShares",
          [BigInt(trustees.length), 2n],
        );
      }
    });

    it("with a trustee that has not posted (or no such trustee) → ElectionTallySharesMissing; a repeated one → ThresholdDuplicateTrustee", async () => {
      const f = await loadFixture(posted);
      for (const [trustees, missing] of [
        [[1, 2], 2n],
        [[2, 3], 2n],
        [[1, 3, 2], 2n],
        [[1, 0], 0n],
        [[4, 3], 4n],
      ] as const) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => finalize(f, 1n, EXPECTED[1], trustees),
          "ElectionTallySharesMissing",
          [1n, missing],
        );
      }
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 1n, EXPECTED[1], [1, 1]),
        "ThresholdDuplicateTrustee",
        [1n],
      );
    });

    it("a wrong claimed count → ThresholdResultMismatch (+1, −1, swapped), and a count length mismatch → ElectionTallyLengthMismatch", async () => {
      const f = await loadFixture(posted);
      const right = EXPECTED[0];
      const cases: Array<[number[], bigint]> = [
        [[3, 1, 0], 3n],
        [[2, 2, 0], 2n],
        [[2, 1, 1], 1n],
        [[1, 1, 0], 1n],
        [[1, 2, 0], 1n],
        [[0, 0, 0], 0n],
      ];
      for (const [counts, claimed] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => finalize(f, 0n, counts, [1, 3]),
          "ThresholdResultMismatch",
          [claimed],
        );
      }
      for (const counts of [right.slice(0, 2), [...right, 0]]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => finalize(f, 0n, counts, [1, 3]),
          "ElectionTallyLengthMismatch",
          [0n, 3n, BigInt(counts.length)],
        );
      }
    });

    it("a claimed count above the contest's bound → ThresholdResultMismatch", async () => {
      const f = await loadFixture(posted);
      const bound = await f.publicClient.readContract({
        address: f.addresses.election,
        abi: electionAbi,
        functionName: "contestBound",
        args: [1n],
      });
      expect(bound).to.equal(3n);
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 1n, [Number(bound) + 1, 0, 1, 0], [1, 3]),
        "ThresholdResultMismatch",
        [bound + 1n],
      );
    });

    it("a true count above the bound (roll count understated by the registrar) is refused too: the bound is enforced, not only the equation", async () => {
      const f = await loadFixture(understated);
      // Three ballots for option 0 of contest 1, whose bound is the declared 1 voter.
      const counts = await decryptContest(f.publicClient, f.addresses, 1n, [1, 2], 2).catch(
        (e: Error) => e,
      );
      expect(counts).to.be.instanceOf(Error);
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 1n, [3, 0, 0, 0], [1, 2]),
        "ThresholdResultMismatch",
        [3n],
      );
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 1n, [1, 0, 0, 0], [1, 2]),
        "ThresholdResultMismatch",
        [1n],
      );
    });

    it("finalising twice → ElectionTallyAlreadyFinalized; later partials are refused the same way", async () => {
      const f = await loadFixture(posted);
      await finalize(f, 0n, EXPECTED[0], [1, 3]);
      for (const [counts, trustees] of [
        [EXPECTED[0], [1, 3]],
        [EXPECTED[0], [3, 1]],
        [
          [0, 0, 0],
          [1, 3],
        ],
      ] as const) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => finalize(f, 0n, counts, trustees),
          "ElectionTallyAlreadyFinalized",
          [0n],
        );
      }
      await expectRejectedUnchanged(
        stateOf(f),
        () => post(f, 2, 0n),
        "ElectionTallyAlreadyFinalized",
        [0n],
      );
      // Other contests are unaffected.
      await finalize(f, 1n, EXPECTED[1], [3, 1]);
    });

    it("any k of the n trustees (and all n) give the same recorded counts; ContestFinalized records the set", async () => {
      const subsets: Array<[number[], number[]]> = [
        [
          [1, 2],
          [2, 3],
        ],
        [
          [3, 1],
          [1, 2, 3],
        ],
        [
          [2, 3],
          [3, 1],
        ],
      ];
      for (const [for0, for1] of subsets) {
        const f = await loadFixture(allPosted);
        for (const [contestId, trustees] of [
          [0n, for0],
          [1n, for1],
        ] as const) {
          const counts = await decryptContest(f.publicClient, f.addresses, contestId, trustees, 2);
          expect(counts).to.deep.equal(EXPECTED[Number(contestId)]);
          await finalize(f, contestId, counts, trustees);
          const result = await readResult(f.publicClient, f.addresses.tally, contestId);
          expect(result).to.deep.equal({
            finalized: true,
            excluded: false,
            exclusionOrderHash: `0x${"00".repeat(32)}`,
            counts: EXPECTED[Number(contestId)],
            trustees,
          });
          const [event] = await f.publicClient.getContractEvents({
            address: f.addresses.tally,
            abi: electionTallyAbi,
            eventName: "ContestFinalized",
            args: { contestId },
            fromBlock: 0n,
          });
          expect(event.args.counts).to.deep.equal(EXPECTED[Number(contestId)].map(BigInt));
          expect(event.args.trustees).to.deep.equal(trustees.map(BigInt));
        }
      }
    });

    it("a contest with zero ballots (identity totals) decrypts to all-zero counts and finalises", async () => {
      const f = await loadFixture(posted);
      const totals = await readTotals(f.publicClient, f.addresses.election, 2n);
      const zero = { x: 0n, y: 0n };
      expect(totals).to.deep.equal([
        { alpha: zero, beta: zero },
        { alpha: zero, beta: zero },
      ]);
      for (const t of [1n, 3n]) {
        const partials = await f.publicClient.readContract({
          address: f.addresses.tally,
          abi: electionTallyAbi,
          functionName: "decryptionShares",
          args: [2n, t],
        });
        expect(partials).to.deep.equal([zero, zero]);
      }
      const counts = await decryptContest(f.publicClient, f.addresses, 2n, [1, 3], 2);
      expect(counts).to.deep.equal([0, 0]);
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 2n, [1, 0], [1, 3]),
        "ThresholdResultMismatch",
        [1n],
      );
      await finalize(f, 2n, counts, [3, 1]);
      expect((await readResult(f.publicClient, f.addresses.tally, 2n)).counts).to.deep.equal([
        0, 0,
      ]);
    });
  });

  describe("court-ordered exclusion (§14.3)", () => {
    const ORDER = keccak256(stringToHex("court order 2024/117"));

    it("only the commission → ElectionTallyUnauthorized; only after finalisation → ElectionTallyNotFinalized", async () => {
      const f = await loadFixture(posted);
      for (const contestId of [0n, 2n, 7n]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => exclude(f, f.commission, contestId, ORDER),
          "ElectionTallyNotFinalized",
          [contestId],
        );
      }
      await finalize(f, 0n, EXPECTED[0], [1, 3]);
      for (const caller of [f.outsider, f.registrar, f.gateway, ...f.trusteeClients]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => exclude(f, caller, 0n, ORDER),
          "ElectionTallyUnauthorized",
          [addressOf(caller)],
        );
      }
    });

    it("records the order once (ContestExcluded), keeps the result readable, and a second exclusion → ElectionTallyAlreadyExcluded", async () => {
      const f = await loadFixture(posted);
      await finalize(f, 0n, EXPECTED[0], [1, 3]);
      await finalize(f, 1n, EXPECTED[1], [1, 3]);
      const before = await tallyState(f);
      const receipt = await exclude(f, f.commission, 0n, ORDER);
      const events = await f.publicClient.getContractEvents({
        address: f.addresses.tally,
        abi: electionTallyAbi,
        eventName: "ContestExcluded",
        blockHash: receipt.blockHash,
      });
      expect(events.map((e) => e.args)).to.deep.equal([{ contestId: 0n, orderHash: ORDER }]);
      expect(await readResult(f.publicClient, f.addresses.tally, 0n)).to.deep.equal({
        finalized: true,
        excluded: true,
        exclusionOrderHash: ORDER,
        counts: EXPECTED[0],
        trustees: [1, 3],
      });
      // Nothing else moved: partials, the other contests' results.
      const after = await tallyState(f);
      expect(after.partials).to.deep.equal(before.partials);
      expect(after.results.slice(1)).to.deep.equal(before.results.slice(1));
      expect(after.events).to.equal(before.events + 1);
      // The counts can still be re-derived from the chain.
      expect(await decryptContest(f.publicClient, f.addresses, 0n, [1, 3], 2)).to.deep.equal(
        EXPECTED[0],
      );

      for (const order of [ORDER, keccak256(stringToHex("another order"))]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => exclude(f, f.commission, 0n, order),
          "ElectionTallyAlreadyExcluded",
          [0n],
        );
      }
      await expectRejectedUnchanged(
        stateOf(f),
        () => finalize(f, 0n, EXPECTED[0], [1, 3]),
        "ElectionTallyAlreadyFinalized",
        [0n],
      );
    });
  });

  /**
   * The registrar declares one voter per constituency although each tree holds three: contest
   * 1's bound is 1, yet its three voters all choose option 0.
   */
  async function understated(): Promise<ElectionFixture> {
    const f = await deployElection({ roll: "none" });
    for (const roll of f.rolls)
      await publishRoll(f.registrar, f.addresses.election, { ...roll, voters: 1 });
    await openPolls(f);
    for (const index of [0, 1, 2]) {
      const voter = f.voters[index];
      const prepared = prepareBallot(f.state, voter.account.address, 0, [
        [1, 0, 0],
        [1, 0, 0, 0],
      ]);
      const signed = await signBallot(f.state, prepared, voter.account);
      await castBallot(
        f.gateway,
        f.addresses.election,
        signed,
        eligibilityProof(f.rolls[0], voter.account.address),
      );
    }
    await closePolls(f);
    for (const t of [1, 2]) await post(f, t, 1n);
    return f;
  }
});
