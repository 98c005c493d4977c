/**
 * The commission's deployment: the implementation contracts, the registry, and elections
 * created through it. Test fixtures use exactly this code.
 */
import { parseEventLogs, type Abi, type Address, type Hex } from "viem";
import {
  bytecode,
  electionAbi,
  electionRegistryAbi,
  electionTallyAbi,
  keyCeremonyAbi,
} from "./abi";
import { asContractError, transact, type Clients } from "./transact";
import type { ElectionAddresses, ElectionConfig } from "./types";

async function deploy(
  clients: Clients,
  abi: Abi,
  code: Hex,
  args: readonly unknown[],
  name: string,
): Promise<Address> {
  let hash: Hex;
  try {
    hash = await clients.walletClient.deployContract({ abi, bytecode: code, args } as never);
  } catch (error) {
    throw asContractError(`deploy ${name}`, error);
  }
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) {
    throw new Error(`deploying ${name} failed in transaction ${hash}`);
  }
  return receipt.contractAddress;
}

export interface RegistryDeployment {
  registry: Address;
  implementations: { election: Address; ceremony: Address; tally: Address };
  chainId: bigint;
  blockNumber: bigint;
}

/** Deploys the three implementations and the registry; `admin` holds the commission role. */
export async function deployRegistry(
  clients: Clients,
  admin?: Address,
): Promise<RegistryDeployment> {
  const owner = admin ?? clients.walletClient.account.address;
  const election = await deploy(clients, electionAbi, bytecode.election, [], "Election");
  const ceremony = await deploy(clients, keyCeremonyAbi, bytecode.keyCeremony, [], "KeyCeremony");
  const tally = await deploy(
    clients,
    electionTallyAbi,
    bytecode.electionTally,
    [],
    "ElectionTally",
  );
  const registry = await deploy(
    clients,
    electionRegistryAbi,
    bytecode.electionRegistry,
    [owner, election, ceremony, tally],
    "ElectionRegistry",
  );
  return {
    registry,
    implementations: { election, ceremony, tally },
    chainId: BigInt(await clients.publicClient.getChainId()),
    blockNumber: await clients.publicClient.getBlockNumber(),
  };
}

export interface ElectionRoles {
  trustees: Address[];
  threshold: number;
  registrar: Address;
  gateways: Address[];
}

/** Creates an election through the registry (commission role); returns its three contracts. */
export async function createElection(
  clients: Clients,
  registry: Address,
  config: ElectionConfig,
  roles: ElectionRoles,
): Promise<ElectionAddresses & { electionId: Hex; index: bigint }> {
  const receipt = await transact(clients, {
    address: registry,
    abi: electionRegistryAbi,
    functionName: "createElection",
    args: [config, roles.trustees, BigInt(roles.threshold), roles.registrar, roles.gateways],
  });
  const [created] = parseEventLogs({
    abi: electionRegistryAbi,
    logs: receipt.logs,
    eventName: "ElectionCreated",
  });
  if (!created) throw new Error("createElection emitted no ElectionCreated event");
  const { index, election, electionId, ceremony, tally } = created.args;
  return { index, election, electionId, ceremony, tally };
}
