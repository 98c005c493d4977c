/**
 * §12.5 re-voting, last vote counts: a ballot names the credential's last receipt and the gateway
 * resupplies that ballot's ciphertexts; the totals then hold the latest ballots only. Any other
 * previousReceipt or resupplied list is rejected with ElectionPreviousBallotMismatch and changes
 * nothing — in particular an old signed ballot cannot be replayed over a newer one (coercion).
 */
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { keccak256, parseEventLogs, type Hex } from "viem";
import {
  ballotRecord,
  decryptContest,
  electionAbi,
  buildRolls,
  flattenCiphertexts,
  publishRoll,
  signBallot,
  ZERO_HASH,
} from "../../../src/election";
import {
  castFor,
  expectRejected,
  homomorphicTotals,
  prepareFor,
  proofFor,
  readAllTotals,
  readRecord,
  sendBallot,
  type Cast,
} from "./ballot-helpers";
import {
  closePolls,
  deployElection,
  newVoter,
  openPolls,
  type ElectionFixture,
  type VoterFixture,
} from "./fixture";

async function openElection(): Promise<ElectionFixture> {
  const f = await deployElection();
  await openPolls(f);
  return f;
}

/** Voter 0 has cast one ballot; voter 1 (same constituency) has cast one too. */
async function afterFirstBallots() {
  const f = await openElection();
  const first = await castFor(f, f.voters[0], [
    [1, 0, 0],
    [1, 0, 0, 0],
  ]);
  const neighbour = await castFor(f, f.voters[1], [
    [0, 1, 0],
    [0, 0, 0, 1],
  ]);
  return { f, first, neighbour };
}

async function supersededOf(f: ElectionFixture, cast: Cast): Promise<Hex> {
  const receipt = await f.publicClient.getTransactionReceipt({ hash: cast.result.transactionHash });
  const [event] = parseEventLogs({ abi: electionAbi, logs: receipt.logs, eventName: "BallotCast" });
  expect(event.args.receipt).to.equal(cast.signed.receipt);
  expect(event.args.ciphertextsHash).to.equal(cast.prepared.ciphertextsHash);
  return event.args.supersededReceipt;
}

/** Σ of the plaintext selections per contest and option. */
function plaintextCounts(
  f: ElectionFixture,
  ballots: ReadonlyArray<{ constituency: number; selections: number[][] }>,
): number[][] {
  const counts = f.config.contests.map((c) => new Array<number>(c.options).fill(0));
  for (const { constituency, selections } of ballots) {
    f.config.constituencyContests[constituency].forEach((contestId, i) =>
      selections[i].forEach((s, o) => (counts[Number(contestId)][o] += s)),
    );
  }
  return counts;
}

/**
 * A faulty roll: two constituencies with one 3-option contest each (same ballot size), and one
 * credential listed in both rolls. Returns the fixture with those rolls and the credential's two
 * identities (same key, constituency 0 and 1).
 */
async function credentialInTwoRolls() {
  const f = await deployElection({
    roll: "none",
    contests: [
      { options: 3, minSelections: 1, maxSelections: 1 },
      { options: 3, minSelections: 1, maxSelections: 1 },
    ],
    constituencyContests: [[0n], [1n]],
  });
  const dual = newVoter(0);
  const asOne: VoterFixture = { account: dual.account, constituency: 1 };
  const entries = (v: number, extra: VoterFixture) =>
    [...f.voters.filter((x) => x.constituency === v), extra].map((x) => ({
      credential: x.account.address,
      constituency: v,
    }));
  // buildRolls rightly refuses the duplicate in one call; a faulty registrar builds them apart.
  const rolls = [...buildRolls(entries(0, dual), 2), ...buildRolls(entries(1, asOne), 2)];
  for (const roll of rolls) await publishRoll(f.registrar, f.addresses.election, roll);
  await openPolls(f);
  return { f: { ...f, rolls }, asZero: dual, asOne };
}

describe("Election re-voting (§12.5): the last ballot counts", () => {
  it("totals decrypt to the plaintext of the latest ballots only (threshold decryption)", async () => {
    const f = await loadFixture(openElection);
    const [v0, v1, , v3] = f.voters;
    // Voter 0 votes three times, voter 3 twice, voter 1 once.
    let c0 = await castFor(f, v0, [
      [1, 0, 0],
      [1, 0, 0, 0],
    ]);
    const c1 = await castFor(f, v1, [
      [0, 1, 0],
      [0, 0, 0, 0],
    ]);
    let c3 = await castFor(f, v3, [
      [1, 0, 0],
      [1, 0],
    ]);
    c0 = await castFor(
      f,
      v0,
      [
        [0, 1, 0],
        [0, 1, 0, 0],
      ],
      c0,
    );
    c3 = await castFor(
      f,
      v3,
      [
        [0, 0, 1],
        [0, 1],
      ],
      c3,
    );
    const latest0 = [
      [0, 0, 1],
      [0, 0, 0, 1],
    ];
    c0 = await castFor(f, v0, latest0, c0);
    const latest = [c0, c1, c3];
    expect(await readAllTotals(f)).to.deep.equal(
      homomorphicTotals(
        f,
        latest.map((c) => c.prepared.ballot),
      ),
    );
    const expected = plaintextCounts(f, [
      { constituency: 0, selections: latest0 },
      {
        constituency: 0,
        selections: [
          [0, 1, 0],
          [0, 0, 0, 0],
        ],
      },
      {
        constituency: 1,
        selections: [
          [0, 0, 1],
          [0, 1],
        ],
      },
    ]);

    await closePolls(f);
    const present = [1, 2];
    for (const [j] of f.config.contests.entries()) {
      const contestId = BigInt(j);
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
      expect(counts, `contest ${j}`).to.deep.equal(expected[j]);
    }
    // Written out: counting every ballot ever cast would have given [2, 2, 2] in contest 0.
    expect(expected).to.deep.equal([
      [0, 1, 2],
      [0, 0, 0, 1],
      [0, 1],
    ]);
  });

  it("a chain of three re-votes: each BallotCast names the previous receipt, totals follow the latest", async () => {
    const f = await loadFixture(openElection);
    const voter = f.voters[3]; // constituency 1: contests 0 and 2
    const other = await castFor(f, f.voters[4]);
    const choices = [
      [
        [1, 0, 0],
        [1, 0],
      ],
      [
        [0, 1, 0],
        [1, 0],
      ],
      [
        [0, 0, 1],
        [0, 1],
      ],
      [
        [1, 0, 0],
        [0, 1],
      ],
    ];
    let previous: Cast | undefined;
    const receipts: Hex[] = [];
    for (const selections of choices) {
      const cast: Cast = await castFor(f, voter, selections, previous);
      expect(cast.result.supersededReceipt).to.equal(previous?.result.receipt ?? ZERO_HASH);
      expect(await supersededOf(f, cast)).to.equal(previous?.signed.receipt ?? ZERO_HASH);
      expect(cast.prepared.ballot.previousReceipt).to.equal(previous?.signed.receipt ?? ZERO_HASH);
      expect(await readRecord(f, voter.account.address)).to.equal(
        ballotRecord(
          cast.signed.receipt,
          cast.prepared.ciphertextsHash,
          cast.prepared.ballot.constituency,
        ),
      );
      expect(await readAllTotals(f)).to.deep.equal(
        homomorphicTotals(f, [other.prepared.ballot, cast.prepared.ballot]),
      );
      receipts.push(cast.signed.receipt);
      previous = cast;
    }
    expect(new Set(receipts).size).to.equal(4);
  });

  it("a re-vote with the same choices replaces the ciphertexts (fresh nonces), totals unchanged in value", async () => {
    const f = await loadFixture(openElection);
    const voter = f.voters[0];
    const first = await castFor(f, voter);
    const second = await castFor(f, voter, undefined, first);
    expect(second.prepared.ciphertextsHash).to.not.equal(first.prepared.ciphertextsHash);
    expect(await readAllTotals(f)).to.deep.equal(homomorphicTotals(f, [second.prepared.ballot]));
  });

  it("a credential a faulty roll lists in two constituencies counts in one only", async () => {
    const { f, asZero, asOne } = await loadFixture(credentialInTwoRolls);
    const first = await castFor(f, asZero, [[0, 1, 0]]);
    // A re-vote moved to constituency 1: same ballot size, right receipt and ciphertexts, but
    // the record binds constituency 0 (otherwise contest 1's totals would lose contest 0's vote).
    const moved = await signBallot(
      f.state,
      prepareFor(f, asOne, [[1, 0, 0]], first.signed.receipt),
      asOne.account,
    );
    await expectRejected(
      f,
      () =>
        sendBallot(
          f,
          moved,
          proofFor(f, asOne),
          flattenCiphertexts(first.prepared.ballot.contests),
        ),
      "ElectionPreviousBallotMismatch",
      [asOne.account.address, first.signed.receipt],
      { credentials: [asZero.account.address] },
    );
    // A second "first" ballot in constituency 1.
    const second = await signBallot(f.state, prepareFor(f, asOne, [[1, 0, 0]]), asOne.account);
    await expectRejected(
      f,
      () => sendBallot(f, second, proofFor(f, asOne)),
      "ElectionPreviousBallotMismatch",
      [asOne.account.address, ZERO_HASH],
      { credentials: [asZero.account.address] },
    );
    // Re-voting in its first constituency still works.
    await castFor(f, asZero, [[0, 0, 1]], first);
  });

  describe("mismatched previous ballot (ElectionPreviousBallotMismatch), nothing changed", () => {
    it("rejects a wrong previousReceipt", async () => {
      const { f, first, neighbour } = await loadFixture(afterFirstBallots);
      const voter = f.voters[0];
      const resupplied = flattenCiphertexts(first.prepared.ballot.contests);
      for (const wrong of [keccak256("0xdead"), neighbour.signed.receipt, first.signed.digest]) {
        const signed = await signBallot(
          f.state,
          prepareFor(f, voter, undefined, wrong),
          voter.account,
        );
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter), resupplied),
          "ElectionPreviousBallotMismatch",
          [voter.account.address, wrong],
        );
      }
    });

    it("rejects a zero previousReceipt on a second ballot (with or without resupplied ciphertexts)", async () => {
      const { f, first } = await loadFixture(afterFirstBallots);
      const voter = f.voters[0];
      const signed = await signBallot(f.state, prepareFor(f, voter), voter.account);
      for (const resupplied of [[], flattenCiphertexts(first.prepared.ballot.contests)]) {
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter), resupplied),
          "ElectionPreviousBallotMismatch",
          [voter.account.address, ZERO_HASH],
        );
      }
    });

    it("rejects resupplied ciphertexts of a different ballot (a neighbour's, an uncast one, reordered)", async () => {
      const { f, first, neighbour } = await loadFixture(afterFirstBallots);
      const voter = f.voters[0];
      const signed = await signBallot(
        f.state,
        prepareFor(f, voter, undefined, first.signed.receipt),
        voter.account,
      );
      const own = flattenCiphertexts(first.prepared.ballot.contests);
      const uncast = flattenCiphertexts(prepareFor(f, voter).ballot.contests);
      const reordered = [own[1], own[0], ...own.slice(2)];
      for (const resupplied of [
        flattenCiphertexts(neighbour.prepared.ballot.contests),
        uncast,
        reordered,
        [],
      ]) {
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter), resupplied),
          "ElectionPreviousBallotMismatch",
          [voter.account.address, first.signed.receipt],
        );
      }
      // The right list is accepted.
      await sendBallot(f, signed, proofFor(f, voter), own);
    });

    it("rejects a truncated or extended resupplied list", async () => {
      const { f, first } = await loadFixture(afterFirstBallots);
      const voter = f.voters[0];
      const signed = await signBallot(
        f.state,
        prepareFor(f, voter, undefined, first.signed.receipt),
        voter.account,
      );
      const own = flattenCiphertexts(first.prepared.ballot.contests);
      expect(own).to.have.length(7);
      for (const resupplied of [own.slice(0, 6), own.slice(1), [...own, own[0]]]) {
        await expectRejected(
          f,
          () => sendBallot(f, signed, proofFor(f, voter), resupplied),
          "ElectionPreviousBallotMismatch",
          [voter.account.address, first.signed.receipt],
        );
      }
    });

    it("rejects resupplied ciphertexts or a previousReceipt on a credential's first ballot", async () => {
      const { f, first } = await loadFixture(afterFirstBallots);
      const newcomer = f.voters[2]; // constituency 0, has not voted yet
      const others = flattenCiphertexts(first.prepared.ballot.contests);
      const plain = await signBallot(f.state, prepareFor(f, newcomer), newcomer.account);
      await expectRejected(
        f,
        () => sendBallot(f, plain, proofFor(f, newcomer), others),
        "ElectionPreviousBallotMismatch",
        [newcomer.account.address, ZERO_HASH],
      );
      // Claiming voter 0's receipt (and resupplying its ballot) does not help either.
      const claiming = await signBallot(
        f.state,
        prepareFor(f, newcomer, undefined, first.signed.receipt),
        newcomer.account,
      );
      for (const resupplied of [others, []]) {
        await expectRejected(
          f,
          () => sendBallot(f, claiming, proofFor(f, newcomer), resupplied),
          "ElectionPreviousBallotMismatch",
          [newcomer.account.address, first.signed.receipt],
        );
      }
      // A plain first ballot goes through.
      await sendBallot(f, plain, proofFor(f, newcomer));
    });
  });

  describe("the coercion attack: an old signed ballot replayed after a re-vote", () => {
    it("rejects the coerced ballot replayed over the voter's later, private ballot", async () => {
      const { f, first: coerced } = await loadFixture(afterFirstBallots);
      const voter = f.voters[0];
      // Later, alone, the voter re-votes.
      const privateVote = await castFor(
        f,
        voter,
        [
          [0, 0, 1],
          [0, 0, 0, 0],
        ],
        coerced,
      );
      const totals = await readAllTotals(f);
      // The coercer kept the signed coerced ballot and asks a gateway to cast it again.
      for (const resupplied of [
        [],
        flattenCiphertexts(coerced.prepared.ballot.contests),
        flattenCiphertexts(privateVote.prepared.ballot.contests),
      ]) {
        await expectRejected(
          f,
          () => sendBallot(f, coerced.signed, proofFor(f, voter), resupplied),
          "ElectionPreviousBallotMismatch",
          [voter.account.address, ZERO_HASH],
        );
      }
      expect(await readAllTotals(f)).to.deep.equal(totals);
      expect(await readRecord(f, voter.account.address)).to.equal(
        ballotRecord(
          privateVote.signed.receipt,
          privateVote.prepared.ciphertextsHash,
          privateVote.prepared.ballot.constituency,
        ),
      );
    });

    it("rejects any earlier ballot of a chain replayed after a later one", async () => {
      const { f, first } = await loadFixture(afterFirstBallots);
      const voter = f.voters[0];
      const second = await castFor(f, voter, undefined, first);
      const third = await castFor(f, voter, undefined, second);
      // The second ballot again, with the first one's ciphertexts as when it was cast.
      await expectRejected(
        f,
        () =>
          sendBallot(
            f,
            second.signed,
            proofFor(f, voter),
            flattenCiphertexts(first.prepared.ballot.contests),
          ),
        "ElectionPreviousBallotMismatch",
        [voter.account.address, first.signed.receipt],
      );
      // Or with the third's ciphertexts: the receipt it names is still not the last one.
      await expectRejected(
        f,
        () =>
          sendBallot(
            f,
            second.signed,
            proofFor(f, voter),
            flattenCiphertexts(third.prepared.ballot.contests),
          ),
        "ElectionPreviousBallotMismatch",
        [voter.account.address, first.signed.receipt],
      );
      // Nor the last one itself, cast twice.
      await expectRejected(
        f,
        () =>
          sendBallot(
            f,
            third.signed,
            proofFor(f, voter),
            flattenCiphertexts(third.prepared.ballot.contests),
          ),
        "ElectionPreviousBallotMismatch",
        [voter.account.address, second.signed.receipt],
      );
    });
  });
});
