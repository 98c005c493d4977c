import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import type { Hex } from "viem";
import { addCiphertexts, decodeCiphertext, pointsEqual } from "../../../src/crypto";
import {
  castBallot,
  castBallots,
  ContractRejectedError,
  eligibilityProof,
  flattenCiphertexts,
  prepareBallot,
  readTotals,
  signBallot,
  type BallotSubmissionInput,
  type PreparedBallot,
} from "../../../src/election";
import { deployElection, openPolls, type ElectionFixture } from "./fixture";

async function sign(
  f: ElectionFixture,
  voterIndex: number,
  choice: number,
  previous?: { prepared: PreparedBallot; receipt: Hex },
) {
  const voter = f.voters[voterIndex];
  const selections = f.state.constituencyContests[voter.constituency].map((id) =>
    Array.from({ length: f.state.contests[Number(id)].options }, (_, i) => (i === choice ? 1 : 0)),
  );
  const prepared = prepareBallot(
    f.state,
    voter.account.address,
    voter.constituency,
    selections,
    previous?.receipt,
  );
  const signed = await signBallot(f.state, prepared, voter.account);
  const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
  const submission: BallotSubmissionInput = {
    signed,
    eligibilityProof: eligibilityProof(roll, voter.account.address),
    superseded: previous ? flattenCiphertexts(previous.prepared.ballot.contests) : [],
  };
  return { prepared, signed, submission };
}

async function expectTotals(f: ElectionFixture, ballots: readonly PreparedBallot[]): Promise<void> {
  for (const contestId of [0n, 1n, 2n]) {
    const onChain = await readTotals(f.publicClient, f.addresses.election, contestId);
    onChain.forEach((total, option) => {
      const parts = ballots.flatMap((b) =>
        b.ballot.contests
          .filter((c) => c.contestId === contestId)
          .map((c) => decodeCiphertext(c.ciphertexts[option])),
      );
      const expected = addCiphertexts(parts).wire;
      expect(
        pointsEqual(total.alpha, expected.alpha) && pointsEqual(total.beta, expected.beta),
      ).to.equal(true);
    });
  }
}

async function rejected(promise: Promise<unknown>): Promise<ContractRejectedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ContractRejectedError);
    return error as ContractRejectedError;
  }
  throw new Error("expected the call to be rejected");
}

describe("Election.castBallots (batches of one constituency)", () => {
  async function open(): Promise<ElectionFixture> {
    const f = await deployElection({ votersPerConstituency: 4 });
    await openPolls(f);
    return f;
  }

  it("records every ballot with the same receipts and totals as casting them one by one", async () => {
    const f = await loadFixture(open);
    const a = await sign(f, 0, 0);
    const b = await sign(f, 1, 1);
    const c = await sign(f, 2, 2);
    const results = await castBallots(f.gateway, f.addresses.election, 0n, [
      a.submission,
      b.submission,
      c.submission,
    ]);
    expect(results.map((r) => r.receipt)).to.deep.equal([
      a.signed.receipt,
      b.signed.receipt,
      c.signed.receipt,
    ]);
    await expectTotals(f, [a.prepared, b.prepared, c.prepared]);
    // A single ballot afterwards adds to the totals the batch wrote.
    const d = await sign(f, 3, 1);
    await castBallot(f.gateway, f.addresses.election, d.signed, d.submission.eligibilityProof);
    await expectTotals(f, [a.prepared, b.prepared, c.prepared, d.prepared]);
  });

  it("applies a re-vote inside the same batch: only the last ballot counts", async () => {
    const f = await loadFixture(open);
    const first = await sign(f, 0, 0);
    const second = await sign(f, 0, 2, { prepared: first.prepared, receipt: first.signed.receipt });
    const other = await sign(f, 1, 1);
    const results = await castBallots(f.gateway, f.addresses.election, 0n, [
      first.submission,
      other.submission,
      second.submission,
    ]);
    expect(results[2].supersededReceipt).to.equal(first.signed.receipt);
    await expectTotals(f, [second.prepared, other.prepared]);
  });

  it("rejects the whole batch when one ballot is invalid, naming its error, and changes nothing", async () => {
    const f = await loadFixture(open);
    const good = await sign(f, 0, 0);
    const replayed = await sign(f, 1, 1);
    const error = await rejected(
      castBallots(f.gateway, f.addresses.election, 0n, [
        good.submission,
        replayed.submission,
        replayed.submission,
      ]),
    );
    expect(error.errorName).to.equal("ElectionPreviousBallotMismatch");
    await expectTotals(f, []);
    // The same good ballot is still castable afterwards.
    await castBallots(f.gateway, f.addresses.election, 0n, [good.submission]);
    await expectTotals(f, [good.prepared]);
  });

  it("rejects an empty batch and a ballot of another constituency with ElectionBatchInvalid", async () => {
    const f = await loadFixture(open);
    expect(
      (await rejected(castBallots(f.gateway, f.addresses.election, 0n, []))).errorName,
    ).to.equal("ElectionBatchInvalid");
    const inZero = await sign(f, 0, 0);
    const inOne = await sign(f, 4, 0); // voters 4–7 are in constituency 1
    const error = await rejected(
      castBallots(f.gateway, f.addresses.election, 0n, [inZero.submission, inOne.submission]),
    );
    expect(error.errorName).to.equal("ElectionBatchInvalid");
    expect(error.args).to.deep.equal([1n, 0n]);
    await expectTotals(f, []);
  });

  it("accepts batches from gateways only", async () => {
    const f = await loadFixture(open);
    const a = await sign(f, 0, 0);
    const error = await rejected(castBallots(f.outsider, f.addresses.election, 0n, [a.submission]));
    expect(error.errorName).to.equal("AccessControlUnauthorizedAccount");
  });
});

async function openForMessages(): Promise<ElectionFixture> {
  const f = await deployElection();
  await openPolls(f);
  return f;
}

describe("rejections carry a sentence a person can act on", () => {
  it("names the rule, its section and the arguments in the error message", async () => {
    const f = await loadFixture(openForMessages);
    const a = await sign(f, 0, 0);
    const error = await rejected(castBallots(f.outsider, f.addresses.election, 0n, [a.submission]));
    expect(error.errorName).to.equal("AccessControlUnauthorizedAccount");
    expect(error.message).to.match(/^castBallots rejected: /);
    const replay = await sign(f, 1, 1);
    await castBallots(f.gateway, f.addresses.election, 0n, [replay.submission]);
    const again = await rejected(
      castBallots(f.gateway, f.addresses.election, 0n, [replay.submission]),
    );
    expect(again.errorName).to.equal("ElectionPreviousBallotMismatch");
    expect(again.section).to.match(/^§12/);
    expect(again.message).to.contain(again.section!);
    expect(again.message).to.not.contain("ElectionPreviousBallotMismatch(");
  });
});
