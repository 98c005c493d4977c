import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import {
  castBallot,
  decryptContest,
  eligibilityProof,
  finalizeContest,
  flattenCiphertexts,
  prepareBallot,
  readResult,
  signBallot,
  type PreparedBallot,
} from "../../../src/election";
import { closePolls, deployElection, openPolls, type ElectionFixture } from "./fixture";

describe("election end to end", () => {
  async function fixture(): Promise<ElectionFixture> {
    return deployElection();
  }

  it("casts, re-votes, tallies with one trustee absent and records results equal to the plaintext", async () => {
    const f = await loadFixture(fixture);
    await openPolls(f);
    const expected = new Map<number, number[]>([
      [0, [0, 0, 0]],
      [1, [0, 0, 0, 0]],
      [2, [0, 0]],
    ]);
    const lastBallot = new Map<string, PreparedBallot>();
    const lastReceipt = new Map<string, `0x${string}`>();
    const cast = async (voterIndex: number, selections: number[][]) => {
      const voter = f.voters[voterIndex];
      const address = voter.account.address;
      const previous = lastBallot.get(address);
      const prepared = prepareBallot(
        f.state,
        address,
        voter.constituency,
        selections,
        lastReceipt.get(address),
      );
      const signed = await signBallot(f.state, prepared, voter.account);
      const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
      const result = await castBallot(
        f.gateway,
        f.addresses.election,
        signed,
        eligibilityProof(roll, address),
        previous ? flattenCiphertexts(previous.ballot.contests) : [],
      );
      lastBallot.set(address, prepared);
      lastReceipt.set(address, result.receipt);
      return result;
    };
    // Voters of constituency 0 vote in contests 0 and 1; constituency 1 in contests 0 and 2.
    await cast(0, [
      [1, 0, 0],
      [0, 0, 1, 0],
    ]);
    await cast(1, [
      [0, 1, 0],
      [0, 0, 0, 0],
    ]);
    await cast(3, [
      [0, 0, 1],
      [1, 0],
    ]);
    await cast(4, [
      [1, 0, 0],
      [0, 1],
    ]);
    // Voter 0 re-votes: the first ballot no longer counts.
    const revote = await cast(0, [
      [0, 0, 1],
      [1, 0, 0, 0],
    ]);
    expect(revote.supersededReceipt).to.not.equal(`0x${"00".repeat(32)}`);
    const plain = [
      [
        [0, 0, 1],
        [1, 0, 0, 0],
      ],
      [
        [0, 1, 0],
        [0, 0, 0, 0],
      ],
    ];
    for (const [c0, c1] of plain) {
      c0.forEach((s, i) => (expected.get(0)![i] += s));
      c1.forEach((s, i) => (expected.get(1)![i] += s));
    }
    for (const [c0, c2] of [
      [
        [0, 0, 1],
        [1, 0],
      ],
      [
        [1, 0, 0],
        [0, 1],
      ],
    ]) {
      c0.forEach((s, i) => (expected.get(0)![i] += s));
      c2.forEach((s, i) => (expected.get(2)![i] += s));
    }

    await closePolls(f);
    const present = [1, 3]; // trustee 2 is absent
    for (const contestId of [0n, 1n, 2n]) {
      for (const t of present) {
        await f.trustees[t - 1].postDecryptionShares(
          f.trusteeClients[t - 1],
          f.addresses,
          contestId,
          f.shares[t - 1],
        );
      }
      const counts = await decryptContest(
        f.publicClient,
        f.addresses,
        contestId,
        present,
        f.state.threshold,
      );
      expect(counts).to.deep.equal(expected.get(Number(contestId)));
      await finalizeContest(f.outsider, f.addresses.tally, contestId, counts, present);
      const recorded = await readResult(f.publicClient, f.addresses.tally, contestId);
      expect(recorded.finalized).to.equal(true);
      expect(recorded.counts).to.deep.equal(expected.get(Number(contestId)));
    }
  });
});
