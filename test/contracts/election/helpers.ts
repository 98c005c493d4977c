/**
 * Shared helpers of the per-phase election tests (registry, roll, ceremony, tally): a rejection
 * assertion on the contract's custom error, and state readers so that every rejected call can be
 * shown to change nothing.
 */
import { time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import type { Address, PublicClient } from "viem";
import {
  asContractError,
  ContractRejectedError,
  electionAbi,
  electionRegistryAbi,
  electionTallyAbi,
  keyCeremonyAbi,
} from "../../../src/election";
import type { ElectionFixture } from "./fixture";

/**
 * Awaits `promise` and asserts it was rejected by the contract with the custom error `errorName`
 * (and, if given, exactly the arguments `args`). Works for transactions sent through the SDK
 * (which already throw {@link ContractRejectedError}) and for raw viem calls and deployments.
 */
export async function expectRejected(
  promise: Promise<unknown>,
  errorName: string,
  args?: readonly unknown[],
): Promise<ContractRejectedError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) expect.fail(`expected a rejection with ${errorName}, but it succeeded`);
  const decoded =
    caught instanceof ContractRejectedError ? caught : asContractError("call", caught);
  if (!(decoded instanceof ContractRejectedError)) {
    expect.fail(
      `expected ${errorName}, got an error without a known custom error: ${String(caught)}`,
    );
  }
  expect(decoded.errorName, decoded.message).to.equal(errorName);
  if (args !== undefined) {
    expect(normalise(decoded.args), decoded.message).to.deep.equal(normalise(args));
  }
  return decoded;
}

/** Addresses compare case-insensitively (wallets report them in lower case, viem checksummed). */
function normalise(value: unknown): unknown {
  if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return value.toLowerCase();
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/** Number of events `address` has emitted so far. */
export async function eventCount(publicClient: PublicClient, address: Address): Promise<number> {
  const logs = await publicClient.getLogs({ address, fromBlock: 0n, toBlock: "latest" });
  return logs.length;
}

/**
 * Reads `read()` before and after the rejected call `send()`, asserts the rejection
 * ({@link expectRejected}) and that the state read is identical afterwards.
 */
export async function expectRejectedUnchanged(
  read: () => Promise<unknown>,
  send: () => Promise<unknown>,
  errorName: string,
  args?: readonly unknown[],
): Promise<ContractRejectedError> {
  const before = await read();
  const error = await expectRejected(send(), errorName, args);
  expect(await read(), `state changed by the rejected call (${errorName})`).to.deep.equal(before);
  return error;
}

/** Registry state: number of elections, every deployment, and the registry's events. */
export async function registryState(publicClient: PublicClient, registry: Address) {
  const count = await publicClient.readContract({
    address: registry,
    abi: electionRegistryAbi,
    functionName: "electionCount",
  });
  const elections = [];
  for (let i = 0n; i < count; i++) {
    elections.push(
      await publicClient.readContract({
        address: registry,
        abi: electionRegistryAbi,
        functionName: "election",
        args: [i],
      }),
    );
  }
  return { count, elections, events: await eventCount(publicClient, registry) };
}

/** Election state: roll, key, encrypted totals, records of the fixture's voters, events. */
export async function electionState(f: ElectionFixture) {
  const election = { address: f.addresses.election, abi: electionAbi } as const;
  const read = f.publicClient.readContract.bind(f.publicClient);
  const rolls = [];
  for (let v = 0; v < f.config.constituencyContests.length; v++) {
    rolls.push(await read({ ...election, functionName: "roll", args: [BigInt(v)] }));
  }
  const totals = [];
  for (let j = 0; j < f.config.contests.length; j++) {
    totals.push(await read({ ...election, functionName: "totals", args: [BigInt(j)] }));
  }
  const records = [];
  for (const voter of f.voters) {
    records.push(
      await read({ ...election, functionName: "ballotRecord", args: [voter.account.address] }),
    );
  }
  return {
    rolls,
    totals,
    records,
    key: await read({ ...election, functionName: "electionKey" }),
    schedule: await read({ ...election, functionName: "schedule" }),
    events: await eventCount(f.publicClient, f.addresses.election),
  };
}

/** Ceremony state: commitments, the whole share matrix, seal/failure, keys, events. */
export async function ceremonyState(f: ElectionFixture) {
  const ceremony = { address: f.addresses.ceremony, abi: keyCeremonyAbi } as const;
  const read = f.publicClient.readContract.bind(f.publicClient);
  const n = f.trustees.length;
  const commitments = [];
  const shareKeys = [];
  const shares = [];
  for (let i = 1n; i <= BigInt(n); i++) {
    commitments.push(await read({ ...ceremony, functionName: "commitments", args: [i] }));
    shareKeys.push(await read({ ...ceremony, functionName: "shareKey", args: [i] }));
    for (let l = 1n; l <= BigInt(n); l++) {
      shares.push(await read({ ...ceremony, functionName: "share", args: [i, l] }));
    }
  }
  return {
    commitments,
    shares,
    shareKeys,
    sealed: await read({ ...ceremony, functionName: "isSealed" }),
    failed: await read({ ...ceremony, functionName: "hasFailed" }),
    jointKey: await read({ ...ceremony, functionName: "jointKey" }),
    electionKey: await read({
      address: f.addresses.election,
      abi: electionAbi,
      functionName: "electionKey",
    }),
    events: await eventCount(f.publicClient, f.addresses.ceremony),
  };
}

/** Tally state: every posted partial, every recorded result, the tally's events. */
export async function tallyState(f: ElectionFixture) {
  const tally = { address: f.addresses.tally, abi: electionTallyAbi } as const;
  const read = f.publicClient.readContract.bind(f.publicClient);
  const partials = [];
  const results = [];
  for (let j = 0n; j < BigInt(f.config.contests.length); j++) {
    results.push(await read({ ...tally, functionName: "result", args: [j] }));
    for (let t = 1n; t <= BigInt(f.trustees.length); t++) {
      partials.push(await read({ ...tally, functionName: "decryptionShares", args: [j, t] }));
    }
  }
  return { partials, results, events: await eventCount(f.publicClient, f.addresses.tally) };
}

/** Mines the next transaction at exactly `timestamp` (UTC seconds). */
export async function atTimestamp(timestamp: bigint): Promise<void> {
  await time.setNextBlockTimestamp(timestamp);
}
