/**
 * Reads the whole public record of one election from the chain: every event of its three
 * contracts, the ballots' content from the calldata of the transactions that cast them, the
 * block timestamps, the parameters and the encrypted totals from view calls. Trusts nothing
 * but the RPC and the election's addresses; everything read is re-checked by verifyElection.
 */
import { decodeFunctionData, type Address, type Hex, type PublicClient } from "viem";
import type {
  Ciphertext,
  DleqProof,
  Point,
  RangeProof,
  SchnorrProof,
  ZeroOneProof,
} from "../crypto";
import {
  ballotDigest,
  electionAbi,
  electionTallyAbi,
  keyCeremonyAbi,
  receiptHash,
  type Ballot,
  type ContestBallot,
  type ElectionAddresses,
} from "../election";
import type {
  DecodedSubmission,
  ElectionRecord,
  EventMeta,
  RecordedBallot,
  RecordedSpoiled,
} from "./types";

export interface ReadRecordOptions {
  /** First block to scan (the election's creation block); 0 by default. */
  fromBlock?: bigint;
  /** Last block to scan; the latest block by default. */
  toBlock?: bigint;
}

// ---------------------------------------------------------------------------------------------
// Normalisation of viem's decoded (readonly, structurally typed) values to plain record data.

interface RawPoint {
  x: bigint;
  y: bigint;
}
interface RawCiphertext {
  alpha: RawPoint;
  beta: RawPoint;
}
interface RawZeroOne {
  a0: RawPoint;
  b0: RawPoint;
  a1: RawPoint;
  b1: RawPoint;
  c0: bigint;
  v0: bigint;
  v1: bigint;
}
interface RawRange {
  a: readonly RawPoint[];
  b: readonly RawPoint[];
  c: readonly bigint[];
  v: readonly bigint[];
}
interface RawContest {
  contestId: bigint;
  ciphertexts: readonly RawCiphertext[];
  optionProofs: readonly RawZeroOne[];
  selectionProof: RawRange;
}
interface RawBallot {
  credential: Address;
  constituency: bigint;
  previousReceipt: Hex;
  contests: readonly RawContest[];
}

const point = (p: RawPoint): Point => ({ x: p.x, y: p.y });
const ciphertext = (c: RawCiphertext): Ciphertext => ({
  alpha: point(c.alpha),
  beta: point(c.beta),
});
const zeroOne = (p: RawZeroOne): ZeroOneProof => ({
  a0: point(p.a0),
  b0: point(p.b0),
  a1: point(p.a1),
  b1: point(p.b1),
  c0: p.c0,
  v0: p.v0,
  v1: p.v1,
});
const range = (p: RawRange): RangeProof => ({
  a: p.a.map(point),
  b: p.b.map(point),
  c: [...p.c],
  v: [...p.v],
});
const contest = (c: RawContest): ContestBallot => ({
  contestId: c.contestId,
  ciphertexts: c.ciphertexts.map(ciphertext),
  optionProofs: c.optionProofs.map(zeroOne),
  selectionProof: range(c.selectionProof),
});
const ballot = (b: RawBallot): Ballot => ({
  credential: b.credential,
  constituency: b.constituency,
  previousReceipt: b.previousReceipt,
  contests: b.contests.map(contest),
});
const schnorr = (p: { h: RawPoint; u: bigint }): SchnorrProof => ({ h: point(p.h), u: p.u });
const dleq = (p: { a: RawPoint; b: RawPoint; v: bigint }): DleqProof => ({
  a: point(p.a),
  b: point(p.b),
  v: p.v,
});

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

/** Reads the election's record; see {@link ElectionRecord}. */
export async function readElectionRecord(
  publicClient: PublicClient,
  addresses: ElectionAddresses,
  options: ReadRecordOptions = {},
): Promise<ElectionRecord> {
  const fromBlock = options.fromBlock ?? 0n;
  const toBlock = options.toBlock ?? (await publicClient.getBlockNumber());
  const at = { blockNumber: toBlock } as const;
  const election = { address: addresses.election, abi: electionAbi } as const;
  const ceremony = { address: addresses.ceremony, abi: keyCeremonyAbi } as const;
  const tally = { address: addresses.tally, abi: electionTallyAbi } as const;
  const range = { fromBlock, toBlock, strict: true } as const;

  // --- parameters (view calls at toBlock) ---
  const [electionId, schedule, sizes, parameters, chainId] = await Promise.all([
    publicClient.readContract({ ...election, ...at, functionName: "electionId" }),
    publicClient.readContract({ ...election, ...at, functionName: "schedule" }),
    publicClient.readContract({ ...election, ...at, functionName: "sizes" }),
    publicClient.readContract({ ...ceremony, ...at, functionName: "parameters" }),
    publicClient.getChainId(),
  ]);
  const [contestCount, constituencyCount] = sizes;
  const contests = [];
  const totals: Ciphertext[][] = [];
  for (let j = 0n; j < contestCount; j++) {
    const c = await publicClient.readContract({
      ...election,
      ...at,
      functionName: "contest",
      args: [j],
    });
    contests.push({
      options: c.options,
      minSelections: c.minSelections,
      maxSelections: c.maxSelections,
    });
    const t = await publicClient.readContract({
      ...election,
      ...at,
      functionName: "totals",
      args: [j],
    });
    totals.push(t.map(ciphertext));
  }
  const constituencyContests: bigint[][] = [];
  for (let v = 0n; v < constituencyCount; v++) {
    const ids = await publicClient.readContract({
      ...election,
      ...at,
      functionName: "constituencyContests",
      args: [v],
    });
    constituencyContests.push([...ids]);
  }

  // --- events ---
  const [
    commitmentsLogs,
    shareLogs,
    confirmLogs,
    complaintLogs,
    failedLogs,
    sealedLogs,
    rootLogs,
    keyLogs,
    castLogs,
    spoiledLogs,
    decryptionLogs,
    finalizedLogs,
    excludedLogs,
  ] = await Promise.all([
    publicClient.getContractEvents({ ...ceremony, ...range, eventName: "CommitmentsPosted" }),
    publicClient.getContractEvents({ ...ceremony, ...range, eventName: "SharePosted" }),
    publicClient.getContractEvents({ ...ceremony, ...range, eventName: "SharesConfirmed" }),
    publicClient.getContractEvents({ ...ceremony, ...range, eventName: "ComplaintDecided" }),
    publicClient.getContractEvents({ ...ceremony, ...range, eventName: "CeremonyFailed" }),
    publicClient.getContractEvents({ ...ceremony, ...range, eventName: "CeremonySealed" }),
    publicClient.getContractEvents({ ...election, ...range, eventName: "EligibilityRootSet" }),
    publicClient.getContractEvents({ ...election, ...range, eventName: "ElectionKeySet" }),
    publicClient.getContractEvents({ ...election, ...range, eventName: "BallotCast" }),
    publicClient.getContractEvents({ ...election, ...range, eventName: "BallotSpoiled" }),
    publicClient.getContractEvents({ ...tally, ...range, eventName: "DecryptionSharesPosted" }),
    publicClient.getContractEvents({ ...tally, ...range, eventName: "ContestFinalized" }),
    publicClient.getContractEvents({ ...tally, ...range, eventName: "ContestExcluded" }),
  ]);

  const timestamps = new Map<bigint, bigint>();
  const meta = async (log: {
    blockNumber: bigint;
    transactionHash: Hex;
    logIndex: number;
  }): Promise<EventMeta> => {
    let timestamp = timestamps.get(log.blockNumber);
    if (timestamp === undefined) {
      timestamp = (await publicClient.getBlock({ blockNumber: log.blockNumber })).timestamp;
      timestamps.set(log.blockNumber, timestamp);
    }
    return {
      blockNumber: log.blockNumber,
      timestamp,
      transactionHash: log.transactionHash,
      logIndex: log.logIndex,
    };
  };
  const inputs = new Map<Hex, Promise<{ to: Address | null; input: Hex }>>();
  const transactionInput = (hash: Hex) => {
    let pending = inputs.get(hash);
    if (!pending) {
      pending = publicClient.getTransaction({ hash }).then((t) => ({ to: t.to, input: t.input }));
      inputs.set(hash, pending);
    }
    return pending;
  };

  // --- ballots: content from calldata ---
  const ballots: RecordedBallot[] = [];
  const castIndexInTx = new Map<Hex, number>();
  for (const log of castLogs) {
    const position = castIndexInTx.get(log.transactionHash) ?? 0;
    castIndexInTx.set(log.transactionHash, position + 1);
    const recorded: RecordedBallot = {
      meta: await meta(log),
      credential: log.args.credential,
      constituency: log.args.constituency,
      receipt: log.args.receipt,
      supersededReceipt: log.args.supersededReceipt,
      ciphertextsHash: log.args.ciphertextsHash,
      submission: undefined,
      decodeError: undefined,
    };
    try {
      recorded.submission = await decodeCast(
        await transactionInput(log.transactionHash),
        addresses.election,
        BigInt(chainId),
        electionId,
        log.args.receipt,
        position,
      );
    } catch (error) {
      recorded.decodeError = message(error);
    }
    ballots.push(recorded);
  }

  const spoiled: RecordedSpoiled[] = [];
  for (const log of spoiledLogs) {
    const recorded: RecordedSpoiled = {
      meta: await meta(log),
      constituency: log.args.constituency,
      ciphertextsHash: log.args.ciphertextsHash,
      nonces: [...log.args.nonces],
      selections: [...log.args.selections],
      contests: undefined,
      decodeError: undefined,
    };
    try {
      const tx = await transactionInput(log.transactionHash);
      if (tx.to?.toLowerCase() !== addresses.election.toLowerCase()) {
        throw new Error(`transaction ${log.transactionHash} does not call the election directly`);
      }
      const call = decodeFunctionData({ abi: electionAbi, data: tx.input });
      if (call.functionName !== "publishSpoiledBallot") {
        throw new Error(`transaction calls ${call.functionName}, not publishSpoiledBallot`);
      }
      recorded.contests = (call.args[1] as readonly RawContest[]).map(contest);
    } catch (error) {
      recorded.decodeError = message(error);
    }
    spoiled.push(recorded);
  }

  const sealedLog = sealedLogs[0];
  const keyLog = keyLogs[0];
  return {
    addresses,
    chainId: BigInt(chainId),
    electionId,
    fromBlock,
    toBlock,
    parameters: {
      pollingStart: schedule[0],
      pollingEnd: schedule[1],
      manifestHash: schedule[2],
      kdfLog2N: schedule[3],
      contests,
      constituencyContests,
      trustees: Number(parameters[0]),
      threshold: Number(parameters[1]),
    },
    ceremony: {
      commitments: await Promise.all(
        commitmentsLogs.map(async (l) => ({
          meta: await meta(l),
          trustee: Number(l.args.trustee),
          commitments: l.args.commitments.map(point),
          proofs: l.args.proofs.map(schnorr),
        })),
      ),
      shares: await Promise.all(
        shareLogs.map(async (l) => ({
          meta: await meta(l),
          dealer: Number(l.args.dealer),
          recipient: Number(l.args.recipient),
          ephemeral: point(l.args.ephemeral),
          masked: l.args.masked,
        })),
      ),
      confirmations: await Promise.all(
        confirmLogs.map(async (l) => ({ meta: await meta(l), trustee: Number(l.args.trustee) })),
      ),
      complaints: await Promise.all(
        complaintLogs.map(async (l) => ({
          meta: await meta(l),
          dealer: Number(l.args.dealer),
          recipient: Number(l.args.recipient),
          upheld: l.args.upheld,
          sharedPoint: point(l.args.sharedPoint),
          proof: dleq(l.args.proof),
        })),
      ),
      failures: await Promise.all(
        failedLogs.map(async (l) => ({ meta: await meta(l), dealer: Number(l.args.dealer) })),
      ),
      sealed: sealedLog
        ? {
            meta: await meta(sealedLog),
            jointKey: point(sealedLog.args.jointKey),
            shareKeys: sealedLog.args.shareKeys.map(point),
          }
        : undefined,
    },
    roll: await Promise.all(
      rootLogs.map(async (l) => ({
        meta: await meta(l),
        constituency: l.args.constituency,
        root: l.args.root,
        voters: l.args.voters,
      })),
    ),
    electionKey: keyLog ? { meta: await meta(keyLog), key: point(keyLog.args.key) } : undefined,
    ballots,
    spoiled,
    totals,
    decryptions: await Promise.all(
      decryptionLogs.map(async (l) => ({
        meta: await meta(l),
        contestId: l.args.contestId,
        trustee: Number(l.args.trustee),
        partials: l.args.partials.map(point),
        proofs: l.args.proofs.map(dleq),
      })),
    ),
    finalizations: await Promise.all(
      finalizedLogs.map(async (l) => ({
        meta: await meta(l),
        contestId: l.args.contestId,
        counts: [...l.args.counts],
        trustees: l.args.trustees.map(Number),
      })),
    ),
    exclusions: await Promise.all(
      excludedLogs.map(async (l) => ({
        meta: await meta(l),
        contestId: l.args.contestId,
        orderHash: l.args.orderHash,
      })),
    ),
  };
}

/**
 * Decodes the ballot a BallotCast event records from its transaction's calldata. For a batch,
 * the submission whose receipt matches the event's is taken (the events follow the submissions
 * in order, which is the fallback).
 */
async function decodeCast(
  tx: { to: Address | null; input: Hex },
  election: Address,
  chainId: bigint,
  electionId: Hex,
  receipt: Hex,
  position: number,
): Promise<DecodedSubmission> {
  if (tx.to?.toLowerCase() !== election.toLowerCase()) {
    throw new Error(
      `the ballot was cast through another contract (${tx.to ?? "creation"}), its calldata cannot be decoded`,
    );
  }
  const call = decodeFunctionData({ abi: electionAbi, data: tx.input });
  if (call.functionName === "castBallot") {
    const [b, signature, , superseded] = call.args;
    return {
      via: "castBallot",
      ballot: ballot(b as RawBallot),
      signature,
      superseded: (superseded as readonly RawCiphertext[]).map(ciphertext),
    };
  }
  if (call.functionName === "castBallots") {
    const submissions = call.args[1];
    const decoded = submissions.map((s) => ({
      via: "castBallots" as const,
      ballot: ballot(s.ballot as RawBallot),
      signature: s.signature,
      superseded: (s.superseded as readonly RawCiphertext[]).map(ciphertext),
    }));
    const matching = decoded.find(
      (s) =>
        receiptHash(electionId, ballotDigest(chainId, election, s.ballot), s.signature) === receipt,
    );
    const chosen = matching ?? decoded[position];
    if (!chosen) throw new Error(`batch has no submission for event ${position}`);
    return chosen;
  }
  throw new Error(`the transaction calls ${call.functionName}, not castBallot or castBallots`);
}
