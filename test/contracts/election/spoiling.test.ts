/**
 * §12.7 Benaloh challenge: a prepared ballot is opened (every nonce and selection revealed),
 * checked on a second device, and published by a gateway as spoiled. The election checks the
 * opening, never counts the ballot and rejects any later attempt to cast the same ciphertexts.
 */
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { getAddress, keccak256, parseEventLogs, stringToHex } from "viem";
import { electionKey, encodePoint, GENERATOR, GROUP_ORDER } from "../../../src/crypto";
import {
  castBallot,
  checkOpening,
  electionAbi,
  flattenCiphertexts,
  openBallot,
  prepareBallot,
  publishSpoiledBallot,
  signBallot,
  transact,
  type BallotOpening,
  type Clients,
  sealedKey,
} from "../../../src/election";
import {
  castFor,
  expectRejected,
  homomorphicTotals,
  prepareFor,
  proofFor,
  readAllTotals,
  readRecord,
  readSpoiled,
  sendBallot,
  UINT256_MAX,
} from "./ballot-helpers";
import { deployElection, openPolls, type ElectionFixture } from "./fixture";

const GATEWAY_ROLE = keccak256(stringToHex("GATEWAY_ROLE"));
const r = GROUP_ORDER;

async function election(): Promise<ElectionFixture> {
  return deployElection();
}
/** Polls open and voter 5 (constituency 1) has voted, so totals are not empty. */
async function openElection(): Promise<ElectionFixture> {
  const f = await deployElection();
  await openPolls(f);
  await castFor(f, f.voters[5]);
  return f;
}
async function electionWithoutKey(): Promise<ElectionFixture> {
  return deployElection({ ceremony: "none" });
}

/** Voter 0's (constituency 0) choices: contest 0 = candidate 1, contest 1 = candidate 3. */
const CHOICES = [
  [0, 1, 0],
  [0, 0, 0, 1],
];

function publish(f: ElectionFixture, opening: BallotOpening, caller: Clients = f.gateway) {
  return publishSpoiledBallot(caller, f.addresses.election, opening);
}

/** The opening with `flat`-th nonce or selection replaced. */
function tamperOpening(
  opening: BallotOpening,
  change: { nonce?: [number, bigint]; selection?: [number, bigint] },
): BallotOpening {
  const nonces = [...opening.nonces];
  const selections = [...opening.selections];
  if (change.nonce) nonces[change.nonce[0]] = change.nonce[1];
  if (change.selection) selections[change.selection[0]] = change.selection[1];
  return { ...opening, nonces, selections };
}

describe("Election.publishSpoiledBallot (§12.7 Benaloh challenge)", () => {
  it("publishes an opened ballot: BallotSpoiled with nonces and selections, isSpoiled, not counted", async () => {
    const f = await loadFixture(openElection);
    const voter = f.voters[0];
    const prepared = prepareFor(f, voter, CHOICES);
    const opening = openBallot(prepared);
    expect(opening.nonces).to.have.length(7);
    expect(opening.selections).to.deep.equal([0n, 1n, 0n, 0n, 0n, 0n, 1n]);
    // The second device checks the opening and reads back the choices.
    expect(checkOpening(sealedKey(f.state), opening)).to.deep.equal(CHOICES);

    const totalsBefore = await readAllTotals(f);
    expect(await readSpoiled(f, prepared.ciphertextsHash)).to.equal(false);
    const receipt = await transact(f.gateway, {
      address: f.addresses.election,
      abi: electionAbi,
      functionName: "publishSpoiledBallot",
      args: [opening.constituency, opening.contests, opening.nonces, opening.selections],
    });
    const events = parseEventLogs({
      abi: electionAbi,
      logs: receipt.logs,
      eventName: "BallotSpoiled",
    });
    expect(events).to.have.length(1);
    expect(events[0].args).to.deep.equal({
      constituency: 0n,
      ciphertextsHash: prepared.ciphertextsHash,
      nonces: opening.nonces,
      selections: opening.selections,
    });
    expect(
      parseEventLogs({ abi: electionAbi, logs: receipt.logs, eventName: "BallotCast" }),
    ).to.have.length(0);
    expect(await readSpoiled(f, prepared.ciphertextsHash)).to.equal(true);
    // Not counted, no record for the credential.
    expect(await readAllTotals(f)).to.deep.equal(totalsBefore);
    expect(await readRecord(f, voter.account.address)).to.equal(`0x${"00".repeat(32)}`);
  });

  it("rejects casting the spoiled ballot (ElectionBallotSpoiled), also as a re-vote; a fresh ballot is fine", async () => {
    const f = await loadFixture(openElection);
    const voter = f.voters[0];
    const prepared = prepareFor(f, voter, CHOICES);
    await publish(f, openBallot(prepared));
    const signed = await signBallot(f.state, prepared, voter.account);
    await expectRejected(
      f,
      () => sendBallot(f, signed, proofFor(f, voter)),
      "ElectionBallotSpoiled",
      [prepared.ciphertextsHash],
      { hashes: [prepared.ciphertextsHash] },
    );

    // The voter casts a fresh encryption of the same choices, then a device tries to re-vote
    // with the spoiled ciphertexts (previousReceipt right, so §12.6.6 is what rejects it).
    const fresh = await castFor(f, voter, CHOICES);
    expect(fresh.prepared.ciphertextsHash).to.not.equal(prepared.ciphertextsHash);
    const respoiled = await signBallot(
      f.state,
      {
        ...prepared,
        ballot: { ...prepared.ballot, previousReceipt: fresh.signed.receipt },
      },
      voter.account,
    );
    await expectRejected(
      f,
      () =>
        sendBallot(
          f,
          respoiled,
          proofFor(f, voter),
          flattenCiphertexts(fresh.prepared.ballot.contests),
        ),
      "ElectionBallotSpoiled",
      [prepared.ciphertextsHash],
      { hashes: [prepared.ciphertextsHash] },
    );
  });

  it("spoiled ballots are not in the totals: only the cast ones add up", async () => {
    const f = await loadFixture(election);
    await openPolls(f);
    const spoiled = [
      prepareFor(f, f.voters[0], CHOICES),
      prepareFor(f, f.voters[3]),
      prepareFor(f, f.voters[1]),
    ];
    const cast = [];
    for (const [i, prepared] of spoiled.entries()) {
      await publish(f, openBallot(prepared));
      cast.push((await castFor(f, f.voters[[0, 3, 4][i]])).prepared.ballot);
      expect(await readAllTotals(f)).to.deep.equal(homomorphicTotals(f, cast));
    }
    for (const prepared of spoiled) {
      expect(await readSpoiled(f, prepared.ciphertextsHash)).to.equal(true);
    }
  });

  describe("a wrong opening (ElectionOpeningInvalid(contestId, option)), nothing changed", () => {
    // Flat order for constituency 0: contest 0 options 0–2 are 0–2, contest 1 options 0–3 are 3–6.
    const cases: Array<{
      name: string;
      change: Parameters<typeof tamperOpening>[1];
      contest: bigint;
      option: bigint;
    }> = [
      {
        name: "nonce + 1 (contest 1 option 1)",
        change: { nonce: [4, -1n] },
        contest: 1n,
        option: 1n,
      },
      { name: "nonce 0 (contest 0 option 2)", change: { nonce: [2, 0n] }, contest: 0n, option: 2n },
      { name: "selection flipped 1 → 0", change: { selection: [1, 0n] }, contest: 0n, option: 1n },
      { name: "selection flipped 0 → 1", change: { selection: [5, 1n] }, contest: 1n, option: 2n },
      { name: "selection 2", change: { selection: [0, 2n] }, contest: 0n, option: 0n },
      { name: "selection 2 on a 1", change: { selection: [6, 2n] }, contest: 1n, option: 3n },
      {
        name: "selection 2²⁵⁶ − 1",
        change: { selection: [3, UINT256_MAX] },
        contest: 1n,
        option: 0n,
      },
    ];

    it(`rejects each of ${cases.length} tampered openings, naming the contest and option`, async () => {
      const f = await loadFixture(openElection);
      const prepared = prepareFor(f, f.voters[0], CHOICES);
      const opening = openBallot(prepared);
      for (const t of cases) {
        const change = { ...t.change };
        if (change.nonce && change.nonce[1] === -1n) {
          change.nonce = [change.nonce[0], (opening.nonces[change.nonce[0]] + 1n) % r];
        }
        const tampered = tamperOpening(opening, change);
        // The TypeScript check on a second device rejects it too (a zero nonce makes it throw
        // noble's "invalid scalar" instead of naming the option: reported, see ballot.test.ts).
        expect(() => checkOpening(sealedKey(f.state), tampered), t.name).to.throw(
          change.nonce?.[1] === 0n ? "" : `contest ${t.contest} option ${t.option}`,
        );
        await expectRejected(
          f,
          () => publish(f, tampered),
          "ElectionOpeningInvalid",
          [t.contest, t.option],
          { hashes: [prepared.ciphertextsHash] },
        );
      }
      // Nonces swapped between two options of contest 1.
      const swapped = tamperOpening(opening, {
        nonce: [3, opening.nonces[4]],
      });
      swapped.nonces[4] = opening.nonces[3];
      await expectRejected(f, () => publish(f, swapped), "ElectionOpeningInvalid", [1n, 0n], {
        hashes: [prepared.ciphertextsHash],
      });
      // The genuine opening still goes through afterwards.
      await publish(f, opening);
      expect(await readSpoiled(f, prepared.ciphertextsHash)).to.equal(true);
    });

    it("rejects an opening of another ballot's ciphertexts (someone else's nonces)", async () => {
      const f = await loadFixture(openElection);
      const mine = openBallot(prepareFor(f, f.voters[0], CHOICES));
      const theirs = openBallot(prepareFor(f, f.voters[1], CHOICES));
      await expectRejected(
        f,
        () => publish(f, { ...mine, nonces: theirs.nonces }),
        "ElectionOpeningInvalid",
        [0n, 0n],
      );
    });

    it("rejects a nonce ≥ r (BN254ScalarOutOfRange), not reduced silently", async () => {
      const f = await loadFixture(openElection);
      const prepared = prepareFor(f, f.voters[0], CHOICES);
      const opening = openBallot(prepared);
      const aliased = opening.nonces[1] + r; // the same nonce mod r
      await expectRejected(
        f,
        () => publish(f, tamperOpening(opening, { nonce: [1, aliased] })),
        "BN254ScalarOutOfRange",
        [aliased],
        { hashes: [prepared.ciphertextsHash] },
      );
    });

    it("rejects too few or too many nonces or selections (ElectionBallotShapeInvalid)", async () => {
      const f = await loadFixture(openElection);
      const opening = openBallot(prepareFor(f, f.voters[0], CHOICES));
      const cases: Array<[BallotOpening, bigint]> = [
        [{ ...opening, nonces: opening.nonces.slice(1) }, 6n],
        [{ ...opening, nonces: [...opening.nonces, 1n] }, 8n],
        [{ ...opening, selections: opening.selections.slice(1) }, 7n],
      ];
      for (const [bad, given] of cases) {
        await expectRejected(f, () => publish(f, bad), "ElectionBallotShapeInvalid", [
          UINT256_MAX,
          7n,
          given,
        ]);
      }
    });

    it("rejects a ballot of the wrong shape for its constituency or an unknown constituency", async () => {
      const f = await loadFixture(openElection);
      const opening = openBallot(prepareFor(f, f.voters[0], CHOICES));
      // Constituency 1 expects contests 0 and 2.
      await expectRejected(
        f,
        () => publish(f, { ...opening, constituency: 1n }),
        "ElectionContestMismatch",
        [1n, 1n, 1n],
      );
      await expectRejected(
        f,
        () => publish(f, { ...opening, constituency: 2n }),
        "ElectionUnknownConstituency",
        [2n],
      );
    });
  });

  it("rejects a caller without the gateway role (AccessControlUnauthorizedAccount)", async () => {
    const f = await loadFixture(openElection);
    const prepared = prepareFor(f, f.voters[0], CHOICES);
    for (const caller of [f.outsider, f.commission, f.registrar]) {
      await expectRejected(
        f,
        () => publish(f, openBallot(prepared), caller),
        "AccessControlUnauthorizedAccount",
        [getAddress(caller.walletClient.account.address), GATEWAY_ROLE],
        { hashes: [prepared.ciphertextsHash] },
      );
    }
  });

  it("rejects publishing outside the polling window (ElectionPollingClosed)", async () => {
    const f = await loadFixture(election);
    const prepared = prepareFor(f, f.voters[0], CHOICES);
    for (const at of [f.config.pollingStart - 1n, f.config.pollingEnd]) {
      await time.setNextBlockTimestamp(at);
      await expectRejected(
        f,
        () => publish(f, openBallot(prepared)),
        "ElectionPollingClosed",
        [at, f.config.pollingStart, f.config.pollingEnd],
        { hashes: [prepared.ciphertextsHash] },
      );
    }
  });

  it("rejects publishing while the election key is not sealed (ElectionKeyNotSealed)", async () => {
    const f = await loadFixture(electionWithoutKey);
    await openPolls(f);
    const context = { ...f.state, key: electionKey(encodePoint(GENERATOR.multiply(7n))) };
    const prepared = prepareBallot(context, f.voters[0].account.address, 0, CHOICES);
    await expectRejected(f, () => publish(f, openBallot(prepared)), "ElectionKeyNotSealed", []);
  });

  // §2.2: every received point is validated, so identity ciphertexts never "open" with nonce 0.
  it("rejects identity ciphertexts opened with nonce 0 (BN254PointAtInfinity)", async () => {
    const f = await loadFixture(openElection);
    const opening = openBallot(prepareFor(f, f.voters[0], CHOICES));
    const contests = structuredClone(opening.contests);
    for (const c of contests) {
      for (const ct of c.ciphertexts) {
        ct.alpha = { x: 0n, y: 0n };
        ct.beta = { x: 0n, y: 0n };
      }
    }
    const identity: BallotOpening = {
      ...opening,
      contests,
      nonces: opening.nonces.map(() => 0n),
      selections: opening.selections.map(() => 0n),
    };
    await expectRejected(f, () => publish(f, identity), "BN254PointAtInfinity", []);
  });

  it("rejects the spoiled ciphertexts re-signed by another credential (spoiled is checked before proofs)", async () => {
    // A spoiled ballot's ciphertexts cannot be smuggled into another credential's ballot either:
    // the proofs bind the voter, and the spoiled flag is checked first (§12.6.6 before §12.6.8).
    const f = await loadFixture(openElection);
    const prepared = prepareFor(f, f.voters[0], CHOICES);
    await publish(f, openBallot(prepared));
    const thief = f.voters[1];
    const ballot = { ...structuredClone(prepared.ballot), credential: thief.account.address };
    const stolen = await signBallot(f.state, { ...prepared, ballot }, thief.account);
    await expectRejected(
      f,
      () => castBallot(f.gateway, f.addresses.election, stolen, proofFor(f, thief)),
      "ElectionBallotSpoiled",
      [prepared.ciphertextsHash],
    );
  });
});
