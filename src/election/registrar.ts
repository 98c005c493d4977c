/** The registrar publishes each constituency's eligibility root before polling (§10.3). */
import type { Address } from "viem";
import { electionAbi } from "./abi";
import type { ConstituencyRoll } from "./roll";
import { transact, type Clients } from "./transact";

export async function publishRoll(
  clients: Clients,
  election: Address,
  roll: ConstituencyRoll,
): Promise<void> {
  await transact(clients, {
    address: election,
    abi: electionAbi,
    functionName: "setEligibilityRoot",
    args: [BigInt(roll.constituency), roll.root, BigInt(roll.voters)],
  });
}
