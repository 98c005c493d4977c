/**
 * Property: random elections (random constituencies, contests, candidates, voters and re-votes,
 * one trustee absent at decryption) end with on-chain results equal to the plaintext reference
 * model, and after every ballot the chain's record and encrypted totals equal what the model's
 * last-vote-counts rule says they must be.
 */
import { expect } from "chai";
import fc from "fast-check";
import { type Hex } from "viem";
import {
  addCiphertexts,
  decodeCiphertext,
  pointsEqual,
  type DecodedCiphertext,
} from "../../../src/crypto";
import {
  ballotRecord,
  castBallot,
  decryptContest,
  electionAbi,
  eligibilityProof,
  finalizeContest,
  flattenCiphertexts,
  prepareBallot,
  readResult,
  readTotals,
  signBallot,
  ZERO_HASH,
  type ContestConfig,
  type PreparedBallot,
} from "../../../src/election";
import { ElectionModel } from "../../../src/election/model";
import { closePolls, deployElection, openPolls } from "./fixture";

const RUNS = Number(process.env.ELECTION_PROPERTY_RUNS ?? 50);

const contestArbitrary = fc.integer({ min: 2, max: 5 }).chain((options) =>
  fc
    .constantFrom<[number, number]>([1, 1], [0, 1], [0, Math.min(2, options)])
    .map(([minSelections, maxSelections]): ContestConfig => ({
      options,
      minSelections,
      maxSelections,
    })),
);

const electionArbitrary = fc
  .record({
    contests: fc.array(contestArbitrary, { minLength: 1, maxLength: 3 }),
    constituencies: fc.integer({ min: 1, max: 3 }),
    trustees: fc.integer({ min: 2, max: 4 }),
    votersPerConstituency: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer(),
  })
  .chain((e) =>
    fc.record({
      election: fc.constant(e),
      threshold: fc.integer({ min: 1, max: e.trustees - 1 }),
      absent: fc.integer({ min: 1, max: e.trustees }),
      // Each constituency's ballot: a non-empty subset of the contests.
      constituencyContests: fc.array(fc.subarray([...e.contests.keys()], { minLength: 1 }), {
        minLength: e.constituencies,
        maxLength: e.constituencies,
      }),
      // Votes in order: voter slot and a random choice per option (clamped to the rule below).
      votes: fc.array(
        fc.record({
          voter: fc.nat(),
          choice: fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }),
        }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
    }),
  );

/** Turns random bits into selections that satisfy the contest's rule. */
function selectionsFor(contest: ContestConfig, bits: boolean[]): number[] {
  const chosen: number[] = bits.slice(0, contest.options).map((b) => (b ? 1 : 0));
  let count = chosen.reduce((a, b) => a + b, 0);
  for (let i = 0; i < chosen.length && count > contest.maxSelections; i++) {
    if (chosen[i]) {
      chosen[i] = 0;
      count--;
    }
  }
  for (let i = 0; i < chosen.length && count < contest.minSelections; i++) {
    if (!chosen[i]) {
      chosen[i] = 1;
      count++;
    }
  }
  return chosen;
}

describe("election properties", () => {
  it(`${RUNS} random elections end with on-chain results equal to the plaintext model`, async () => {
    await fc.assert(
      fc.asyncProperty(electionArbitrary, async (spec) => {
        const { election } = spec;
        const constituencyContests = spec.constituencyContests.map((ids) =>
          [...ids].sort((a, b) => a - b).map(BigInt),
        );
        const f = await deployElection({
          contests: election.contests,
          constituencyContests,
          trustees: election.trustees,
          threshold: spec.threshold,
          votersPerConstituency: election.votersPerConstituency,
        });
        const model = new ElectionModel({
          pollingStart: Number(f.config.pollingStart),
          pollingEnd: Number(f.config.pollingEnd),
          contests: election.contests,
          constituencyContests: constituencyContests.map((ids) => ids.map(Number)),
          trustees: election.trustees,
          threshold: spec.threshold,
        });
        for (const roll of f.rolls) {
          const credentials = f.voters
            .filter((v) => v.constituency === roll.constituency)
            .map((v) => v.account.address);
          expect(
            model.setRoll(roll.constituency, credentials, Number(f.config.pollingStart) - 1),
          ).to.equal(undefined);
        }
        model.sealKey();
        await openPolls(f);
        const latest = new Map<string, PreparedBallot>();
        for (const vote of spec.votes) {
          const voter = f.voters[vote.voter % f.voters.length];
          const address = voter.account.address;
          const contestIds = constituencyContests[voter.constituency];
          const selections = contestIds.map((id) =>
            selectionsFor(election.contests[Number(id)], vote.choice),
          );
          const previousReceipt = (model.lastReceipt(address) ?? ZERO_HASH) as Hex;
          const prepared = prepareBallot(
            f.state,
            address,
            voter.constituency,
            selections,
            previousReceipt,
          );
          const signed = await signBallot(f.state, prepared, voter.account);
          const previous = latest.get(address);
          const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
          const result = await castBallot(
            f.gateway,
            f.addresses.election,
            signed,
            eligibilityProof(roll, address),
            previous ? flattenCiphertexts(previous.ballot.contests) : [],
          );
          const now = Number((await f.publicClient.getBlock()).timestamp);
          expect(
            model.castBallot(
              {
                credential: address,
                constituency: voter.constituency,
                previousReceipt,
                receipt: result.receipt,
                selections,
                contestIds: contestIds.map(Number),
                ciphertextsId: signed.ciphertextsHash,
              },
              now,
            ),
          ).to.equal(undefined);
          latest.set(address, prepared);
          // After every ballot: the chain's record is the model's last receipt, and each
          // encrypted total is exactly the sum of the latest ballots' ciphertexts.
          const record = await f.publicClient.readContract({
            address: f.addresses.election,
            abi: electionAbi,
            functionName: "ballotRecord",
            args: [address],
          });
          expect(record).to.equal(
            ballotRecord(
              model.lastReceipt(address) as Hex,
              signed.ciphertextsHash,
              BigInt(voter.constituency),
            ),
          );
          for (const contestId of new Set(contestIds)) {
            const onChain = await readTotals(f.publicClient, f.addresses.election, contestId);
            const parts: DecodedCiphertext[][] = onChain.map(() => []);
            for (const b of latest.values()) {
              const c = b.ballot.contests.find((x) => x.contestId === contestId);
              c?.ciphertexts.forEach((ct, o) => parts[o].push(decodeCiphertext(ct)));
            }
            onChain.forEach((total, o) => {
              const expected = addCiphertexts(parts[o]).wire;
              expect(
                pointsEqual(total.alpha, expected.alpha) && pointsEqual(total.beta, expected.beta),
              ).to.equal(true);
            });
          }
        }
        await closePolls(f);
        const present = Array.from({ length: election.trustees }, (_, i) => i + 1).filter(
          (t) => t !== spec.absent,
        );
        for (const [contestId] of election.contests.entries()) {
          for (const t of present) {
            await f.trustees[t - 1].postDecryptionShares(
              f.trusteeClients[t - 1],
              f.addresses,
              BigInt(contestId),
              f.shares[t - 1],
            );
          }
          const counts = await decryptContest(
            f.publicClient,
            f.addresses,
            BigInt(contestId),
            present,
            spec.threshold,
          );
          expect(counts).to.deep.equal(model.totals(contestId));
          await finalizeContest(f.outsider, f.addresses.tally, BigInt(contestId), counts, present);
          const recorded = await readResult(f.publicClient, f.addresses.tally, BigInt(contestId));
          expect(recorded.counts).to.deep.equal(model.totals(contestId));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
