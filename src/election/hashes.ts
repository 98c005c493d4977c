/** Ballot hashes, EIP-712 typed data and receipts (§12.2–§12.5), identical to BallotHashing.sol. */
import {
  encodeAbiParameters,
  hashTypedData,
  keccak256,
  type AbiParameter,
  type Address,
  type Hex,
} from "viem";
import { DomainTag, hashWords, wordToHex } from "../crypto";
import { electionAbi } from "./abi";
import type { Ballot, ContestBallot } from "./types";
import type { Ciphertext } from "../crypto";

/** §9 TAG_RECEIPT. */
export const TAG_RECEIPT: Hex = wordToHex(DomainTag.receipt);

/** The ABI parameter of `ContestBallot[]`, taken from the compiled Election so both sides agree. */
const contestsParameter: AbiParameter = (() => {
  const castBallot = electionAbi.find(
    (item) => item.type === "function" && item.name === "castBallot",
  );
  if (!castBallot || castBallot.type !== "function")
    throw new Error("Election ABI has no castBallot");
  const ballot = castBallot.inputs[0] as { components: readonly AbiParameter[] };
  const contests = ballot.components.find((c) => c.name === "contests");
  if (!contests) throw new Error("Election ABI: Ballot has no contests");
  return contests;
})();

/** §12.2 ciphertextsHash over a flat list of ciphertexts in ballot order. */
export function flatCiphertextsHash(ciphertexts: readonly Ciphertext[]): Hex {
  return wordToHex(
    hashWords(ciphertexts.flatMap((c) => [c.alpha.x, c.alpha.y, c.beta.x, c.beta.y])),
  );
}

export function flattenCiphertexts(contests: readonly ContestBallot[]): Ciphertext[] {
  return contests.flatMap((c) => c.ciphertexts);
}

/** §12.2 ciphertextsHash of a ballot. */
export function ciphertextsHash(contests: readonly ContestBallot[]): Hex {
  return flatCiphertextsHash(flattenCiphertexts(contests));
}

/** §12.2 contentHash = keccak256(abi.encode(contests)). */
export function contentHash(contests: readonly ContestBallot[]): Hex {
  return keccak256(encodeAbiParameters([contestsParameter], [contests]));
}

/** §12.3 EIP-712 domain and type. */
export function ballotTypedData(chainId: bigint, election: Address, ballot: Ballot) {
  return {
    domain: { name: "Shafaf", version: "1", chainId, verifyingContract: election },
    types: {
      Ballot: [
        { name: "credential", type: "address" },
        { name: "constituency", type: "uint256" },
        { name: "previousReceipt", type: "bytes32" },
        { name: "contentHash", type: "bytes32" },
      ],
    },
    primaryType: "Ballot",
    message: {
      credential: ballot.credential,
      constituency: ballot.constituency,
      previousReceipt: ballot.previousReceipt,
      contentHash: contentHash(ballot.contests),
    },
  } as const;
}

/** §12.3 ballotDigest. */
export function ballotDigest(chainId: bigint, election: Address, ballot: Ballot): Hex {
  return hashTypedData(ballotTypedData(chainId, election, ballot));
}

/** §12.4 receipt = keccak256(TAG_RECEIPT ‖ electionId ‖ ballotDigest ‖ keccak256(signature)). */
export function receiptHash(electionId: Hex, digest: Hex, signature: Hex): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "bytes32" }, { type: "bytes32" }, { type: "bytes32" }],
      [TAG_RECEIPT, electionId, digest, keccak256(signature)],
    ),
  );
}

/** §12.5 record = keccak256(receipt ‖ ciphertextsHash ‖ constituency). */
export function ballotRecord(receipt: Hex, ciphertexts: Hex, constituency: bigint): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "bytes32" }, { type: "uint256" }],
      [receipt, ciphertexts, constituency],
    ),
  );
}
