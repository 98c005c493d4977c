/**
 * Gas per ballot on the election ledger (castBallot through the gateway), for 1 and 2 contests
 * of 5, 12 and 20 candidates, and where it goes:
 *   proofs    execution gas of the contest ballots' proof checks (GasProbe, gasleft() deltas)
 *   storage   SLOAD/SSTORE gas of the call (totals and the ballot record), from the opcode trace
 *   calldata  intrinsic calldata gas of the transaction input (16 per non-zero byte, 4 per zero)
 *   base      21,000 intrinsic
 *   other     the rest: signature, Merkle proof, hashing, ABI decoding, memory, calls
 *
 *   npm run bench:gas
 */
import { time } from "@nomicfoundation/hardhat-network-helpers";
import hre from "hardhat";
import { hexToBytes, type Hex } from "viem";
import {
  castBallot,
  castBallots,
  eligibilityProof,
  flattenCiphertexts,
  prepareBallot,
  signBallot,
  type ContestBallot,
  type PreparedBallot,
  sealedKey,
} from "../src/election";
import { deployElection, type ElectionFixture } from "../test/contracts/election/fixture";
import { summaryLine } from "./measure";

const SIZES = [5, 12, 20];
const BATCH = 10;
/** EIP-7825 caps a transaction at 2²⁴ gas (Osaka; Hardhat enforces it): batches stay below. */
const TX_GAS_CAP = 16_000_000;

interface TraceLog {
  op: string;
  gasCost: number;
}

function calldataGas(input: Hex): number {
  return [...hexToBytes(input)].reduce((sum, byte) => sum + (byte === 0 ? 4 : 16), 0);
}

async function storageGas(hash: Hex): Promise<number> {
  const trace = (await hre.network.provider.send("debug_traceTransaction", [
    hash,
    { disableMemory: true, disableStack: true, disableStorage: true },
  ])) as { structLogs: TraceLog[] };
  return trace.structLogs
    .filter((log) => log.op === "SSTORE" || log.op === "SLOAD")
    .reduce((sum, log) => sum + log.gasCost, 0);
}

async function proofGas(
  f: ElectionFixture,
  contests: readonly ContestBallot[],
  voter: Hex,
): Promise<number> {
  const probe = await hre.viem.deployContract("GasProbe");
  let total = 0;
  for (const c of contests) {
    const config = f.state.contests[Number(c.contestId)];
    total += Number(
      await probe.read.contestBallot([
        f.state.electionId,
        c.contestId,
        voter,
        BigInt(config.minSelections),
        BigInt(config.maxSelections),
        sealedKey(f.state).point,
        c.ciphertexts,
        c.optionProofs,
        c.selectionProof,
      ]),
    );
  }
  return total;
}

interface Row {
  label: string;
  summary: string;
  gas: number;
  proofs: number;
  storage: number;
  calldata: number;
  other: number;
  bytes: number;
}

async function main(): Promise<void> {
  // One election with, for each size n, a 1-contest and a 2-contest constituency.
  const contests = SIZES.flatMap((n) => [
    { options: n, minSelections: 1, maxSelections: 1 },
    { options: n, minSelections: 1, maxSelections: 1 },
  ]);
  const constituencyContests = SIZES.flatMap((_, i) => [
    [BigInt(2 * i)],
    [BigInt(2 * i), BigInt(2 * i + 1)],
  ]);
  const f = await deployElection({
    contests,
    constituencyContests,
    votersPerConstituency: 4 + BATCH,
  });
  await time.increaseTo(f.config.pollingStart);

  const rows: Row[] = [];
  const receipts = new Map<string, { prepared: PreparedBallot; receipt: Hex }>();
  const cast = async (voterIndex: number, revote: boolean) => {
    const voter = f.voters[voterIndex];
    const address = voter.account.address;
    const previous = receipts.get(address);
    const selections = f.state.constituencyContests[voter.constituency].map((id) =>
      Array.from({ length: f.state.contests[Number(id)].options }, (_, i) =>
        i === voterIndex % 3 ? 1 : 0,
      ),
    );
    const prepared = prepareBallot(
      f.state,
      address,
      voter.constituency,
      selections,
      previous?.receipt,
    );
    const signed = await signBallot(f.state, prepared, voter.account);
    const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
    const result = await castBallot(
      f.gateway,
      f.addresses.election,
      signed,
      eligibilityProof(roll, address),
      revote && previous ? flattenCiphertexts(previous.prepared.ballot.contests) : [],
    );
    receipts.set(address, { prepared, receipt: result.receipt });
    return { result, prepared };
  };

  for (const [i, n] of SIZES.entries()) {
    for (const [k, contestCount] of [1, 2].entries()) {
      const constituency = 2 * i + k;
      const voterIndices = f.voters.flatMap((v, idx) =>
        v.constituency === constituency ? [idx] : [],
      );
      const first = await cast(voterIndices[0], false); // totals' slots still zero
      await cast(voterIndices[1], false);
      const steady = await cast(voterIndices[2], false); // steady state: totals non-zero
      const revote = await cast(voterIndices[2], true); // supersedes its previous ballot
      // A batch of first ballots in one transaction (castBallots): per-ballot share.
      const batchSize = Math.min(BATCH, Math.floor(TX_GAS_CAP / Number(steady.result.gasUsed)));
      const batchVoters = voterIndices.slice(4, 4 + batchSize);
      const batchSigned = await Promise.all(
        batchVoters.map(async (idx) => {
          const voter = f.voters[idx];
          const selections = f.state.constituencyContests[voter.constituency].map((id) =>
            Array.from({ length: f.state.contests[Number(id)].options }, (_, o) =>
              o === idx % 3 ? 1 : 0,
            ),
          );
          const prepared = prepareBallot(
            f.state,
            voter.account.address,
            voter.constituency,
            selections,
          );
          const signed = await signBallot(f.state, prepared, voter.account);
          const roll = f.rolls.find((r) => r.constituency === voter.constituency)!;
          return {
            prepared,
            signed,
            eligibilityProof: eligibilityProof(roll, voter.account.address),
          };
        }),
      );
      const batchResults = await castBallots(
        f.gateway,
        f.addresses.election,
        BigInt(constituency),
        batchSigned,
      );
      const batchTx = await f.publicClient.getTransaction({
        hash: batchResults[0].transactionHash,
      });
      const batchReceipt = await f.publicClient.getTransactionReceipt({
        hash: batchResults[0].transactionHash,
      });
      const batchGas = Number(batchReceipt.gasUsed) / batchSize;
      const batchProofs = await proofGas(
        f,
        batchSigned[0].prepared.ballot.contests,
        batchSigned[0].prepared.ballot.credential,
      );
      const batchStorage = (await storageGas(batchResults[0].transactionHash)) / batchSize;
      const batchCalldata = calldataGas(batchTx.input) / batchSize;
      rows.push({
        label: `${contestCount} contest${contestCount > 1 ? "s" : ""} × ${n} candidates, batch of ${batchSize} (each)`,
        summary: `gas_ballot_${contestCount}x${n}_batched`,
        gas: Math.round(batchGas),
        proofs: batchProofs,
        storage: Math.round(batchStorage),
        calldata: Math.round(batchCalldata),
        other: Math.round(
          batchGas - 21_000 / batchSize - batchProofs - batchStorage - batchCalldata,
        ),
        bytes: Math.round(hexToBytes(batchTx.input).length / batchSize),
      });
      for (const [kind, run] of [
        ["first ballot", first],
        ["ballot", steady],
        ["re-vote", revote],
      ] as const) {
        const tx = await f.publicClient.getTransaction({ hash: run.result.transactionHash });
        const gas = Number(run.result.gasUsed);
        const proofs = await proofGas(
          f,
          run.prepared.ballot.contests,
          run.prepared.ballot.credential,
        );
        const storage = await storageGas(run.result.transactionHash);
        const calldata = calldataGas(tx.input);
        rows.push({
          label: `${contestCount} contest${contestCount > 1 ? "s" : ""} × ${n} candidates, ${kind}`,
          summary: `gas_ballot_${contestCount}x${n}${kind === "ballot" ? "" : kind === "re-vote" ? "_revote" : "_first"}`,
          gas,
          proofs,
          storage,
          calldata,
          other: gas - 21_000 - proofs - storage - calldata,
          bytes: hexToBytes(tx.input).length,
        });
      }
    }
  }

  const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`.padStart(4);
  console.log(
    "Gas per castBallot transaction (Hardhat in-process EVM, solc 0.8.28, optimizer 200, EVM paris)\n",
  );
  console.log(
    `${"ballot".padEnd(42)} ${"gas".padStart(9)}  ${"proofs".padStart(14)}  ${"storage".padStart(14)}  ${"calldata".padStart(14)}  ${"other".padStart(13)}  bytes`,
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(42)} ${r.gas.toLocaleString("en-US").padStart(9)}  ` +
        `${r.proofs.toLocaleString("en-US").padStart(9)} ${pct(r.proofs, r.gas)}  ` +
        `${r.storage.toLocaleString("en-US").padStart(9)} ${pct(r.storage, r.gas)}  ` +
        `${r.calldata.toLocaleString("en-US").padStart(9)} ${pct(r.calldata, r.gas)}  ` +
        `${r.other.toLocaleString("en-US").padStart(8)} ${pct(r.other, r.gas)}  ${r.bytes}`,
    );
  }
  console.log(
    `\n(base 21,000 per transaction is the remainder of each row; a batch row carries 21,000 / its size;` +
      ` batches hold at most ${BATCH} ballots and stay under ${TX_GAS_CAP.toLocaleString("en-US")} gas, below EIP-7825's 2^24 cap)`,
  );
  console.log("Reproduce: npm run bench:gas");
  for (const r of rows) console.log(summaryLine(r.summary, r.gas, "gas", 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
