import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { recoverTypedDataAddress, type Hex } from "viem";
import { encodePoint, GENERATOR } from "../../../src/crypto";
import {
  ballotDigest,
  ballotTypedData,
  castBallot,
  castBallots,
  decryptContest,
  eligibilityProof,
  finalizeContest,
  flattenCiphertexts,
  openBallot,
  prepareBallot,
  publishSpoiledBallot,
  signBallot,
  type PreparedBallot,
} from "../../../src/election";
import {
  readElectionRecord,
  recoverSigner,
  verifyElection,
  type ElectionRecord,
  type VerificationReport,
} from "../../../src/verify";
import {
  closePolls,
  deployElection,
  openPolls,
  type ElectionFixture,
} from "../../contracts/election/fixture";

/** Runs a small election: single casts, a batch, a re-vote, a spoiled ballot, a 2-of-3 tally. */
async function runElection(): Promise<ElectionFixture & { revoter: Hex; single: Hex }> {
  const f = await deployElection();
  await openPolls(f);
  const last = new Map<number, { prepared: PreparedBallot; receipt: Hex }>();
  const sign = async (voterIndex: number, selections: number[][]) => {
    const voter = f.voters[voterIndex];
    const previous = last.get(voterIndex);
    const prepared = prepareBallot(
      f.state,
      voter.account.address,
      voter.constituency,
      selections,
      previous?.receipt,
    );
    const signed = await signBallot(f.state, prepared, voter.account);
    const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
    last.set(voterIndex, { prepared, receipt: signed.receipt });
    return {
      signed,
      eligibilityProof: eligibilityProof(roll, voter.account.address),
      superseded: previous ? flattenCiphertexts(previous.prepared.ballot.contests) : [],
    };
  };
  const single = async (voterIndex: number, selections: number[][]) => {
    const s = await sign(voterIndex, selections);
    return castBallot(f.gateway, f.addresses.election, s.signed, s.eligibilityProof, s.superseded);
  };
  await single(0, [
    [1, 0, 0],
    [0, 0, 1, 0],
  ]);
  const kept = await single(1, [
    [0, 1, 0],
    [0, 0, 0, 0],
  ]);
  await single(3, [
    [0, 0, 1],
    [1, 0],
  ]);
  const batch = [
    await sign(4, [
      [1, 0, 0],
      [0, 1],
    ]),
    await sign(5, [
      [0, 1, 0],
      [1, 0],
    ]),
  ];
  await castBallots(f.gateway, f.addresses.election, 1n, batch);
  const revote = await single(0, [
    [0, 0, 1],
    [1, 0, 0, 0],
  ]);
  // Voter 2 challenges a prepared ballot: it is opened and published as spoiled, never cast.
  const challenged = prepareBallot(f.state, f.voters[2].account.address, 0, [
    [1, 0, 0],
    [1, 0, 0, 0],
  ]);
  await publishSpoiledBallot(f.gateway, f.addresses.election, openBallot(challenged));

  await closePolls(f);
  const present = [1, 3];
  for (const contestId of [0n, 1n, 2n]) {
    for (const t of present) {
      await f.trustees[t - 1].postDecryptionShares(
        f.trusteeClients[t - 1],
        f.addresses,
        contestId,
        f.shares[t - 1],
      );
    }
    const counts = await decryptContest(f.publicClient, f.addresses, contestId, present, 2);
    await finalizeContest(f.outsider, f.addresses.tally, contestId, counts, present);
  }
  return { ...f, revoter: revote.receipt, single: kept.receipt };
}

function failedSteps(report: VerificationReport): string[] {
  return report.checks.filter((c) => !c.ok).map((c) => c.step);
}

function expectFailure(report: VerificationReport, ...steps: string[]): void {
  expect(report.verdict).to.equal("failed");
  const failed = failedSteps(report);
  for (const step of steps) expect(failed, JSON.stringify(report.checks, null, 1)).to.include(step);
}

describe("independent verifier (src/verify)", function () {
  let record: ElectionRecord;
  let revoter: Hex;
  let single: Hex;
  const doctor = (mutate: (copy: ElectionRecord) => void): VerificationReport => {
    const copy = structuredClone(record);
    mutate(copy);
    return verifyElection(copy);
  };
  const ballotIndex = (r: ElectionRecord, receipt: Hex) =>
    r.ballots.findIndex((b) => b.receipt === receipt);

  before(async () => {
    const f = await loadFixture(runElection);
    revoter = f.revoter;
    single = f.single;
    record = await readElectionRecord(f.publicClient, f.addresses);
  });

  it("reads the whole record from the chain", () => {
    expect(record.ballots).to.have.length(6);
    expect(record.ballots.every((b) => b.submission !== undefined)).to.equal(true);
    expect(record.ballots.filter((b) => b.submission?.via === "castBallots")).to.have.length(2);
    expect(record.spoiled).to.have.length(1);
    expect(record.spoiled[0].contests).to.have.length(2);
    expect(record.ceremony.commitments).to.have.length(3);
    expect(record.ceremony.shares).to.have.length(6);
    expect(record.decryptions).to.have.length(6);
    expect(record.finalizations).to.have.length(3);
    expect(record.totals.map((t) => t.length)).to.deep.equal([3, 4, 2]);
  });

  it("recovers the same signer as viem's recoverTypedDataAddress (§12.3)", async () => {
    for (const b of record.ballots) {
      const { ballot, signature } = b.submission!;
      const typedData = ballotTypedData(record.chainId, record.addresses.election, ballot);
      const viaViem = await recoverTypedDataAddress({ ...typedData, signature });
      const digest = ballotDigest(record.chainId, record.addresses.election, ballot);
      expect(recoverSigner(digest, signature)).to.equal(viaViem);
      expect(viaViem.toLowerCase()).to.equal(b.credential.toLowerCase());
    }
  });

  it("verifies an honest election, batched and one by one, with every step ok", () => {
    for (const oneByOne of [false, true]) {
      const report = verifyElection(record, { oneByOne });
      expect(failedSteps(report), JSON.stringify(report.checks, null, 1)).to.deep.equal([]);
      expect(report.verdict).to.equal("verified");
      expect(report.checks.map((c) => c.step)).to.include.members([
        "§5.4.2",
        "§6.5",
        "§6.6",
        "§6.4",
        "§10.3",
        "§12.2",
        "§12.3",
        "§12.4",
        "§12.5",
        "§12.6.4",
        "§12.7",
        "§5.2/§5.3/§8",
        "§4.3",
        "§5.5",
        "§7.3/§14.2",
        "§14.3",
      ]);
    }
  });

  it("fails at §7.3/§14.2 when a final count is changed", () => {
    const report = doctor((r) => {
      r.finalizations[0].counts[0] += 1n;
    });
    expectFailure(report, "§7.3/§14.2");
    expect(failedSteps(report)).to.deep.equal(["§7.3/§14.2"]);
  });

  it("fails at §4.3 when a ballot is dropped from the record", () => {
    const report = doctor((r) => {
      r.ballots.splice(ballotIndex(r, single), 1);
    });
    expectFailure(report, "§4.3");
    expect(failedSteps(report)[0]).to.equal("§4.3");
  });

  it("fails at §12.6.4 and §12.3 when a ballot is counted for the wrong constituency", () => {
    const report = doctor((r) => {
      const b = r.ballots[ballotIndex(r, single)];
      b.constituency = 1n;
      b.submission!.ballot.constituency = 1n;
    });
    expectFailure(report, "§12.6.4", "§12.3");
  });

  it("fails at §5.5 when a decryption share is forged", () => {
    const report = doctor((r) => {
      r.decryptions[0].partials[0] = encodePoint(GENERATOR.multiply(12345n));
    });
    expectFailure(report, "§5.5");
    expect(failedSteps(report)[0]).to.equal("§5.5");
  });

  it("fails at §4.3 when a superseded ballot is counted instead of its replacement", () => {
    const report = doctor((r) => {
      r.ballots.splice(ballotIndex(r, revoter), 1);
    });
    expectFailure(report, "§4.3");
  });

  it("fails at §5.4.2 and §6.6 when a ceremony commitment is swapped", () => {
    const report = doctor((r) => {
      const t1 = r.ceremony.commitments.find((c) => c.trustee === 1)!;
      t1.commitments[1] = encodePoint(GENERATOR.multiply(777n));
    });
    expectFailure(report, "§5.4.2", "§6.6");
  });

  it("fails at §12.1 for a ballot whose calldata could not be decoded, without crashing", () => {
    const report = doctor((r) => {
      r.ballots[0].submission = undefined;
      r.ballots[0].decodeError = "cast through another contract";
    });
    expectFailure(report, "§12.1");
  });

  it("fails at §12.7 when a cast ballot's ciphertexts were also spoiled", () => {
    const report = doctor((r) => {
      r.spoiled[0].ciphertextsHash = r.ballots[ballotIndex(r, single)].ciphertextsHash;
    });
    expectFailure(report, "§12.7");
  });

  it("fails at §12.5 when a re-vote's resupplied ciphertexts are not the previous ballot's", () => {
    const report = doctor((r) => {
      const b = r.ballots[ballotIndex(r, revoter)];
      b.submission!.superseded.reverse();
    });
    expectFailure(report, "§12.5");
  });
});
