/** The gateway relays voters' signed ballots and challenged (spoiled) ballots (§12.6, §12.7). */
import { parseEventLogs, type Address, type Hex } from "viem";
import type { Ciphertext } from "../crypto";
import { electionAbi } from "./abi";
import type { BallotOpening, SignedBallot } from "./ballot";
import { transact, type Clients } from "./transact";

export interface CastResult {
  receipt: Hex;
  supersededReceipt: Hex;
  blockNumber: bigint;
  transactionHash: Hex;
  gasUsed: bigint;
}

/**
 * Casts a signed ballot. `superseded` is the flattened ciphertexts of the credential's previous
 * ballot (empty for a first ballot), which the contract checks against its record.
 */
export async function castBallot(
  clients: Clients,
  election: Address,
  signed: SignedBallot,
  eligibilityProof: readonly Hex[],
  superseded: readonly Ciphertext[] = [],
): Promise<CastResult> {
  const receipt = await transact(clients, {
    address: election,
    abi: electionAbi,
    functionName: "castBallot",
    args: [signed.ballot, signed.signature, [...eligibilityProof], [...superseded]],
  });
  const [event] = parseEventLogs({ abi: electionAbi, logs: receipt.logs, eventName: "BallotCast" });
  if (!event) throw new Error("castBallot emitted no BallotCast event");
  if (event.args.receipt !== signed.receipt) {
    throw new Error(
      `the chain recorded receipt ${event.args.receipt}, the device computed ${signed.receipt}`,
    );
  }
  return {
    receipt: event.args.receipt,
    supersededReceipt: event.args.supersededReceipt,
    blockNumber: receipt.blockNumber,
    transactionHash: receipt.transactionHash,
    gasUsed: receipt.gasUsed,
  };
}

/** Publishes an opened ballot as spoiled; it can never be cast afterwards. */
export async function publishSpoiledBallot(
  clients: Clients,
  election: Address,
  opening: BallotOpening,
): Promise<void> {
  await transact(clients, {
    address: election,
    abi: electionAbi,
    functionName: "publishSpoiledBallot",
    args: [opening.constituency, opening.contests, opening.nonces, opening.selections],
  });
}

/** One ballot of a batch, as castBallots takes it. */
export interface BallotSubmissionInput {
  signed: SignedBallot;
  eligibilityProof: readonly Hex[];
  superseded?: readonly Ciphertext[];
}

/**
 * Casts several ballots of one constituency in one transaction (§12.6 for each; totals written
 * once). Any invalid ballot reverts the whole batch, so a gateway checks ballots first.
 */
export async function castBallots(
  clients: Clients,
  election: Address,
  constituency: bigint,
  submissions: readonly BallotSubmissionInput[],
): Promise<CastResult[]> {
  const receipt = await transact(clients, {
    address: election,
    abi: electionAbi,
    functionName: "castBallots",
    args: [
      constituency,
      submissions.map((s) => ({
        ballot: s.signed.ballot,
        signature: s.signed.signature,
        eligibilityProof: [...s.eligibilityProof],
        superseded: [...(s.superseded ?? [])],
      })),
    ],
  });
  const events = parseEventLogs({ abi: electionAbi, logs: receipt.logs, eventName: "BallotCast" });
  if (events.length !== submissions.length) {
    throw new Error(
      `castBallots recorded ${events.length} ballots, ${submissions.length} were sent`,
    );
  }
  return events.map((event, i) => {
    if (event.args.receipt !== submissions[i].signed.receipt) {
      throw new Error(
        `ballot ${i}: the chain recorded receipt ${event.args.receipt}, the device computed ${submissions[i].signed.receipt}`,
      );
    }
    return {
      receipt: event.args.receipt,
      supersededReceipt: event.args.supersededReceipt,
      blockNumber: receipt.blockNumber,
      transactionHash: receipt.transactionHash,
      gasUsed: receipt.gasUsed / BigInt(submissions.length),
    };
  });
}
