/**
 * The contracts' ABIs and bytecode, typed from the artifacts Hardhat compiles (run
 * `npx hardhat compile` first). The SDK uses these with plain viem clients, no Hardhat needed.
 */
import type { Hex } from "viem";
import type { Election$Type } from "../../artifacts/contracts/election/Election.sol/Election";
import type { ElectionRegistry$Type } from "../../artifacts/contracts/election/ElectionRegistry.sol/ElectionRegistry";
import type { ElectionTally$Type } from "../../artifacts/contracts/election/ElectionTally.sol/ElectionTally";
import type { KeyCeremony$Type } from "../../artifacts/contracts/election/KeyCeremony.sol/KeyCeremony";
import ElectionJson from "../../artifacts/contracts/election/Election.sol/Election.json";
import ElectionRegistryJson from "../../artifacts/contracts/election/ElectionRegistry.sol/ElectionRegistry.json";
import ElectionTallyJson from "../../artifacts/contracts/election/ElectionTally.sol/ElectionTally.json";
import KeyCeremonyJson from "../../artifacts/contracts/election/KeyCeremony.sol/KeyCeremony.json";

export const electionAbi = ElectionJson.abi as unknown as Election$Type["abi"];
export const keyCeremonyAbi = KeyCeremonyJson.abi as unknown as KeyCeremony$Type["abi"];
export const electionTallyAbi = ElectionTallyJson.abi as unknown as ElectionTally$Type["abi"];
export const electionRegistryAbi =
  ElectionRegistryJson.abi as unknown as ElectionRegistry$Type["abi"];

export const bytecode = {
  election: ElectionJson.bytecode as Hex,
  keyCeremony: KeyCeremonyJson.bytecode as Hex,
  electionTally: ElectionTallyJson.bytecode as Hex,
  electionRegistry: ElectionRegistryJson.bytecode as Hex,
} as const;

/** Every Shafaf ABI, for decoding events and errors whatever contract emitted them. */
export const allAbis = [
  ...electionAbi,
  ...keyCeremonyAbi,
  ...electionTallyAbi,
  ...electionRegistryAbi,
];
