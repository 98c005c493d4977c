/**
 * Helpers shared by the ballot tests (casting, re-voting, spoiling): casting through the SDK,
 * re-signing a tampered ballot so that the check under test is the one that fails, and asserting
 * that a rejected call reverts with one specific custom error AND changes nothing on-chain.
 */
import { expect } from "chai";
import type { Address, Hex } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import {
  addCiphertexts,
  decodeCiphertext,
  type Ciphertext,
  type RandomSource,
} from "../../../src/crypto";
import {
  ballotDigest,
  ballotTypedData,
  castBallot,
  ciphertextsHash,
  ContractRejectedError,
  electionAbi,
  eligibilityProof,
  flattenCiphertexts,
  prepareBallot,
  receiptHash,
  signBallot,
  ZERO_HASH,
  type Ballot,
  type BallotContext,
  type CastResult,
  type Clients,
  type ContestBallot,
  type PreparedBallot,
  type SignedBallot,
} from "../../../src/election";
import type { ElectionFixture, VoterFixture } from "./fixture";

export const UINT256_MAX = (1n << 256n) - 1n;

/** A valid choice per constituency of the default fixture: [contest 0, contest 1 | 2]. */
export function defaultSelections(constituency: number): number[][] {
  return constituency === 0
    ? [
        [1, 0, 0],
        [0, 0, 1, 0],
      ]
    : [
        [0, 1, 0],
        [1, 0],
      ];
}

export function proofFor(f: ElectionFixture, voter: VoterFixture): Hex[] {
  const roll = f.rolls.find((r) => r.constituency === voter.constituency);
  if (!roll) throw new Error(`no roll for constituency ${voter.constituency}`);
  return eligibilityProof(roll, voter.account.address);
}

export function prepareFor(
  f: ElectionFixture,
  voter: VoterFixture,
  selections: number[][] = defaultSelections(voter.constituency),
  previousReceipt: Hex = ZERO_HASH,
  random?: RandomSource,
): PreparedBallot {
  return prepareBallot(
    f.state,
    voter.account.address,
    voter.constituency,
    selections,
    previousReceipt,
    random,
  );
}

/** Signs an arbitrary (possibly tampered) ballot with `account`, as a malicious device would. */
export async function resign(
  context: BallotContext,
  ballot: Ballot,
  account: PrivateKeyAccount,
): Promise<SignedBallot> {
  const signature = await account.signTypedData(
    ballotTypedData(context.chainId, context.election, ballot),
  );
  const digest = ballotDigest(context.chainId, context.election, ballot);
  return {
    ballot,
    signature,
    digest,
    receipt: receiptHash(context.electionId, digest, signature),
    ciphertextsHash: ciphertextsHash(ballot.contests),
  };
}

/** A deep copy of the ballot (bigints included), to tamper with freely. */
export function copyBallot(ballot: Ballot): Ballot {
  return structuredClone(ballot);
}

/** A copy of the ballot with contest at `position` replaced by `change(copy of it)`. */
export function withContest(
  ballot: Ballot,
  position: number,
  change: (contest: ContestBallot) => ContestBallot | void,
): Ballot {
  const copy = copyBallot(ballot);
  const changed = change(copy.contests[position]);
  if (changed) copy.contests[position] = changed;
  return copy;
}

export interface Cast {
  prepared: PreparedBallot;
  signed: SignedBallot;
  result: CastResult;
}

/** Prepares, signs and casts a ballot through the gateway, as the voter's device and gateway do. */
export async function castFor(
  f: ElectionFixture,
  voter: VoterFixture,
  selections: number[][] = defaultSelections(voter.constituency),
  previous?: Cast,
): Promise<Cast> {
  const prepared = prepareFor(f, voter, selections, previous?.result.receipt ?? ZERO_HASH);
  const signed = await signBallot(f.state, prepared, voter.account);
  const result = await castBallot(
    f.gateway,
    f.addresses.election,
    signed,
    proofFor(f, voter),
    previous ? flattenCiphertexts(previous.prepared.ballot.contests) : [],
  );
  return { prepared, signed, result };
}

/** Casts an already signed ballot (any caller, any proof, any resupplied list). */
export function sendBallot(
  f: ElectionFixture,
  signed: SignedBallot,
  proof: readonly Hex[],
  superseded: readonly Ciphertext[] = [],
  caller: Clients = f.gateway,
): Promise<CastResult> {
  return castBallot(caller, f.addresses.election, signed, proof, superseded);
}

export async function readAllTotals(f: ElectionFixture): Promise<Ciphertext[][]> {
  return Promise.all(
    f.config.contests.map(async (_, j) => {
      const totals = await f.publicClient.readContract({
        address: f.addresses.election,
        abi: electionAbi,
        functionName: "totals",
        args: [BigInt(j)],
      });
      return totals.map((t) => ({
        alpha: { x: t.alpha.x, y: t.alpha.y },
        beta: { x: t.beta.x, y: t.beta.y },
      }));
    }),
  );
}

/** The expected encrypted totals: per contest and option, the homomorphic sum (§4.3) of `ballots`. */
export function homomorphicTotals(f: ElectionFixture, ballots: readonly Ballot[]): Ciphertext[][] {
  return f.config.contests.map((contest, j) =>
    Array.from(
      { length: contest.options },
      (_, o) =>
        addCiphertexts(
          ballots.flatMap((b) =>
            b.contests
              .filter((c) => c.contestId === BigInt(j))
              .map((c) => decodeCiphertext(c.ciphertexts[o])),
          ),
        ).wire,
    ),
  );
}

export async function readRecord(f: ElectionFixture, credential: Address): Promise<Hex> {
  return f.publicClient.readContract({
    address: f.addresses.election,
    abi: electionAbi,
    functionName: "ballotRecord",
    args: [credential],
  });
}

export async function readSpoiled(f: ElectionFixture, hash: Hex): Promise<boolean> {
  return f.publicClient.readContract({
    address: f.addresses.election,
    abi: electionAbi,
    functionName: "isSpoiled",
    args: [hash],
  });
}

export async function ballotCastEvents(f: ElectionFixture) {
  return f.publicClient.getContractEvents({
    address: f.addresses.election,
    abi: electionAbi,
    eventName: "BallotCast",
    fromBlock: 0n,
  });
}

export async function ballotSpoiledEvents(f: ElectionFixture) {
  return f.publicClient.getContractEvents({
    address: f.addresses.election,
    abi: electionAbi,
    eventName: "BallotSpoiled",
    fromBlock: 0n,
  });
}

export interface LedgerSnapshot {
  totals: Ciphertext[][];
  records: Hex[];
  spoiled: boolean[];
  castEvents: number;
  spoiledEvents: number;
}

export interface Watch {
  /** Credentials whose ballot record must not change (every fixture voter by default). */
  credentials?: readonly Address[];
  /** Ciphertext hashes whose spoiled flag must not change. */
  hashes?: readonly Hex[];
}

/** Everything a ballot call could change: every total, the records, spoiled flags, events. */
export async function snapshot(f: ElectionFixture, watch: Watch = {}): Promise<LedgerSnapshot> {
  const credentials = watch.credentials ?? f.voters.map((v) => v.account.address);
  return {
    totals: await readAllTotals(f),
    records: await Promise.all(credentials.map((c) => readRecord(f, c))),
    spoiled: await Promise.all((watch.hashes ?? []).map((h) => readSpoiled(f, h))),
    castEvents: (await ballotCastEvents(f)).length,
    spoiledEvents: (await ballotSpoiledEvents(f)).length,
  };
}

/**
 * Runs `action`, expects the contract to reject it with `errorName` (and `args`, when given),
 * and checks that no total, record or spoiled flag changed and no BallotCast / BallotSpoiled
 * event was emitted.
 */
export async function expectRejected(
  f: ElectionFixture,
  action: () => Promise<unknown>,
  errorName: string,
  args?: readonly unknown[],
  watch: Watch = {},
): Promise<ContractRejectedError> {
  const before = await snapshot(f, watch);
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${errorName}, but the call succeeded`).to.not.equal(undefined);
  if (!(caught instanceof ContractRejectedError)) {
    throw new Error(`expected ContractRejectedError(${errorName}), got: ${String(caught)}`, {
      cause: caught,
    });
  }
  expect(caught.errorName, caught.message).to.equal(errorName);
  if (args) expect(caught.args).to.deep.equal(args);
  const after = await snapshot(f, watch);
  expect(after, "a rejected call changed the ledger").to.deep.equal(before);
  return caught;
}
