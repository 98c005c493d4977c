/**
 * A plaintext reference model of one election: the rules of docs/protocol.md §10–§12 without any
 * cryptography, for tests to compare with the chain after every step. Ballots carry their
 * selections in the clear; the model keeps the roll, the last-vote-counts records (§12.5), the
 * spoiled ciphertexts (§12.7) and the per-option totals the trustees would decrypt (§14).
 *
 * Hex strings (credentials, receipts, ciphertext ids) are compared case-insensitively and
 * returned in lower case.
 */

/** A contest (§10.1): `options` candidates, selection rule `minSelections … maxSelections` (§5.3). */
export interface ModelContest {
  options: number;
  minSelections: number;
  maxSelections: number;
}

/** The election's parameters (§10) and its trustee set (§6). */
export interface ModelConfig {
  /** First second of polling, UTC (§10.2). */
  pollingStart: number;
  /** First second after polling, UTC. */
  pollingEnd: number;
  /** Contests by id. */
  contests: ModelContest[];
  /** Per constituency, the ids of the contests on its ballot, strictly ascending. */
  constituencyContests: number[][];
  /** Number of trustees `n`. */
  trustees: number;
  /** Threshold `k`. */
  threshold: number;
}

/** Why the chain would reject a call, in the order the checks run (§12.6). */
export type ModelRejection =
  | "polling-closed"
  | "key-not-sealed"
  | "unknown-constituency"
  | "roll-not-published"
  | "not-eligible"
  | "contest-mismatch"
  | "shape-invalid"
  | "previous-ballot-mismatch"
  | "spoiled"
  | "selection-rule"
  | "roll-frozen";

/** A ballot in the clear. */
export interface ModelBallot {
  /** The voter's credential address (§11). */
  credential: string;
  constituency: number;
  /** The receipt of the ballot this one supersedes; {@link ZERO_RECEIPT} for a first ballot. */
  previousReceipt: string;
  /** This ballot's receipt (§12.4), as the chain records it. */
  receipt: string;
  /** Per contest of the ballot, 0/1 per option. */
  selections: number[][];
  /** The ballot's contest ids, in ballot order. */
  contestIds: number[];
  /** Identifies the ballot's ciphertexts (e.g. its `ciphertextsHash`, §12.2). */
  ciphertextsId: string;
}

/** The previous receipt of a first ballot (§12.5). */
export const ZERO_RECEIPT = `0x${"0".repeat(64)}`;

/** Limits of `Election._validateConfig` and `KeyCeremony.initialize`. */
const MAX_OPTIONS = 64;
const MAX_BRANCHES = 32;
const MAX_TRUSTEES = 255;

interface CountedBallot {
  credential: string;
  constituency: number;
  receipt: string;
  contestIds: number[];
  selections: number[][];
  totalOptions: number;
}

interface Roll {
  credentials: Set<string>;
  voters: number;
}

function isIndex(value: number, length: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value < length;
}

function key(hex: string): string {
  return hex.toLowerCase();
}

function copyConfig(config: ModelConfig): ModelConfig {
  return {
    pollingStart: config.pollingStart,
    pollingEnd: config.pollingEnd,
    contests: config.contests.map((contest) => ({ ...contest })),
    constituencyContests: config.constituencyContests.map((ids) => [...ids]),
    trustees: config.trustees,
    threshold: config.threshold,
  };
}

/** Throws a RangeError for parameters the chain would refuse at creation. */
function validateConfig(config: ModelConfig): void {
  const fail = (what: string): never => {
    throw new RangeError(`invalid election model config: ${what}`);
  };
  const { pollingStart, pollingEnd, contests, constituencyContests, trustees, threshold } = config;
  if (!Number.isSafeInteger(pollingStart) || !Number.isSafeInteger(pollingEnd)) {
    fail("the polling window must be whole Unix seconds");
  }
  if (pollingEnd <= pollingStart) fail("pollingEnd must be after pollingStart (§10.2)");
  if (contests.length === 0) fail("at least one contest is needed (§10.1)");
  contests.forEach(({ options, minSelections, maxSelections }, j) => {
    const integers = [options, minSelections, maxSelections].every(Number.isSafeInteger);
    if (
      !integers ||
      options < 1 ||
      options > MAX_OPTIONS ||
      minSelections < 0 ||
      minSelections > maxSelections ||
      maxSelections > options ||
      maxSelections - minSelections >= MAX_BRANCHES
    ) {
      fail(`contest ${j} breaks 1 ≤ options ≤ 64, 0 ≤ min ≤ max ≤ options, max − min < 32`);
    }
  });
  if (constituencyContests.length === 0) fail("at least one constituency is needed (§10.1)");
  constituencyContests.forEach((ids, v) => {
    if (ids.length === 0) fail(`constituency ${v} lists no contest`);
    ids.forEach((id, i) => {
      if (!isIndex(id, contests.length) || (i > 0 && id <= ids[i - 1])) {
        fail(`constituency ${v} must list existing contests, strictly ascending`);
      }
    });
  });
  if (
    !Number.isSafeInteger(trustees) ||
    !Number.isSafeInteger(threshold) ||
    trustees < 1 ||
    trustees > MAX_TRUSTEES ||
    threshold < 1 ||
    threshold > trustees
  ) {
    fail("the trustee set needs 1 ≤ threshold ≤ trustees ≤ 255 (§6)");
  }
}

/** The plaintext state of one election under the rules of §10–§12. */
export class ElectionModel {
  readonly config: ModelConfig;
  private readonly rolls = new Map<number, Roll>();
  private sealed = false;
  /** The counted (last) ballot of each credential. */
  private readonly counted = new Map<string, CountedBallot>();
  /** Every accepted receipt and the receipt that superseded it, if any. */
  private readonly receipts = new Map<string, { supersededBy?: string }>();
  private readonly spoiled = new Set<string>();
  private readonly tally: number[][];

  constructor(config: ModelConfig) {
    validateConfig(config);
    this.config = copyConfig(config);
    this.tally = this.config.contests.map(({ options }) => new Array<number>(options).fill(0));
  }

  /**
   * Publishes (or replaces) constituency `constituency`'s roll at block time `at` (§10.3); its
   * registered-voter count is `credentials.length`. Rejected once `at ≥ pollingStart`. An empty
   * roll throws: the chain refuses a zero root or count (`ElectionConfigInvalid("roll")`).
   */
  setRoll(constituency: number, credentials: string[], at: number): ModelRejection | undefined {
    if (at >= this.config.pollingStart) return "roll-frozen";
    if (!isIndex(constituency, this.config.constituencyContests.length)) {
      return "unknown-constituency";
    }
    if (credentials.length === 0) {
      throw new RangeError(`the roll of constituency ${constituency} is empty`);
    }
    this.rolls.set(constituency, {
      credentials: new Set(credentials.map(key)),
      voters: credentials.length,
    });
    return undefined;
  }

  /** The key ceremony sealed (§13.4); sealing again changes nothing (the chain reverts). */
  sealKey(): void {
    this.sealed = true;
  }

  /** True once {@link sealKey} was called. */
  get keySealed(): boolean {
    return this.sealed;
  }

  /**
   * Casts a ballot at block time `at` with the checks of §12.6 in order (the gateway role and the
   * signature are not modelled): polling open and key sealed; constituency, roll and eligibility;
   * shape (exactly the constituency's contests in order, each with the contest's option count);
   * previous receipt (the credential's last receipt, zero for a first ballot, and the superseded
   * ballot of the same total option count, as its resupplied ciphertexts must be); not spoiled;
   * then the proofs, which an honest device can only make for 0/1 selections within the contest's
   * `minSelections … maxSelections` ("selection-rule"). An accepted ballot supersedes the
   * credential's previous one: its selections leave the totals and the new ones enter them.
   */
  castBallot(ballot: ModelBallot, at: number): ModelRejection | undefined {
    const { config } = this;
    // §12.6.2
    if (at < config.pollingStart || at >= config.pollingEnd) return "polling-closed";
    if (!this.sealed) return "key-not-sealed";
    // §12.6.3
    const v = ballot.constituency;
    if (!isIndex(v, config.constituencyContests.length)) return "unknown-constituency";
    const roll = this.rolls.get(v);
    if (!roll) return "roll-not-published";
    const credential = key(ballot.credential);
    if (!roll.credentials.has(credential)) return "not-eligible";
    // §12.6.4, in the chain's order: the contest count, then per position the id and the options.
    const ids = config.constituencyContests[v];
    if (ballot.contestIds.length !== ids.length) return "contest-mismatch";
    let totalOptions = 0;
    for (let i = 0; i < ids.length; i++) {
      if (ballot.contestIds[i] !== ids[i]) return "contest-mismatch";
      const { options } = config.contests[ids[i]];
      if (ballot.selections[i]?.length !== options) return "shape-invalid";
      totalOptions += options;
    }
    if (ballot.selections.length !== ids.length) return "shape-invalid";
    // §12.6.5
    const previous = this.counted.get(credential);
    const previousMatches = previous
      ? key(ballot.previousReceipt) === previous.receipt &&
        previous.constituency === ballot.constituency &&
        previous.totalOptions === totalOptions
      : key(ballot.previousReceipt) === ZERO_RECEIPT;
    if (!previousMatches) return "previous-ballot-mismatch";
    // §12.6.6
    if (this.spoiled.has(key(ballot.ciphertextsId))) return "spoiled";
    // §12.6.8: option proofs (0 or 1) and selection proofs (min … max).
    for (let i = 0; i < ids.length; i++) {
      const { minSelections, maxSelections } = config.contests[ids[i]];
      const row = ballot.selections[i];
      if (!row.every((m) => m === 0 || m === 1)) return "selection-rule";
      const chosen = row.reduce<number>((sum, m) => sum + m, 0);
      if (chosen < minSelections || chosen > maxSelections) return "selection-rule";
    }
    // §12.6.9
    const receipt = key(ballot.receipt);
    if (this.receipts.has(receipt) || receipt === ZERO_RECEIPT) {
      throw new Error(
        `receipt ${ballot.receipt} is not new: a model test built two equal receipts`,
      );
    }
    if (previous) {
      this.addToTotals(previous, -1);
      this.receipts.set(previous.receipt, { supersededBy: receipt });
    }
    const counted: CountedBallot = {
      credential,
      constituency: v,
      receipt,
      contestIds: [...ids],
      selections: ballot.selections.map((row) => [...row]),
      totalOptions,
    };
    this.addToTotals(counted, 1);
    this.counted.set(credential, counted);
    this.receipts.set(receipt, {});
    return undefined;
  }

  /** Records ciphertexts as spoiled by a Benaloh challenge (§12.7); they can never be cast. */
  spoil(ciphertextsId: string): void {
    this.spoiled.add(key(ciphertextsId));
  }

  /** True if the ciphertexts were spoiled. */
  isSpoiled(ciphertextsId: string): boolean {
    return this.spoiled.has(key(ciphertextsId));
  }

  /** The receipt of the credential's counted ballot; undefined before its first ballot. */
  lastReceipt(credential: string): string | undefined {
    return this.counted.get(key(credential))?.receipt;
  }

  /** Whether a receipt is of a counted ballot, a superseded one, or of no accepted ballot. */
  receiptStatus(receipt: string): "counted" | "superseded" | "unknown" {
    const entry = this.receipts.get(key(receipt));
    if (!entry) return "unknown";
    return entry.supersededBy === undefined ? "counted" : "superseded";
  }

  /** The receipt of the ballot that directly superseded `receipt`, if any. */
  supersededBy(receipt: string): string | undefined {
    return this.receipts.get(key(receipt))?.supersededBy;
  }

  /** Per-option totals of contest `contestId` over the counted ballots (last vote counts). */
  totals(contestId: number): number[] {
    this.requireContest(contestId);
    return [...this.tally[contestId]];
  }

  /** The registered-voter count of constituency `constituency` (0 before its roll). */
  voters(constituency: number): number {
    this.requireConstituency(constituency);
    return this.rolls.get(constituency)?.voters ?? 0;
  }

  /** The bound of §7.4 for contest `contestId`: Σ voters(v) over constituencies listing it (§10.3). */
  bound(contestId: number): number {
    this.requireContest(contestId);
    let bound = 0;
    this.config.constituencyContests.forEach((ids, v) => {
      if (ids.includes(contestId)) bound += this.rolls.get(v)?.voters ?? 0;
    });
    return bound;
  }

  /** The number of distinct credentials whose counted ballot is for constituency `constituency`. */
  ballotsCast(constituency: number): number {
    this.requireConstituency(constituency);
    let count = 0;
    for (const ballot of this.counted.values()) if (ballot.constituency === constituency) count++;
    return count;
  }

  private addToTotals(ballot: CountedBallot, sign: 1 | -1): void {
    ballot.contestIds.forEach((contestId, i) => {
      const totals = this.tally[contestId];
      ballot.selections[i].forEach((m, o) => (totals[o] += sign * m));
    });
  }

  private requireContest(contestId: number): void {
    if (!isIndex(contestId, this.config.contests.length)) {
      throw new RangeError(`contest ${contestId} does not exist`);
    }
  }

  private requireConstituency(constituency: number): void {
    if (!isIndex(constituency, this.config.constituencyContests.length)) {
      throw new RangeError(`constituency ${constituency} does not exist`);
    }
  }
}
