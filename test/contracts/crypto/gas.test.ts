import { ethers } from "hardhat";
import {
  decryptPartially,
  encryptShare,
  evaluatePolynomial,
  makeComplaint,
  publicShareKey,
  combineShares,
  type Hex,
} from "../../../src/crypto";
import { ELECTION_ID, VOTER, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { deployed, expect, makeCeremony, makeContest, makeOption } from "./fixture";

describe("GasProbe: execution gas of each on-chain check", function () {
  const random = seededRandom("gas probe");
  const { key } = singlePartyKey(random);
  const rows: Array<[string, bigint]> = [];

  after(function () {
    console.log("\n    execution gas (GasProbe, check only):");
    for (const [name, gas] of rows) console.log(`      ${name.padEnd(44)} ${gas}`);
  });

  it("zero-one proof (§5.2.3)", async function () {
    const { probe } = await deployed();
    const { ciphertext, proof } = makeOption(key, ELECTION_ID, 0, VOTER, 3, 1, random);
    const gas = await probe.zeroOne(ELECTION_ID, 0, VOTER, 3, key.point, ciphertext, proof);
    rows.push(["zero-one proof", gas]);
    expect(gas).to.be.lessThan(54_800n);
  });

  for (const [label, min, max, options, selections] of [
    ["selection L=1 (1..1, 2 options)", 1, 1, 2, [0, 1]],
    ["selection L=2 (0..1, 2 options)", 0, 1, 2, [0, 0]],
    ["selection L=3 (0..2, 3 options)", 0, 2, 3, [1, 0, 1]],
    ["selection L=2 (2..3, 4 options, lo ≥ 2)", 2, 3, 4, [1, 1, 0, 1]],
  ] as const) {
    it(`${label} (§5.3.3)`, async function () {
      const { probe } = await deployed();
      const params = { contestIndex: 2, options, minSelections: min, maxSelections: max };
      const { contest, aggregate } = makeContest(
        key,
        ELECTION_ID,
        VOTER,
        params,
        [...selections],
        random,
      );
      const withAggregation = await probe.selection(
        ELECTION_ID,
        2,
        VOTER,
        min,
        max,
        key.point,
        contest.ciphertexts,
        contest.selectionProof,
      );
      const overAggregate = await probe.rangeProof(
        ELECTION_ID,
        2,
        VOTER,
        min,
        max,
        key.point,
        aggregate,
        contest.selectionProof,
      );
      rows.push([`${label}, proof over aggregate`, overAggregate]);
      rows.push([`${label}, with validation + aggregation`, withAggregation]);
      const ballot = await probe.contestBallot(
        ELECTION_ID,
        2,
        VOTER,
        min,
        max,
        key.point,
        contest.ciphertexts,
        contest.optionProofs,
        contest.selectionProof,
      );
      rows.push([`contest ballot, ${label}`, ballot]);
    });
  }

  it("Schnorr, decryption, complaint decision, threshold checks", async function () {
    const { probe } = await deployed();
    const eid: Hex = ELECTION_ID;
    const ceremony = makeCeremony(eid, 3, 2, random);
    const all = ceremony.map((t) => t.published);
    const t1 = all[0];
    rows.push([
      "Schnorr proof (§5.4.2)",
      await probe.schnorr(eid, 1, 1, t1.commitments[1], t1.proofs[1]),
    ]);
    // Decryption proof for trustee 2 over a contest aggregate.
    const params = { contestIndex: 0, options: 2, minSelections: 1, maxSelections: 1 };
    const { aggregate } = makeContest(key, eid, VOTER, params, [1, 0], random);
    const share2 = combineShares(
      ceremony.map((t) => evaluatePolynomial(t.secrets.coefficients, 2)),
    );
    const shareKey2 = publicShareKey(all, 2);
    const pd = decryptPartially(
      { electionId: eid, contestIndex: 0, optionIndex: 1, aggregate },
      2,
      share2,
      shareKey2,
      random,
    );
    rows.push([
      "decryption proof (§5.5.2)",
      await probe.decryption(eid, 0, 1, 2, shareKey2, aggregate, pd.partial, pd.proof),
    ]);
    // Complaint of trustee 2 against a cheating dealer 1 (k = 2 commitments).
    const share = encryptShare(eid, ceremony[0].secrets, 2, all[1].commitments[0], random);
    const bad = { ...share, masked: share.masked ^ 1n };
    const complaint = makeComplaint(eid, ceremony[1].secrets, all[1].commitments[0], bad, random);
    const [gas, upheld] = await probe.complaintDecision(
      eid,
      1,
      2,
      t1.commitments,
      all[1].commitments[0],
      bad.ephemeral,
      bad.masked,
      complaint.sharedPoint,
      complaint.proof,
    );
    expect(upheld).to.equal(true);
    rows.push(["complaint decision (§6.4, k = 2, upheld)", gas]);
    rows.push([
      "Feldman share check (§6.3, k = 2)",
      await probe.verifyShare(
        t1.commitments,
        2,
        evaluatePolynomial(ceremony[0].secrets.coefficients, 2),
      ),
    ]);
    rows.push([
      "public share key (§6.6, n = 3, k = 2)",
      await probe.publicShareKey(
        all.flatMap((t) => t.commitments),
        2,
        2,
      ),
    ]);
    void ethers;
  });
});
