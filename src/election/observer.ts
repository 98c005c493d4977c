/** Reads an election's public state from the chain: what devices, trustees and observers need. */
import type { Address, Hex, PublicClient } from "viem";
import { decodeAggregate, electionKey, type Ciphertext } from "../crypto";
import { electionAbi, electionTallyAbi, keyCeremonyAbi } from "./abi";
import type { BallotContext } from "./ballot";
import type { ContestConfig, ElectionAddresses } from "./types";

export interface ElectionState extends BallotContext {
  addresses: ElectionAddresses;
  pollingStart: bigint;
  pollingEnd: bigint;
  manifestHash: Hex;
  kdfLog2N: number;
  trustees: number;
  threshold: number;
}

/** Everything static about an election; the key must be sealed. */
export async function readElection(
  publicClient: PublicClient,
  addresses: ElectionAddresses,
): Promise<ElectionState> {
  const election = { address: addresses.election, abi: electionAbi } as const;
  const [electionId, schedule, sizes, keyPoint, chainId, parameters] = await Promise.all([
    publicClient.readContract({ ...election, functionName: "electionId" }),
    publicClient.readContract({ ...election, functionName: "schedule" }),
    publicClient.readContract({ ...election, functionName: "sizes" }),
    publicClient.readContract({ ...election, functionName: "electionKey" }),
    publicClient.getChainId(),
    publicClient.readContract({
      address: addresses.ceremony,
      abi: keyCeremonyAbi,
      functionName: "parameters",
    }),
  ]);
  const [contestCount, constituencyCount] = sizes;
  const contests: ContestConfig[] = [];
  for (let j = 0n; j < contestCount; j++) {
    const c = await publicClient.readContract({ ...election, functionName: "contest", args: [j] });
    contests.push({
      options: c.options,
      minSelections: c.minSelections,
      maxSelections: c.maxSelections,
    });
  }
  const constituencyContests: bigint[][] = [];
  for (let v = 0n; v < constituencyCount; v++) {
    constituencyContests.push([
      ...(await publicClient.readContract({
        ...election,
        functionName: "constituencyContests",
        args: [v],
      })),
    ]);
  }
  const [pollingStart, pollingEnd, manifestHash, kdfLog2N] = schedule;
  const sealed = keyPoint.x !== 0n || keyPoint.y !== 0n;
  return {
    addresses,
    chainId: BigInt(chainId),
    election: addresses.election,
    electionId,
    key: sealed ? electionKey({ x: keyPoint.x, y: keyPoint.y }) : undefined,
    contests,
    constituencyContests,
    pollingStart,
    pollingEnd,
    manifestHash,
    kdfLog2N,
    trustees: Number(parameters[0]),
    threshold: Number(parameters[1]),
  };
}

export async function readTotals(
  publicClient: PublicClient,
  election: Address,
  contestId: bigint,
): Promise<Ciphertext[]> {
  const totals = await publicClient.readContract({
    address: election,
    abi: electionAbi,
    functionName: "totals",
    args: [contestId],
  });
  return totals.map((t) => decodeAggregate({ alpha: { ...t.alpha }, beta: { ...t.beta } }).wire);
}

export interface RecordedResult {
  finalized: boolean;
  excluded: boolean;
  exclusionOrderHash: Hex;
  counts: number[];
  trustees: number[];
}

export async function readResult(
  publicClient: PublicClient,
  tally: Address,
  contestId: bigint,
): Promise<RecordedResult> {
  const r = await publicClient.readContract({
    address: tally,
    abi: electionTallyAbi,
    functionName: "result",
    args: [contestId],
  });
  return {
    finalized: r.finalized,
    excluded: r.excluded,
    exclusionOrderHash: r.exclusionOrderHash,
    counts: r.counts.map(Number),
    trustees: r.trustees.map(Number),
  };
}
