/** §14: decrypts a contest from the partials posted on-chain and finalises it. */
import type { Address, PublicClient } from "viem";
import { decodeAggregate, decryptCount } from "../crypto";
import { electionAbi, electionTallyAbi } from "./abi";
import { readTotals } from "./observer";
import { transact, type Clients } from "./transact";
import type { ElectionAddresses } from "./types";

/** The counts of every option of `contestId` from the partials of `trustees` (§7.2, §7.4). */
export async function decryptContest(
  publicClient: PublicClient,
  addresses: ElectionAddresses,
  contestId: bigint,
  trustees: readonly number[],
  threshold: number,
): Promise<number[]> {
  const totals = await readTotals(publicClient, addresses.election, contestId);
  const bound = Number(
    await publicClient.readContract({
      address: addresses.election,
      abi: electionAbi,
      functionName: "contestBound",
      args: [contestId],
    }),
  );
  const partialsByTrustee = await Promise.all(
    trustees.map((t) =>
      publicClient.readContract({
        address: addresses.tally,
        abi: electionTallyAbi,
        functionName: "decryptionShares",
        args: [contestId, BigInt(t)],
      }),
    ),
  );
  return totals.map((total, option) =>
    decryptCount(
      decodeAggregate(total),
      trustees.map((trustee, i) => {
        const p = partialsByTrustee[i][option];
        if (!p)
          throw new Error(
            `trustee ${trustee} has not posted a decryption for contest ${contestId}`,
          );
        return { trustee, partial: { x: p.x, y: p.y } };
      }),
      bound,
      threshold,
    ),
  );
}

/** §14.2: records the counts; the contract re-checks them against the partials. */
export async function finalizeContest(
  clients: Clients,
  tally: Address,
  contestId: bigint,
  counts: readonly number[],
  trustees: readonly number[],
): Promise<void> {
  await transact(clients, {
    address: tally,
    abi: electionTallyAbi,
    functionName: "finalizeContest",
    args: [contestId, counts.map(BigInt), trustees.map(BigInt)],
  });
}
