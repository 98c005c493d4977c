/**
 * Election fixtures built with the same SDK deploy code that the commission runs: a registry,
 * an election with constituencies and contests, trustees who run the real ceremony on-chain,
 * and a registrar who publishes real Merkle rolls.
 */
import { time } from "@nomicfoundation/hardhat-network-helpers";
import hre from "hardhat";
import { keccak256, stringToHex, type Address } from "viem";
import {
  buildRolls,
  createElection,
  deployRegistry,
  publishRoll,
  readElection,
  runCeremony,
  Trustee,
  type Clients,
  type ConstituencyRoll,
  type ElectionAddresses,
  type ElectionConfig,
  type ElectionState,
  type Signer,
} from "../../../src/election";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";
import { randomScalar } from "../../../src/crypto";
import type { PublicClient } from "viem";

export const HOUR = 3600n;

export interface VoterFixture {
  account: PrivateKeyAccount;
  constituency: number;
}

export interface ElectionFixture {
  publicClient: PublicClient;
  commission: Clients;
  registrar: Clients;
  gateway: Clients;
  outsider: Clients;
  trusteeClients: Clients[];
  trustees: Trustee[];
  shares: bigint[];
  registry: Address;
  addresses: ElectionAddresses;
  config: ElectionConfig;
  state: ElectionState;
  rolls: ConstituencyRoll[];
  voters: VoterFixture[];
}

export interface FixtureOptions {
  contests?: ElectionConfig["contests"];
  constituencyContests?: bigint[][];
  trustees?: number;
  threshold?: number;
  votersPerConstituency?: number;
  /** Stop before sealing the ceremony (ceremony tests drive it themselves). */
  ceremony?: "sealed" | "none";
  /** Stop before publishing the roll. */
  roll?: "published" | "none";
}

/** Fresh voter credentials (tests skip scrypt; credential.test.ts covers the KDF itself). */
export function newVoter(constituency: number): VoterFixture {
  const key = randomScalar().toString(16).padStart(64, "0");
  return { account: privateKeyToAccount(`0x${key}`), constituency };
}

export async function deployElection(options: FixtureOptions = {}): Promise<ElectionFixture> {
  const publicClient = (await hre.viem.getPublicClient()) as unknown as PublicClient;
  const wallets = (await hre.viem.getWalletClients()) as unknown as Signer[];
  const clients = (i: number): Clients => ({ publicClient, walletClient: wallets[i] });
  const [commission, registrar, gateway, outsider] = [
    clients(0),
    clients(1),
    clients(2),
    clients(3),
  ];
  const trusteeCount = options.trustees ?? 3;
  const threshold = options.threshold ?? 2;
  const trusteeClients = Array.from({ length: trusteeCount }, (_, i) => clients(4 + i));

  const now = BigInt(await time.latest());
  const config: ElectionConfig = {
    pollingStart: now + 2n * HOUR,
    pollingEnd: now + 12n * HOUR,
    manifestHash: keccak256(stringToHex("test manifest")),
    credentialKdfLog2N: 10,
    contests: options.contests ?? [
      { options: 3, minSelections: 1, maxSelections: 1 },
      { options: 4, minSelections: 0, maxSelections: 1 },
      { options: 2, minSelections: 1, maxSelections: 1 },
    ],
    constituencyContests: options.constituencyContests ?? [
      [0n, 1n],
      [0n, 2n],
    ],
  };
  const { registry } = await deployRegistry(commission);
  const created = await createElection(commission, registry, config, {
    trustees: trusteeClients.map((c) => c.walletClient.account.address),
    threshold,
    registrar: registrar.walletClient.account.address,
    gateways: [gateway.walletClient.account.address],
  });
  const addresses: ElectionAddresses = {
    election: created.election,
    ceremony: created.ceremony,
    tally: created.tally,
  };
  const params = { electionId: created.electionId, trustees: trusteeCount, threshold };
  const trustees = trusteeClients.map((_, i) => Trustee.create(params, i + 1));
  const shares: bigint[] =
    (options.ceremony ?? "sealed") === "sealed"
      ? await runCeremony(trustees, trusteeClients, addresses.ceremony, outsider)
      : [];
  const perConstituency = options.votersPerConstituency ?? 3;
  const voters = config.constituencyContests.flatMap((_, v) =>
    Array.from({ length: perConstituency }, () => newVoter(v)),
  );
  const rolls = buildRolls(
    voters.map((v) => ({ credential: v.account.address, constituency: v.constituency })),
    config.constituencyContests.length,
  );
  if ((options.roll ?? "published") === "published") {
    for (const roll of rolls) await publishRoll(registrar, addresses.election, roll);
  }
  const state = await readElection(publicClient, addresses);
  return {
    publicClient,
    commission,
    registrar,
    gateway,
    outsider,
    trusteeClients,
    trustees,
    shares,
    registry,
    addresses,
    config,
    state,
    rolls,
    voters,
  };
}

export async function openPolls(f: ElectionFixture): Promise<void> {
  await time.increaseTo(f.config.pollingStart);
}

export async function closePolls(f: ElectionFixture): Promise<void> {
  await time.increaseTo(f.config.pollingEnd);
}
