/**
 * Main job (issue 2 stage): the cryptography core end to end on Hardhat's embedded chain.
 * A 3-of-5 trustee ceremony whose proofs the chain checks, voters whose encrypted ballots the
 * chain verifies, and three trustees jointly decrypting the homomorphic tally with proofs.
 *
 *   npm start                      # 40 voters
 *   DEMO_VOTERS=200 npm start      # more voters
 */
import { randomInt } from "node:crypto";
import hre from "hardhat";
import type { Address } from "viem";
import { decodeRevert } from "../src/chain/revert";
import {
  addCiphertexts,
  combineShares,
  createTrustee,
  decideComplaint,
  decodeCiphertext,
  decryptCount,
  decryptPartially,
  decryptShare,
  electionIdFor,
  electionKey,
  encryptContest,
  encryptShare,
  evaluatePolynomial,
  findInvalidProofs,
  jointElectionKey,
  makeComplaint,
  pointsEqual,
  publicShareKey,
  shareIsValid,
  type ContestParameters,
  type EncryptedContest,
  type Hex,
  type Point,
} from "../src/crypto";

const TRUSTEES = 5;
const THRESHOLD = 3;
const DECRYPTING_TRUSTEES = [1, 2, 4]; // trustees 3 and 5 are absent at decryption
const CANDIDATES = ["PTI", "PML-N", "PPP", "MQM-P", "Independent"];
/** Simulated voters' preferences, in percent (they only shape the demo's random choices). */
const PREFERENCE = [38, 27, 19, 10, 6];

function simulatedChoice(): number {
  let ticket = randomInt(100);
  for (const [i, share] of PREFERENCE.entries()) {
    if (ticket < share) return i;
    ticket -= share;
  }
  return PREFERENCE.length - 1;
}

function parseVoterCount(): number {
  const raw = process.env.DEMO_VOTERS ?? "40";
  const voters = Number(raw);
  if (!Number.isSafeInteger(voters) || voters < 1 || voters > 100_000) {
    throw new Error(`DEMO_VOTERS must be an integer from 1 to 100000, got "${raw}"`);
  }
  return voters;
}

function step(text: string): void {
  process.stdout.write(`\n== ${text}\n`);
}

async function main(): Promise<void> {
  const voters = parseVoterCount();
  const publicClient = await hre.viem.getPublicClient();
  const verifier = await hre.viem.deployContract("ProofVerifier");
  const chainId = BigInt(await publicClient.getChainId());
  // Until the election ledger exists, the verifier's address stands in for the election contract.
  const electionId: Hex = electionIdFor(chainId, verifier.address as Address);
  console.log(`ProofVerifier deployed at ${verifier.address} on chain ${chainId}`);
  console.log(`electionId (§3.2) ${electionId}`);

  step(`Key ceremony: ${TRUSTEES} trustees, threshold ${THRESHOLD} (§6)`);
  const params = { electionId, trustees: TRUSTEES, threshold: THRESHOLD };
  const trustees = Array.from({ length: TRUSTEES }, (_, i) => createTrustee(params, i + 1));
  const published = trustees.map((t) => t.published);
  for (const t of published) {
    for (const [j, commitment] of t.commitments.entries()) {
      await verifier.read.verifySchnorrProof([
        electionId,
        BigInt(t.trustee),
        BigInt(j),
        commitment,
        t.proofs[j],
      ]);
    }
  }
  console.log(`${TRUSTEES * THRESHOLD} coefficient commitments: Schnorr proofs verified on-chain`);

  const received: bigint[][] = trustees.map(() => []);
  let exchanged = 0;
  for (const dealer of trustees) {
    for (const recipient of trustees) {
      const l = recipient.secrets.trustee;
      if (dealer === recipient) {
        received[l - 1].push(evaluatePolynomial(dealer.secrets.coefficients, l));
        continue;
      }
      const encrypted = encryptShare(
        electionId,
        dealer.secrets,
        l,
        recipient.published.commitments[0],
      );
      const { value } = decryptShare(electionId, recipient.secrets, encrypted);
      if (!shareIsValid(dealer.published.commitments, l, value)) {
        throw new Error(
          `trustee ${l} received an invalid share from trustee ${dealer.secrets.trustee}`,
        );
      }
      received[l - 1].push(value);
      exchanged++;
    }
  }
  console.log(`${exchanged} encrypted shares exchanged, each checked against Feldman commitments`);

  // A complaint against an honest share is dismissed on-chain; one against a corrupted share is
  // upheld. Neither reveals the complainant's secret.
  const [dealer, recipient] = [trustees[3], trustees[1]];
  const honest = encryptShare(electionId, dealer.secrets, 2, recipient.published.commitments[0]);
  const corrupted = { ...honest, masked: honest.masked ^ 0xffn };
  for (const [label, share] of [
    ["an honest share", honest],
    ["a corrupted share", corrupted],
  ] as const) {
    const complaint = makeComplaint(
      electionId,
      recipient.secrets,
      recipient.published.commitments[0],
      share,
    );
    const upheld = await verifier.read.decideComplaint([
      electionId,
      BigInt(share.dealer),
      BigInt(share.recipient),
      dealer.published.commitments,
      recipient.published.commitments[0],
      share.ephemeral,
      share.masked,
      complaint.sharedPoint,
      complaint.proof,
    ]);
    const local = decideComplaint(
      electionId,
      complaint,
      share,
      dealer.published.commitments,
      recipient.published.commitments[0],
    );
    console.log(
      `complaint about ${label}: on-chain ${upheld ? "upheld" : "dismissed"}, SDK ${local}`,
    );
  }

  const shares = received.map((r) => combineShares(r));
  const key = electionKey(jointElectionKey(published));
  const flatCommitments = published.flatMap((t) => t.commitments);
  const shareKeys: Point[] = [];
  for (let l = 1; l <= TRUSTEES; l++) {
    const onChain = await verifier.read.publicShareKey([
      flatCommitments,
      BigInt(THRESHOLD),
      BigInt(l),
    ]);
    const local = publicShareKey(published, l);
    if (!pointsEqual(onChain, local)) throw new Error(`share key of trustee ${l} differs on-chain`);
    shareKeys.push(local);
  }
  console.log(
    `joint election key K = (${key.point.x.toString(16).slice(0, 16)}…) — no party holds its secret`,
  );

  step(
    `Voting: ${voters} voters, contest "NA-246 Karachi South-I", ${CANDIDATES.length} candidates, exactly one choice`,
  );
  const contest: ContestParameters = {
    contestIndex: 0,
    options: CANDIDATES.length,
    minSelections: 1,
    maxSelections: 1,
  };
  const plaintext = new Array<number>(CANDIDATES.length).fill(0);
  const ballots: EncryptedContest[] = [];
  let encryptMs = 0;
  for (let v = 0; v < voters; v++) {
    const voter = `0x${(0x1000n + BigInt(v)).toString(16).padStart(40, "0")}` as Hex;
    const choice = simulatedChoice();
    const selections = CANDIDATES.map((_, i) => (i === choice ? 1 : 0));
    const start = performance.now();
    const { contest: ballot } = encryptContest({ electionId, voter, key }, contest, selections);
    encryptMs += performance.now() - start;
    await verifier.read.verifyContestBallot([
      electionId,
      0n,
      voter,
      1n,
      1n,
      key.point,
      ballot.ciphertexts,
      ballot.optionProofs,
      ballot.selectionProof,
    ]);
    if (findInvalidProofs({ electionId, voter, key }, contest, ballot).length > 0) {
      throw new Error(`ballot ${v} failed SDK verification`);
    }
    plaintext[choice]++;
    ballots.push(ballot);
    if ((v + 1) % 10 === 0 || v + 1 === voters)
      process.stderr.write(`\r  ballots verified: ${v + 1}/${voters}`);
  }
  process.stderr.write("\n");
  console.log(
    `${voters} ballots encrypted (${(encryptMs / voters).toFixed(1)} ms each) and verified on-chain and in the SDK`,
  );

  // A ballot that encrypts 2 for one candidate: its proof cannot verify, and the chain says why.
  const cheat = structuredClone(ballots[0]);
  cheat.ciphertexts[0] = cheat.ciphertexts[1];
  try {
    await verifier.read.verifyContestBallot([
      electionId,
      0n,
      "0x0000000000000000000000000000000000001000",
      1n,
      1n,
      key.point,
      cheat.ciphertexts,
      cheat.optionProofs,
      cheat.selectionProof,
    ]);
    throw new Error("a tampered ballot was accepted");
  } catch (error) {
    const revert = decodeRevert(verifier.abi, error);
    if (!revert) throw error;
    console.log(
      `tampered ballot rejected on-chain: ${revert.errorName}(${revert.args.join(", ")})`,
    );
  }

  step(`Tally: trustees ${DECRYPTING_TRUSTEES.join(", ")} decrypt the encrypted totals (§7)`);
  const counts: number[] = [];
  for (let option = 0; option < CANDIDATES.length; option++) {
    const aggregate = addCiphertexts(ballots.map((b) => decodeCiphertext(b.ciphertexts[option])));
    const target = { electionId, contestIndex: 0, optionIndex: option, aggregate: aggregate.wire };
    const partials = DECRYPTING_TRUSTEES.map((l) =>
      decryptPartially(target, l, shares[l - 1], shareKeys[l - 1]),
    );
    for (const p of partials) {
      await verifier.read.verifyDecryptionProof([
        electionId,
        0n,
        BigInt(option),
        BigInt(p.trustee),
        shareKeys[p.trustee - 1],
        aggregate.wire,
        p.partial,
        p.proof,
      ]);
    }
    const count = decryptCount(aggregate, partials, voters);
    await verifier.read.checkDecryptedCount([
      aggregate.wire,
      BigInt(TRUSTEES),
      BigInt(THRESHOLD),
      partials.map((p) => BigInt(p.trustee)),
      partials.map((p) => p.partial),
      BigInt(count),
      BigInt(voters),
    ]);
    counts.push(count);
  }

  step("Result");
  const width = Math.max(...CANDIDATES.map((c) => c.length));
  CANDIDATES.forEach((name, i) =>
    console.log(`  ${name.padEnd(width)}  ${String(counts[i]).padStart(6)}`),
  );
  const matches = counts.every((c, i) => c === plaintext[i]);
  console.log(
    `\nVERIFIED: every proof checked on-chain; decrypted totals ${matches ? "equal" : "DIFFER FROM"} the plaintext tally (${voters} ballots)`,
  );
  if (!matches) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
