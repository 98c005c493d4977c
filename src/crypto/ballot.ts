/**
 * §8: an encrypted contest ballot — one 0/1 ciphertext with its option proof per candidate,
 * and a selection proof over their sum — and its verification, one by one or batched.
 */
import {
  addCiphertexts,
  decodeCiphertext,
  encryptWithNonce,
  type Ciphertext,
  type DecodedCiphertext,
  type ElectionKey,
} from "./elgamal";
import { allHoldBatched, allHoldOneByOne, type Equation } from "./equations";
import { InvalidProofError, MalformedInputError } from "./errors";
import { modR } from "./group";
import { proveSelection, selectionEquations, type SelectionRule } from "./proofs/selection";
import type { RangeProof } from "./proofs/range";
import { proveZeroOne, zeroOneEquations, type ZeroOneProof } from "./proofs/zero-one";
import { csprng, randomScalar, type RandomSource } from "./random";
import type { BallotContext } from "./transcript";

export interface ContestParameters extends SelectionRule {
  contestIndex: number;
  /** Number of candidates (options), n ≥ 1. */
  options: number;
}

/** Identical in shape to what the ledger stores per contest. */
export interface EncryptedContest {
  contestIndex: number;
  ciphertexts: Ciphertext[];
  optionProofs: ZeroOneProof[];
  selectionProof: RangeProof;
}

/** The nonces of one contest: secret; revealed only to open a ballot (Benaloh challenge). */
export interface ContestSecrets {
  contestIndex: number;
  selections: number[];
  nonces: bigint[];
}

export function checkContestParameters(params: ContestParameters): void {
  const { options, minSelections, maxSelections, contestIndex } = params;
  const field = `contest ${contestIndex}`;
  if (!Number.isSafeInteger(options) || options < 1) {
    throw new MalformedInputError(field, "must have at least one option", "§8.1");
  }
  const ok =
    Number.isSafeInteger(minSelections) &&
    Number.isSafeInteger(maxSelections) &&
    minSelections >= 0 &&
    minSelections <= maxSelections &&
    maxSelections <= options;
  if (!ok) {
    throw new MalformedInputError(
      field,
      `selection rule [${minSelections}, ${maxSelections}] must satisfy 0 ≤ min ≤ max ≤ ${options}`,
      "§5.3.3",
    );
  }
}

export interface BallotSubject {
  electionId: BallotContext["electionId"];
  voter: BallotContext["voter"];
  key: ElectionKey;
}

/** Encrypts a voter's 0/1 selections for one contest and proves the ballot well formed. */
export function encryptContest(
  subject: BallotSubject,
  params: ContestParameters,
  selections: readonly number[],
  random: RandomSource = csprng,
): { contest: EncryptedContest; secrets: ContestSecrets } {
  checkContestParameters(params);
  const field = `contest ${params.contestIndex} selections`;
  if (selections.length !== params.options || selections.some((s) => s !== 0 && s !== 1)) {
    throw new MalformedInputError(field, `must be ${params.options} values, each 0 or 1`, "§8.1");
  }
  const selected = selections.reduce((sum, s) => sum + s, 0);
  if (selected < params.minSelections || selected > params.maxSelections) {
    throw new MalformedInputError(
      field,
      `${selected} selected, allowed ${params.minSelections} to ${params.maxSelections}`,
      "§5.3",
    );
  }
  const context = {
    electionId: subject.electionId,
    contestIndex: params.contestIndex,
    voter: subject.voter,
  };
  const nonces = selections.map(() => randomScalar(random));
  const decoded = selections.map((s, i) => encryptWithNonce(subject.key, BigInt(s), nonces[i]));
  const optionProofs = decoded.map((ciphertext, i) =>
    proveZeroOne(
      { context, optionIndex: i, key: subject.key, ciphertext },
      { value: selections[i] as 0 | 1, nonce: nonces[i] },
      random,
    ),
  );
  const aggregate = addCiphertexts(decoded);
  const aggregateNonce = modR(nonces.reduce((sum, n) => sum + n, 0n));
  const selectionProof = proveSelection(
    { context, rule: params, key: subject.key, aggregate },
    { selected, aggregateNonce },
    random,
  );
  return {
    contest: {
      contestIndex: params.contestIndex,
      ciphertexts: decoded.map((c) => c.wire),
      optionProofs,
      selectionProof,
    },
    secrets: { contestIndex: params.contestIndex, selections: [...selections], nonces },
  };
}

/** Names one failing proof of a contest ballot: an option index, or "selection". */
export type ProofLocation = number | "selection";

interface PreparedContest {
  ciphertexts: DecodedCiphertext[];
  groups: Array<{ location: ProofLocation; equations: Equation[] }>;
}

/** §8.2.1–8.2.3 without the group checks: decoding, lengths, challenges, equations. */
function prepare(
  subject: BallotSubject,
  params: ContestParameters,
  contest: EncryptedContest,
): PreparedContest {
  checkContestParameters(params);
  const label = `contest ${params.contestIndex}`;
  if (contest.contestIndex !== params.contestIndex) {
    throw new MalformedInputError(label, `ballot is for contest ${contest.contestIndex}`, "§8.1");
  }
  if (
    contest.ciphertexts?.length !== params.options ||
    contest.optionProofs?.length !== params.options
  ) {
    throw new MalformedInputError(
      label,
      `expected ${params.options} ciphertexts and option proofs`,
      "§8.2",
    );
  }
  const context = {
    electionId: subject.electionId,
    contestIndex: params.contestIndex,
    voter: subject.voter,
  };
  const ciphertexts = contest.ciphertexts.map((c, i) =>
    decodeCiphertext(c, `${label} option ${i} ciphertext`),
  );
  const groups: PreparedContest["groups"] = ciphertexts.map((ciphertext, i) => ({
    location: i,
    equations: zeroOneEquations(
      { context, optionIndex: i, key: subject.key, ciphertext },
      contest.optionProofs[i],
    ),
  }));
  const aggregate = addCiphertexts(ciphertexts);
  groups.push({
    location: "selection",
    equations: selectionEquations(
      { context, rule: params, key: subject.key, aggregate },
      contest.selectionProof,
    ),
  });
  return { ciphertexts, groups };
}

export interface VerifyOptions {
  /** Check every equation on its own (the reference path) instead of one batch (§8.3). */
  oneByOne?: boolean;
  random?: RandomSource;
}

/**
 * Verifies a contest ballot and lists every failing proof (empty when valid). Malformed input
 * (bad points, scalars, lengths) throws a typed error instead. The batched path gives the same
 * list as the one-by-one path: when the batch fails, each proof is checked on its own.
 */
export function findInvalidProofs(
  subject: BallotSubject,
  params: ContestParameters,
  contest: EncryptedContest,
  options: VerifyOptions = {},
): ProofLocation[] {
  const { groups } = prepare(subject, params, contest);
  if (
    !options.oneByOne &&
    allHoldBatched(
      groups.flatMap((g) => g.equations),
      options.random ?? csprng,
    )
  ) {
    return [];
  }
  return groups.filter((g) => !allHoldOneByOne(g.equations)).map((g) => g.location);
}

/** Throws InvalidProofError naming the first failing proof of the contest ballot. */
export function verifyContest(
  subject: BallotSubject,
  params: ContestParameters,
  contest: EncryptedContest,
  options: VerifyOptions = {},
): void {
  const invalid = findInvalidProofs(subject, params, contest, options);
  if (invalid.length === 0) return;
  const first = invalid[0];
  throw first === "selection"
    ? new InvalidProofError(
        "selection",
        `contest ${params.contestIndex} selection proof does not verify`,
        "§5.3.3",
      )
    : new InvalidProofError(
        "zero-one",
        `contest ${params.contestIndex} option ${first} proof does not verify`,
        "§5.2.3",
      );
}
