/**
 * Runs the whole on-chain key ceremony (§13) for trustees simulated in one process. Real
 * elections run each trustee on its own machine with the Trustee class; this orchestration is
 * for the demo, tests and benchmarks, where one process plays every trustee.
 */
import type { Address } from "viem";
import { sealCeremony, type Trustee } from "./trustee";
import type { Clients } from "./transact";

/** Posts every trustee's commitments, then shares; each checks its shares, confirms; seals. */
export async function runCeremony(
  trustees: readonly Trustee[],
  clients: readonly Clients[],
  ceremony: Address,
  sealer: Clients,
): Promise<bigint[]> {
  const n = trustees.length;
  for (const [i, t] of trustees.entries()) await t.postCommitments(clients[i], ceremony);
  for (const [i, t] of trustees.entries()) await t.postShares(clients[i], ceremony, n);
  const shares: bigint[] = [];
  for (const [i, t] of trustees.entries()) {
    const received = await t.receivedShares(clients[i].publicClient, ceremony, n);
    shares.push(t.secretShare(received));
    await t.confirmShares(clients[i], ceremony);
  }
  await sealCeremony(sealer, ceremony);
  return shares;
}
