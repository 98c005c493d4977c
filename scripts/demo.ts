/**
 * Main job: a by-election for overseas voters, run end to end on Hardhat's embedded chain through
 * the SDK. Every party is simulated in this one process, but each uses only its own keys:
 *
 *   commission  deploys the registry and creates the election (two Lahore areas, each with a
 *               National Assembly and a Provincial Assembly seat, polling 08:00–18:00 PKT)
 *   trustees    run the 3-of-5 key ceremony on-chain; every proof is checked by the contract
 *   registrar   publishes each area's eligibility roll (Merkle roots of voter credentials)
 *   voters      derive credentials from passcode + own secret, encrypt and sign ballots;
 *               some re-vote (last vote counts); one challenges a ballot (Benaloh) instead
 *   gateway     relays signed ballots; the contract checks roll, signature and every proof
 *   trustees    four of five decrypt the encrypted totals with proofs (one is absent)
 *   anyone      finalises each contest: the contract checks the counts against the shares
 *
 *   npm start                       # 40 registered voters
 *   DEMO_VOTERS=200 npm start       # more
 */
import { randomInt } from "node:crypto";
import { time } from "@nomicfoundation/hardhat-network-helpers";
import hre from "hardhat";
import { keccak256, stringToHex, type Hex, type PublicClient } from "viem";
import { formatPkt, formatPktWindow } from "../src/chain/time";
import { randomScalar } from "../src/crypto";
import {
  ballotRecord,
  buildRolls,
  castBallot,
  checkOpening,
  createElection,
  decryptContest,
  deployRegistry,
  deriveCredential,
  eligibilityProof,
  electionAbi,
  finalizeContest,
  flattenCiphertexts,
  openBallot,
  prepareBallot,
  publishRoll,
  publishSpoiledBallot,
  readElection,
  readResult,
  runCeremony,
  signBallot,
  Trustee,
  type Clients,
  type ElectionConfig,
  type PreparedBallot,
  type Signer,
  sealedKey,
} from "../src/election";

const PKT = 5 * 3600;
const TRUSTEES = 5;
const THRESHOLD = 3;
const ABSENT_TRUSTEE = 3;
const KDF_LOG2N = 12; // demo cost; real elections use the default 17 (128 MiB per derivation)

const CONTESTS = [
  { name: "NA-124 Lahore-II", candidates: ["PML-N", "PTI", "PPP", "TLP", "Independent"] },
  { name: "PP-164 Lahore-XXI", candidates: ["PML-N", "PTI", "TLP", "Independent"] },
  { name: "NA-131 Lahore-IX", candidates: ["PTI", "PML-N", "PPP", "MMA", "TLP", "Independent"] },
  { name: "PP-165 Lahore-XXII", candidates: ["PTI", "PML-N", "PPP"] },
];
const AREAS = [
  { name: "Lahore area A", contests: [0, 1] },
  { name: "Lahore area B", contests: [2, 3] },
];

function parseVoterCount(): number {
  const raw = process.env.DEMO_VOTERS ?? "40";
  const voters = Number(raw);
  if (!Number.isSafeInteger(voters) || voters < 2 || voters > 100_000) {
    throw new Error(`DEMO_VOTERS must be an integer from 2 to 100000, got "${raw}"`);
  }
  return voters;
}

function step(text: string): void {
  console.log(`\n== ${text}`);
}

/** 08:00 PKT on the day after `now`, in UTC seconds. */
function nextPollingDay(now: bigint): { start: bigint; end: bigint } {
  const dayStartPkt = ((now + BigInt(PKT)) / 86_400n + 1n) * 86_400n - BigInt(PKT);
  return { start: dayStartPkt + 8n * 3600n, end: dayStartPkt + 18n * 3600n };
}

/** A random single choice per contest, weighted towards the first candidates. */
function randomChoices(contests: readonly number[]): number[][] {
  return contests.map((c) => {
    const n = CONTESTS[c].candidates.length;
    const pick = Math.min(randomInt(n), randomInt(n));
    return Array.from({ length: n }, (_, i) => (i === pick ? 1 : 0));
  });
}

async function main(): Promise<void> {
  const registered = parseVoterCount();
  const publicClient = (await hre.viem.getPublicClient()) as unknown as PublicClient;
  const wallets = (await hre.viem.getWalletClients()) as unknown as Signer[];
  const as = (i: number): Clients => ({ publicClient, walletClient: wallets[i] });
  const [commission, registrar, gateway] = [as(0), as(1), as(2)];
  const trusteeClients = Array.from({ length: TRUSTEES }, (_, i) => as(3 + i));

  step("Commission: registry and election");
  const { registry } = await deployRegistry(commission);
  const { start, end } = nextPollingDay(BigInt(await time.latest()));
  const config: ElectionConfig = {
    pollingStart: start,
    pollingEnd: end,
    manifestHash: keccak256(stringToHex(JSON.stringify({ CONTESTS, AREAS }))),
    credentialKdfLog2N: KDF_LOG2N,
    contests: CONTESTS.map((c) => ({
      options: c.candidates.length,
      minSelections: 1,
      maxSelections: 1,
    })),
    constituencyContests: AREAS.map((a) => a.contests.map(BigInt)),
  };
  const addresses = await createElection(commission, registry, config, {
    trustees: trusteeClients.map((c) => c.walletClient.account.address),
    threshold: THRESHOLD,
    registrar: registrar.walletClient.account.address,
    gateways: [gateway.walletClient.account.address],
  });
  console.log(`registry ${registry}, election ${addresses.election}`);
  console.log(`polling ${formatPktWindow(start, end)}`);

  step(`Trustees: ${THRESHOLD}-of-${TRUSTEES} key ceremony on-chain (§13)`);
  const params = { electionId: addresses.electionId, trustees: TRUSTEES, threshold: THRESHOLD };
  const trustees = Array.from({ length: TRUSTEES }, (_, i) => Trustee.create(params, i + 1));
  const shares = await runCeremony(trustees, trusteeClients, addresses.ceremony, commission);
  console.log(
    "commitments with Schnorr proofs, encrypted shares, confirmations: verified and sealed",
  );

  step(`Registrar: roll of ${registered} overseas voters`);
  const voters = Array.from({ length: registered }, (_, i) => {
    const passcode = randomScalar().toString(36).slice(0, 12); // issued by the commission
    const voterSecret = `secret-${randomScalar().toString(36).slice(0, 10)}`; // chosen by the voter
    const { account } = deriveCredential({
      passcode,
      voterSecret,
      electionId: addresses.electionId,
      kdfLog2N: KDF_LOG2N,
    });
    return { account, area: i % AREAS.length };
  });
  const rolls = buildRolls(
    voters.map((v) => ({ credential: v.account.address, constituency: v.area })),
    AREAS.length,
  );
  for (const roll of rolls) {
    await publishRoll(registrar, addresses.election, roll);
    console.log(
      `${AREAS[roll.constituency].name}: ${roll.voters} voters, root ${roll.root.slice(0, 18)}…`,
    );
  }

  const state = await readElection(publicClient, addresses);
  await time.increaseTo(start);
  step(`Polling opens ${formatPkt(start)}`);
  const turnout = voters.filter(() => randomInt(100) < 84);
  const latest = new Map<
    string,
    { prepared: PreparedBallot; receipt: Hex; choices: number[][]; area: number }
  >();
  const cast = async (voter: (typeof voters)[number], choices: number[][]) => {
    const address = voter.account.address;
    const previous = latest.get(address);
    const prepared = prepareBallot(state, address, voter.area, choices, previous?.receipt);
    const signed = await signBallot(state, prepared, voter.account);
    const roll = rolls.find((r) => r.constituency === voter.area)!;
    const result = await castBallot(
      gateway,
      addresses.election,
      signed,
      eligibilityProof(roll, address),
      previous ? flattenCiphertexts(previous.prepared.ballot.contests) : [],
    );
    latest.set(address, { prepared, receipt: result.receipt, choices, area: voter.area });
    return result;
  };

  // One voter challenges a ballot first (Benaloh): the device reveals it, a second device checks
  // it, the gateway publishes it as spoiled, and the voter then casts a fresh ballot.
  const challenger = turnout[0];
  const challenged = prepareBallot(
    state,
    challenger.account.address,
    challenger.area,
    randomChoices(AREAS[challenger.area].contests),
  );
  const opened = checkOpening(sealedKey(state), openBallot(challenged));
  await publishSpoiledBallot(gateway, addresses.election, openBallot(challenged));
  console.log(
    `voter 1 challenged a ballot: it decrypts to choices ${JSON.stringify(opened)}; published as spoiled, never counted`,
  );

  let ballots = 0;
  let gas = 0n;
  for (const voter of turnout) {
    const result = await cast(voter, randomChoices(AREAS[voter.area].contests));
    ballots++;
    gas += result.gasUsed;
    if (ballots % 10 === 0 || ballots === turnout.length) {
      process.stderr.write(`\r  ballots cast: ${ballots}/${turnout.length}`);
    }
  }
  process.stderr.write("\n");
  // A few voters change their minds (or escape a coercer): their last ballot counts.
  const revoters = turnout.slice(1, 1 + Math.max(1, Math.floor(turnout.length / 20)));
  for (const voter of revoters) {
    const result = await cast(voter, randomChoices(AREAS[voter.area].contests));
    ballots++;
    gas += result.gasUsed;
  }
  console.log(
    `${turnout.length} of ${registered} voted (${((100 * turnout.length) / registered).toFixed(0)}%), ` +
      `${revoters.length} re-voted; ${ballots} ballots, ${(Number(gas / BigInt(ballots)) / 1000).toFixed(0)}k gas each on average`,
  );

  // A voter checks the receipt: the chain's record for the credential is this receipt.
  const checker = latest.get(revoters[0].account.address)!;
  const record = await publicClient.readContract({
    address: addresses.election,
    abi: electionAbi,
    functionName: "ballotRecord",
    args: [revoters[0].account.address],
  });
  const counted =
    record ===
    ballotRecord(
      checker.receipt,
      checker.prepared.ciphertextsHash,
      checker.prepared.ballot.constituency,
    );
  console.log(
    `a re-voter checks receipt ${checker.receipt.slice(0, 18)}…: ${counted ? "recorded as the counted ballot" : "NOT FOUND"}`,
  );

  await time.increaseTo(end);
  const present = Array.from({ length: TRUSTEES }, (_, i) => i + 1).filter(
    (t) => t !== ABSENT_TRUSTEE,
  );
  step(
    `Polls closed ${formatPkt(end)}; trustees ${present.join(", ")} decrypt (trustee ${ABSENT_TRUSTEE} absent)`,
  );
  const expected = CONTESTS.map((c) => new Array<number>(c.candidates.length).fill(0));
  for (const { choices, area } of latest.values()) {
    AREAS[area].contests.forEach((contest, i) =>
      choices[i].forEach((s, o) => (expected[contest][o] += s)),
    );
  }
  let verified = true;
  for (const [contestId, contest] of CONTESTS.entries()) {
    for (const t of present) {
      await trustees[t - 1].postDecryptionShares(
        trusteeClients[t - 1],
        addresses,
        BigInt(contestId),
        shares[t - 1],
      );
    }
    const decryptors = present.slice(0, THRESHOLD);
    const counts = await decryptContest(
      publicClient,
      addresses,
      BigInt(contestId),
      decryptors,
      THRESHOLD,
    );
    await finalizeContest(commission, addresses.tally, BigInt(contestId), counts, decryptors);
    const recorded = await readResult(publicClient, addresses.tally, BigInt(contestId));
    const matches =
      recorded.finalized && recorded.counts.every((c, i) => c === expected[contestId][i]);
    verified &&= matches;
    console.log(
      `\n  ${contest.name}  (finalised on-chain${matches ? "" : ", DIFFERS FROM PLAINTEXT"})`,
    );
    const width = Math.max(...contest.candidates.map((n) => n.length));
    contest.candidates.forEach((name, i) =>
      console.log(`    ${name.padEnd(width)}  ${String(recorded.counts[i]).padStart(5)}`),
    );
  }
  console.log(
    verified
      ? "\nVERIFIED: every ballot's proofs and every decryption were checked on-chain; the recorded results equal the voters' plaintext choices."
      : "\nFAILED: a recorded result differs from the plaintext tally.",
  );
  if (!verified) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
