/**
 * The voter's device: prepares an encrypted ballot for its constituency (§12.1), signs it with
 * the credential (§12.3), computes the receipt (§12.4), and opens a ballot for a Benaloh
 * challenge instead of casting it (§12.7).
 */
import type { Address, Hex } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import {
  csprng,
  encodeMessage,
  encryptContest,
  GENERATOR,
  GROUP_ORDER,
  MalformedInputError,
  decodeCiphertext,
  type ContestSecrets,
  type ElectionKey,
  type RandomSource,
} from "../crypto";
import { ballotDigest, ballotTypedData, ciphertextsHash, receiptHash } from "./hashes";
import { ZERO_HASH, type Ballot, type ContestBallot, type ContestConfig } from "./types";

/** What a device needs to know about the election, all read from the chain. */
export interface BallotContext {
  chainId: bigint;
  election: Address;
  electionId: Hex;
  /** The joint election key; undefined until the trustees' ceremony is sealed (§13.4). */
  key: ElectionKey | undefined;
  contests: readonly ContestConfig[];
  constituencyContests: readonly (readonly bigint[])[];
}

/** The sealed election key, or a typed error saying that ballots cannot be made yet. */
export function sealedKey(context: Pick<BallotContext, "key">): ElectionKey {
  if (!context.key) {
    throw new MalformedInputError(
      "election key",
      "the trustees' key ceremony is not sealed yet, so no ballot can be encrypted",
      "§13.4",
    );
  }
  return context.key;
}

export interface PreparedBallot {
  ballot: Ballot;
  /** Nonces and selections: secret, kept on the device, revealed only to open the ballot. */
  secrets: ContestSecrets[];
  ciphertextsHash: Hex;
}

export interface SignedBallot {
  ballot: Ballot;
  signature: Hex;
  digest: Hex;
  receipt: Hex;
  ciphertextsHash: Hex;
}

/** §12.1: encrypts `selections[i]` (0/1 per candidate) for the i-th contest of the constituency. */
export function prepareBallot(
  context: BallotContext,
  credential: Address,
  constituency: number,
  selections: readonly (readonly number[])[],
  previousReceipt: Hex = ZERO_HASH,
  random: RandomSource = csprng,
): PreparedBallot {
  const contestIds = context.constituencyContests[constituency];
  if (!contestIds) {
    throw new MalformedInputError(
      "constituency",
      `no constituency ${constituency} in this election`,
      "§10.1",
    );
  }
  if (selections.length !== contestIds.length) {
    throw new MalformedInputError(
      "selections",
      `constituency ${constituency} has ${contestIds.length} contests, got choices for ${selections.length}`,
      "§12.1",
    );
  }
  const key = sealedKey(context);
  const contests: ContestBallot[] = [];
  const secrets: ContestSecrets[] = [];
  contestIds.forEach((contestId, i) => {
    const config = context.contests[Number(contestId)];
    const { contest, secrets: contestSecrets } = encryptContest(
      { electionId: context.electionId, voter: credential, key },
      { contestIndex: Number(contestId), ...config },
      selections[i],
      random,
    );
    contests.push({
      contestId,
      ciphertexts: contest.ciphertexts,
      optionProofs: contest.optionProofs,
      selectionProof: contest.selectionProof,
    });
    secrets.push(contestSecrets);
  });
  const ballot: Ballot = {
    credential,
    constituency: BigInt(constituency),
    previousReceipt,
    contests,
  };
  return { ballot, secrets, ciphertextsHash: ciphertextsHash(contests) };
}

/** §12.3–§12.4: signs with the credential and computes the receipt the chain will record. */
export async function signBallot(
  context: BallotContext,
  prepared: PreparedBallot,
  account: PrivateKeyAccount,
): Promise<SignedBallot> {
  if (account.address.toLowerCase() !== prepared.ballot.credential.toLowerCase()) {
    throw new MalformedInputError(
      "credential",
      "the signing key is not the ballot's credential",
      "§12.3",
    );
  }
  const typedData = ballotTypedData(context.chainId, context.election, prepared.ballot);
  const signature = await account.signTypedData(typedData);
  const digest = ballotDigest(context.chainId, context.election, prepared.ballot);
  return {
    ballot: prepared.ballot,
    signature,
    digest,
    receipt: receiptHash(context.electionId, digest, signature),
    ciphertextsHash: prepared.ciphertextsHash,
  };
}

/** §12.7: the opening of a challenged ballot, flattened in ballot order. */
export interface BallotOpening {
  constituency: bigint;
  contests: ContestBallot[];
  nonces: bigint[];
  selections: bigint[];
}

export function openBallot(prepared: PreparedBallot): BallotOpening {
  return {
    constituency: prepared.ballot.constituency,
    contests: prepared.ballot.contests,
    nonces: prepared.secrets.flatMap((s) => s.nonces),
    selections: prepared.secrets.flatMap((s) => s.selections.map(BigInt)),
  };
}

/**
 * §12.7 check, done on a second device: every α = ρG and β = ρK + mG. Returns the decrypted
 * selections per contest, or throws naming the first option that does not open.
 */
export function checkOpening(key: ElectionKey, opening: BallotOpening): number[][] {
  let flat = 0;
  return opening.contests.map((contest) =>
    contest.ciphertexts.map((ciphertext, option) => {
      const nonce = opening.nonces[flat];
      const selection = opening.selections[flat];
      flat++;
      const decoded = decodeCiphertext(ciphertext);
      const opens =
        nonce !== undefined &&
        nonce > 0n &&
        nonce < GROUP_ORDER &&
        (selection === 0n || selection === 1n) &&
        GENERATOR.multiply(nonce).equals(decoded.alpha) &&
        key.element.multiply(nonce).add(encodeMessage(selection)).equals(decoded.beta);
      if (!opens) {
        throw new MalformedInputError(
          `contest ${contest.contestId} option ${option}`,
          "the revealed nonce and choice do not open the ciphertext",
          "§12.7",
        );
      }
      return Number(selection);
    }),
  );
}
