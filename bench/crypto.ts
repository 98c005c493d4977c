/**
 * Cryptography core benchmark: ballot encryption and verification times in the SDK, and the gas
 * of every on-chain check (execution gas of the check alone, measured inside the EVM with
 * gasleft(), plus the whole call's gas from eth_estimateGas for the main one).
 *
 *   npm run bench:crypto
 *   BENCH_RUNS=50 npm run bench:crypto     # more repetitions (default 20)
 */
import hre from "hardhat";
import {
  addCiphertexts,
  allHoldOneByOne,
  combineShares,
  createTrustee,
  decideComplaint,
  decodeCiphertext,
  decryptPartially,
  electionIdFor,
  electionKey,
  encryptContest,
  encryptShare,
  encryptWithNonce,
  evaluatePolynomial,
  findInvalidProofs,
  jointElectionKey,
  makeComplaint,
  proveZeroOne,
  publicShareKey,
  randomScalar,
  zeroOneEquations,
  type ContestParameters,
  type Hex,
} from "../src/crypto";
import { summaryLine, time } from "./measure";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const VOTER: Hex = "0x00000000000000000000000000000000000a11ce";

async function main(): Promise<void> {
  if (!Number.isSafeInteger(RUNS) || RUNS < 1)
    throw new Error("BENCH_RUNS must be a positive integer");
  const probe = await hre.viem.deployContract("GasProbe");
  const verifier = await hre.viem.deployContract("ProofVerifier");
  const publicClient = await hre.viem.getPublicClient();
  const electionId = electionIdFor(BigInt(await publicClient.getChainId()), verifier.address);

  // A real 3-of-5 ceremony provides the key, shares and proofs the checks run on.
  const ceremony = { electionId, trustees: 5, threshold: 3 };
  const trustees = [1, 2, 3, 4, 5].map((i) => createTrustee(ceremony, i));
  const published = trustees.map((t) => t.published);
  const shares = trustees.map((r) =>
    combineShares(
      trustees.map((d) => evaluatePolynomial(d.secrets.coefficients, r.secrets.trustee)),
    ),
  );
  const key = electionKey(jointElectionKey(published));
  const context = { electionId, contestIndex: 0, voter: VOTER };
  const subject = { electionId, voter: VOTER, key };

  console.log(`Shafaf cryptography benchmark (BN254 via @noble/curves, median of ${RUNS} runs)`);
  console.log(`node ${process.version}, ${hre.network.name} network\n`);

  // --- SDK timings -------------------------------------------------------------------------
  const option = () => {
    const nonce = randomScalar();
    const ciphertext = encryptWithNonce(key, 1n, nonce);
    const proof = proveZeroOne({ context, optionIndex: 3, key, ciphertext }, { value: 1, nonce });
    return { ciphertext, proof };
  };
  const makeOption = time(RUNS * 5, option);
  const sample = option();
  const statement = { context, optionIndex: 3, key, ciphertext: sample.ciphertext };
  const verifyOptionOneByOne = time(RUNS * 2, () => {
    if (!allHoldOneByOne(zeroOneEquations(statement, sample.proof))) throw new Error("invalid");
  });

  const twelve: ContestParameters = {
    contestIndex: 0,
    options: 12,
    minSelections: 1,
    maxSelections: 1,
  };
  const selections = Array.from({ length: 12 }, (_, i) => (i === 4 ? 1 : 0));
  const makeBallot = time(RUNS, () => encryptContest(subject, twelve, selections));
  const ballot = encryptContest(subject, twelve, selections).contest;
  const verifyBallotBatched = time(RUNS, () => {
    if (findInvalidProofs(subject, twelve, ballot).length) throw new Error("invalid");
  });
  const verifyBallotOneByOne = time(Math.max(3, RUNS / 2), () => {
    if (findInvalidProofs(subject, twelve, ballot, { oneByOne: true }).length)
      throw new Error("invalid");
  });

  console.log("SDK (one core):");
  console.log(`  encrypt + prove one option           ${makeOption.medianMs.toFixed(2)} ms`);
  console.log(
    `  verify one option proof, one by one  ${verifyOptionOneByOne.medianMs.toFixed(2)} ms`,
  );
  console.log(`  12-option ballot: make               ${makeBallot.medianMs.toFixed(1)} ms`);
  console.log(
    `  12-option ballot: verify (batched)   ${verifyBallotBatched.medianMs.toFixed(1)} ms` +
      ` (${(verifyBallotBatched.medianMs / 12).toFixed(2)} ms per option)`,
  );
  console.log(
    `  12-option ballot: verify one by one  ${verifyBallotOneByOne.medianMs.toFixed(1)} ms`,
  );

  // --- gas -----------------------------------------------------------------------------------
  const gas: Array<[label: string, summaryName: string, value: bigint]> = [];
  gas.push([
    "zero-one proof",
    "gas_zero_one",
    await probe.read.zeroOne([
      electionId,
      0n,
      VOTER,
      3n,
      key.point,
      sample.ciphertext.wire,
      sample.proof,
    ]),
  ]);
  for (const [lo, hi] of [
    [1, 1],
    [0, 1],
  ] as const) {
    const rule: ContestParameters = {
      contestIndex: 0,
      options: 12,
      minSelections: lo,
      maxSelections: hi,
    };
    const b = encryptContest(subject, rule, selections).contest;
    const aggregate = addCiphertexts(b.ciphertexts.map((c) => decodeCiphertext(c)));
    gas.push([
      `selection proof [${lo},${hi}] (${hi - lo + 1} branch${hi > lo ? "es" : ""})`,
      `gas_selection_${hi - lo + 1}_branch`,
      await probe.read.rangeProof([
        electionId,
        0n,
        VOTER,
        BigInt(lo),
        BigInt(hi),
        key.point,
        aggregate.wire,
        b.selectionProof,
      ]),
    ]);
  }
  const contestArgs = [
    electionId,
    0n,
    VOTER,
    1n,
    1n,
    key.point,
    ballot.ciphertexts,
    ballot.optionProofs,
    ballot.selectionProof,
  ] as const;
  gas.push([
    "12-option contest ballot (all proofs)",
    "gas_contest_ballot12",
    await probe.read.contestBallot([...contestArgs]),
  ]);
  const t1 = published[0];
  gas.push([
    "schnorr proof",
    "gas_schnorr",
    await probe.read.schnorr([electionId, 1n, 0n, t1.commitments[0], t1.proofs[0]]),
  ]);
  const aggregate = addCiphertexts(ballot.ciphertexts.slice(4, 5).map((c) => decodeCiphertext(c)));
  const target = { electionId, contestIndex: 0, optionIndex: 0, aggregate: aggregate.wire };
  const shareKey1 = publicShareKey(published, 1);
  const partial = decryptPartially(target, 1, shares[0], shareKey1);
  gas.push([
    "decryption proof",
    "gas_decryption",
    await probe.read.decryption([
      electionId,
      0n,
      0n,
      1n,
      shareKey1,
      aggregate.wire,
      partial.partial,
      partial.proof,
    ]),
  ]);
  const [dealer, recipient] = [trustees[0], trustees[1]];
  const encrypted = encryptShare(electionId, dealer.secrets, 2, recipient.published.commitments[0]);
  const complaint = makeComplaint(
    electionId,
    recipient.secrets,
    recipient.published.commitments[0],
    encrypted,
  );
  if (
    decideComplaint(
      electionId,
      complaint,
      encrypted,
      dealer.published.commitments,
      recipient.published.commitments[0],
    ) !== "dismissed"
  ) {
    throw new Error("honest complaint not dismissed");
  }
  const [complaintGas] = await probe.read.complaintDecision([
    electionId,
    1n,
    2n,
    dealer.published.commitments,
    recipient.published.commitments[0],
    encrypted.ephemeral,
    encrypted.masked,
    complaint.sharedPoint,
    complaint.proof,
  ]);
  gas.push(["complaint decision (k = 3)", "gas_complaint_decision", complaintGas]);
  const partials = [1, 3, 5].map((l) =>
    decryptPartially(target, l, shares[l - 1], publicShareKey(published, l)),
  );
  gas.push([
    "decrypted count check (3 shares)",
    "gas_decrypted_count_check",
    await probe.read.decryptedCount([
      aggregate.wire,
      5n,
      3n,
      [1n, 3n, 5n],
      partials.map((p) => p.partial),
      1n,
      1000n,
    ]),
  ]);
  gas.push([
    "public share key (n = 5, k = 3)",
    "gas_public_share_key",
    await probe.read.publicShareKey([published.flatMap((t) => t.commitments), 3n, 2n]),
  ]);
  const zeroOneCall = await publicClient.estimateContractGas({
    address: verifier.address,
    abi: verifier.abi,
    functionName: "verifyZeroOneProof",
    args: [electionId, 0n, VOTER, 3n, key.point, sample.ciphertext.wire, sample.proof],
  });
  const contestCall = await publicClient.estimateContractGas({
    address: verifier.address,
    abi: verifier.abi,
    functionName: "verifyContestBallot",
    args: [...contestArgs],
  });

  console.log("\nOn-chain execution gas of each check (gasleft() delta inside the EVM):");
  for (const [name, , value] of gas)
    console.log(`  ${name.padEnd(40)} ${value.toLocaleString("en-US").padStart(9)} gas`);
  console.log("Whole call (eth_estimateGas: 21,000 intrinsic + calldata + ABI decoding + check):");
  console.log(
    `  ProofVerifier.verifyZeroOneProof         ${zeroOneCall.toLocaleString("en-US").padStart(9)} gas`,
  );
  console.log(
    `  ProofVerifier.verifyContestBallot (12)   ${contestCall.toLocaleString("en-US").padStart(9)} gas`,
  );
  console.log(
    "  precompile floor of one zero-one proof: 8 ecMul × 6,000 + 5 ecAdd × 150 = 48,750 gas",
  );

  console.log("\nReproduce: npm run bench:crypto");
  console.log(summaryLine("encrypt_prove_option", makeOption.medianMs, "ms"));
  console.log(summaryLine("verify_option_one_by_one", verifyOptionOneByOne.medianMs, "ms"));
  console.log(summaryLine("verify_option_batched", verifyBallotBatched.medianMs / 12, "ms"));
  console.log(summaryLine("ballot12_make", makeBallot.medianMs, "ms", 1));
  console.log(summaryLine("ballot12_verify_batched", verifyBallotBatched.medianMs, "ms", 1));
  console.log(summaryLine("ballot12_verify_one_by_one", verifyBallotOneByOne.medianMs, "ms", 1));
  for (const [, summaryName, value] of gas) {
    console.log(summaryLine(summaryName, Number(value), "gas", 0));
  }
  console.log(summaryLine("gas_call_verify_zero_one", Number(zeroOneCall), "gas", 0));
  console.log(summaryLine("gas_call_verify_contest_ballot12", Number(contestCall), "gas", 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
