/**
 * The independent verifier: a pure function over an {@link ElectionRecord} (no RPC) that
 * re-checks every public step of the election and reports each check with the
 * docs/protocol.md section that defines it.
 */
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hexToBytes, toHex, type Hex } from "viem";
import { publicKeyToAddress } from "viem/accounts";
import {
  addCiphertexts,
  countMatches,
  decideComplaint,
  decodeAggregate,
  decodeCiphertext,
  decryptionEquations,
  allHoldBatched,
  allHoldOneByOne,
  electionKey,
  findInvalidProofs,
  jointElectionKey,
  pointsEqual,
  publicShareKey,
  schnorrEquations,
  subtractCiphertext,
  type Ciphertext,
  type DecodedCiphertext,
  type ElectionKey,
  type Equation,
  type Point,
  type TrusteeCommitments,
} from "../crypto";
import {
  ballotDigest,
  checkOpening,
  ciphertextsHash,
  flattenCiphertexts,
  receiptHash,
  ZERO_HASH,
} from "../election";
import type { CheckResult, ElectionRecord, RecordedBallot, VerificationReport } from "./types";

export interface VerifyElectionOptions {
  /** Check every proof equation on its own instead of in random-weighted batches (§8.3). */
  oneByOne?: boolean;
}

const MAX_LISTED = 50;

class Check {
  readonly failures: string[] = [];
  private failureCount = 0;
  constructor(
    readonly step: string,
    readonly title: string,
  ) {}
  fail(failure: string): void {
    this.failureCount++;
    if (this.failures.length < MAX_LISTED) this.failures.push(failure);
  }
  require(condition: boolean, failure: string): void {
    if (!condition) this.fail(failure);
  }
  /** Runs `body`, reporting a thrown (typed) error as a failure instead of crashing. */
  guard(label: string, body: () => void): void {
    try {
      body();
    } catch (error) {
      this.fail(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  done(detail: string): CheckResult {
    const more =
      this.failureCount > this.failures.length
        ? ` (${this.failureCount - this.failures.length} more failures not listed)`
        : "";
    return {
      step: this.step,
      title: this.title,
      ok: this.failureCount === 0,
      detail: detail + more,
      failures: [...this.failures],
    };
  }
}

const ballotLabel = (b: RecordedBallot, i: number) => `ballot #${i} (receipt ${b.receipt})`;
const pointText = (p: Point) => `(${p.x}, ${p.y})`;
const sameHex = (a: Hex, b: Hex) => a.toLowerCase() === b.toLowerCase();

function ciphertextsEqual(a: readonly Ciphertext[], b: readonly Ciphertext[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => pointsEqual(c.alpha, b[i].alpha) && pointsEqual(c.beta, b[i].beta))
  );
}

/** §12.3: the address an EIP-712 signature `r ‖ s ‖ v` recovers over `digest`, low `s` only. */
export function recoverSigner(digest: Hex, signature: Hex): Hex {
  const bytes = hexToBytes(signature);
  if (bytes.length !== 65) throw new Error(`signature is ${bytes.length} bytes, not 65`);
  const v = bytes[64];
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) throw new Error(`signature v = ${v} is invalid`);
  const signatureObject = secp256k1.Signature.fromBytes(bytes.slice(0, 64), "compact");
  if (signatureObject.hasHighS()) throw new Error("signature has a high s (§12.3)");
  const publicKey = signatureObject.addRecoveryBit(recovery).recoverPublicKey(hexToBytes(digest));
  return publicKeyToAddress(toHex(publicKey.toBytes(false)));
}

/** Re-checks the whole record; see docs/protocol.md for every step. */
export function verifyElection(
  record: ElectionRecord,
  options: VerifyElectionOptions = {},
): VerificationReport {
  const checks: CheckResult[] = [];
  const holds = (equations: readonly Equation[]) =>
    options.oneByOne ? allHoldOneByOne(equations) : allHoldBatched(equations);
  const { parameters } = record;
  const n = parameters.trustees;
  const k = parameters.threshold;

  // ------------------------------------------------------------------------------- ceremony
  const commitmentsOf = new Map<number, TrusteeCommitments>();
  {
    const check = new Check("§5.4.2", "Schnorr proofs of every coefficient commitment (§13.1)");
    let proofs = 0;
    for (const posted of record.ceremony.commitments) {
      const label = `trustee ${posted.trustee}`;
      if (commitmentsOf.has(posted.trustee)) check.fail(`${label} posted commitments twice`);
      commitmentsOf.set(posted.trustee, {
        trustee: posted.trustee,
        commitments: posted.commitments,
        proofs: posted.proofs,
      });
      check.require(
        posted.commitments.length === k && posted.proofs.length === k,
        `${label} posted ${posted.commitments.length} commitments and ${posted.proofs.length} proofs, expected ${k}`,
      );
      posted.commitments.forEach((commitment, j) =>
        check.guard(`${label} coefficient ${j}`, () => {
          proofs++;
          const equations = schnorrEquations(
            {
              electionId: record.electionId,
              trustee: posted.trustee,
              coefficientIndex: j,
              commitment,
            },
            posted.proofs[j],
          );
          if (!allHoldOneByOne(equations))
            check.fail(`${label} coefficient ${j}: proof does not verify`);
        }),
      );
    }
    for (let i = 1; i <= n; i++)
      check.require(commitmentsOf.has(i), `trustee ${i} posted no commitments`);
    checks.push(check.done(`${proofs} proofs of ${commitmentsOf.size} of ${n} trustees checked`));
  }
  const allCommitments = [...commitmentsOf.values()].sort((a, b) => a.trustee - b.trustee);
  const sealed = record.ceremony.sealed;

  let jointKey: Point | undefined;
  {
    const check = new Check("§6.5", "joint election key K = Σᵢ C_{i,0} (§13.4)");
    check.guard("joint key", () => {
      jointKey = jointElectionKey(allCommitments);
    });
    if (jointKey) {
      const recomputed = jointKey;
      if (!sealed) check.fail("the ceremony was never sealed (no CeremonySealed)");
      else
        check.require(
          pointsEqual(sealed.jointKey, recomputed),
          `CeremonySealed key ${pointText(sealed.jointKey)} is not Σ C_{i,0} = ${pointText(recomputed)}`,
        );
      if (!record.electionKey)
        check.fail("the election never received its key (no ElectionKeySet)");
      else
        check.require(
          pointsEqual(record.electionKey.key, recomputed),
          `ElectionKeySet key ${pointText(record.electionKey.key)} is not Σ C_{i,0}`,
        );
      if (sealed)
        check.require(
          sealed.meta.timestamp < parameters.pollingStart,
          `sealed at ${sealed.meta.timestamp}, not before pollingStart ${parameters.pollingStart}`,
        );
    }
    checks.push(check.done(jointKey ? `K = ${pointText(jointKey)}` : "no joint key"));
  }

  const shareKeys = new Map<number, Point>();
  {
    const check = new Check("§6.6", "trustee share keys K_l = Σᵢ Σⱼ lʲ·C_{i,j}");
    for (let l = 1; l <= n; l++) {
      check.guard(`trustee ${l} share key`, () => {
        const key = publicShareKey(allCommitments, l);
        shareKeys.set(l, key);
        const posted = sealed?.shareKeys[l - 1];
        if (!posted) check.fail(`trustee ${l}: no share key in CeremonySealed`);
        else
          check.require(
            pointsEqual(posted, key),
            `trustee ${l}: CeremonySealed share key differs from the commitments'`,
          );
      });
    }
    if (sealed)
      check.require(
        sealed.shareKeys.length === n,
        `CeremonySealed lists ${sealed.shareKeys.length} share keys, expected ${n}`,
      );
    checks.push(check.done(`${shareKeys.size} share keys recomputed`));
  }

  {
    const check = new Check(
      "§6.4",
      "every complaint re-decided matches the recorded verdict (§13.3)",
    );
    for (const complaint of record.ceremony.complaints) {
      const label = `complaint of trustee ${complaint.recipient} against trustee ${complaint.dealer}`;
      check.guard(label, () => {
        const share = record.ceremony.shares.find(
          (s) => s.dealer === complaint.dealer && s.recipient === complaint.recipient,
        );
        const dealer = commitmentsOf.get(complaint.dealer);
        const recipient = commitmentsOf.get(complaint.recipient);
        if (!share || !dealer || !recipient) {
          check.fail(`${label}: its share or commitments are not in the record`);
          return;
        }
        const verdict = decideComplaint(
          record.electionId,
          {
            dealer: complaint.dealer,
            recipient: complaint.recipient,
            sharedPoint: complaint.sharedPoint,
            proof: complaint.proof,
          },
          share,
          dealer.commitments,
          recipient.commitments[0],
        );
        const recorded = complaint.upheld ? "upheld" : "dismissed";
        check.require(
          verdict === recorded,
          `${label}: recorded ${recorded}, re-decided ${verdict}`,
        );
      });
    }
    const upheld = record.ceremony.complaints.filter((c) => c.upheld).length;
    if (upheld > 0 && sealed)
      check.fail(`${upheld} complaints were upheld, yet the ceremony sealed`);
    checks.push(check.done(`${record.ceremony.complaints.length} complaints, ${upheld} upheld`));
  }

  // ----------------------------------------------------------------------------------- roll
  const voters = new Map<bigint, bigint>();
  {
    const check = new Check("§10.3", "eligibility roots set before pollingStart");
    for (const root of record.roll) {
      voters.set(root.constituency, root.voters);
      check.require(
        root.meta.timestamp < parameters.pollingStart,
        `constituency ${root.constituency}: root set at ${root.meta.timestamp}, not before pollingStart ${parameters.pollingStart}`,
      );
    }
    parameters.constituencyContests.forEach((_, v) =>
      check.require(voters.has(BigInt(v)), `constituency ${v} has no eligibility root`),
    );
    checks.push(
      check.done(
        `${record.roll.length} roots for ${parameters.constituencyContests.length} constituencies`,
      ),
    );
  }

  // -------------------------------------------------------------------------------- ballots
  let key: ElectionKey | undefined;
  try {
    if (record.electionKey) key = electionKey(record.electionKey.key);
  } catch {
    key = undefined;
  }
  const decodable = new Check("§12.1", "every cast ballot's content is recoverable from calldata");
  const hashes = new Check("§12.2", "every ballot's ciphertextsHash recomputes");
  const signatures = new Check("§12.3", "every ballot's EIP-712 signature recovers its credential");
  const receipts = new Check("§12.4", "every ballot's receipt recomputes");
  const shape = new Check("§12.6.4", "every ballot holds exactly its constituency's contests");
  const proofs = new Check("§5.2/§5.3/§8", "every option and selection proof verifies");
  const chain = new Check(
    "§12.5",
    "superseding chain: previous receipts and resupplied ciphertexts",
  );
  let proofCount = 0;
  const lastOf = new Map<string, { ballot: RecordedBallot; index: number }>();
  const receiptsSeen = new Set<string>();
  record.ballots.forEach((b, index) => {
    const label = ballotLabel(b, index);
    const s = b.submission;
    if (!s) {
      decodable.fail(`${label}: ${b.decodeError ?? "no calldata"}`);
    } else {
      const ballot = s.ballot;
      shape.require(
        ballot.credential.toLowerCase() === b.credential.toLowerCase() &&
          ballot.constituency === b.constituency,
        `${label}: calldata ballot (credential ${ballot.credential}, constituency ${ballot.constituency}) differs from the event's (${b.credential}, ${b.constituency})`,
      );
      hashes.guard(label, () =>
        hashes.require(
          sameHex(ciphertextsHash(ballot.contests), b.ciphertextsHash),
          `${label}: ciphertextsHash does not recompute`,
        ),
      );
      let digest: Hex | undefined;
      signatures.guard(label, () => {
        digest = ballotDigest(record.chainId, record.addresses.election, ballot);
        const signer = recoverSigner(digest, s.signature);
        signatures.require(
          signer.toLowerCase() === ballot.credential.toLowerCase(),
          `${label}: signature recovers ${signer}, not ${ballot.credential}`,
        );
      });
      receipts.guard(label, () => {
        const d = digest ?? ballotDigest(record.chainId, record.addresses.election, ballot);
        receipts.require(
          sameHex(receiptHash(record.electionId, d, s.signature), b.receipt),
          `${label}: receipt does not recompute`,
        );
      });
      const expected = parameters.constituencyContests[Number(ballot.constituency)];
      if (!expected) {
        shape.fail(`${label}: constituency ${ballot.constituency} does not exist`);
      } else {
        const ids = ballot.contests.map((c) => c.contestId);
        const sameIds = ids.length === expected.length && ids.every((id, i) => id === expected[i]);
        shape.require(
          sameIds,
          `${label}: contests [${ids.join(", ")}] are not constituency ${ballot.constituency}'s [${expected.join(", ")}]`,
        );
        for (const c of ballot.contests) {
          const config = parameters.contests[Number(c.contestId)];
          if (config) {
            shape.require(
              c.ciphertexts.length === config.options,
              `${label}: contest ${c.contestId} has ${c.ciphertexts.length} ciphertexts, expected ${config.options}`,
            );
          }
        }
      }
      if (!key) {
        proofs.fail(`${label}: no valid election key to verify against`);
      } else {
        for (const c of ballot.contests) {
          const config = parameters.contests[Number(c.contestId)];
          if (!config) {
            proofs.fail(`${label}: unknown contest ${c.contestId}`);
            continue;
          }
          proofs.guard(`${label} contest ${c.contestId}`, () => {
            proofCount += c.ciphertexts.length + 1;
            const invalid = findInvalidProofs(
              { electionId: record.electionId, voter: ballot.credential, key: key! },
              { contestIndex: Number(c.contestId), ...config },
              {
                contestIndex: Number(c.contestId),
                ciphertexts: c.ciphertexts,
                optionProofs: c.optionProofs,
                selectionProof: c.selectionProof,
              },
              { oneByOne: options.oneByOne },
            );
            if (invalid.length > 0)
              proofs.fail(`${label} contest ${c.contestId}: invalid proofs ${invalid.join(", ")}`);
          });
        }
      }
    }
    // §12.5 chain, per credential, in chain order.
    chain.require(!receiptsSeen.has(b.receipt.toLowerCase()), `${label}: receipt recorded twice`);
    receiptsSeen.add(b.receipt.toLowerCase());
    const credential = b.credential.toLowerCase();
    const previous = lastOf.get(credential);
    const previousReceipt = previous?.ballot.receipt ?? ZERO_HASH;
    chain.require(
      sameHex(b.supersededReceipt, previousReceipt),
      `${label}: supersedes ${b.supersededReceipt}, but the credential's previous receipt is ${previousReceipt}`,
    );
    if (s) {
      chain.require(
        sameHex(s.ballot.previousReceipt, previousReceipt),
        `${label}: previousReceipt ${s.ballot.previousReceipt} is not the credential's previous receipt ${previousReceipt}`,
      );
      const expectedSuperseded = previous?.ballot.submission
        ? flattenCiphertexts(previous.ballot.submission.ballot.contests)
        : [];
      if (!previous || previous.ballot.submission) {
        chain.require(
          ciphertextsEqual(s.superseded, expectedSuperseded),
          `${label}: resupplied superseded ciphertexts are not the previous ballot's`,
        );
      }
    }
    if (previous) {
      chain.require(
        previous.ballot.constituency === b.constituency,
        `${label}: constituency ${b.constituency} differs from the superseded ballot's ${previous.ballot.constituency}`,
      );
    }
    lastOf.set(credential, { ballot: b, index });
  });
  checks.push(decodable.done(`${record.ballots.length} ballots cast`));
  checks.push(hashes.done(`${record.ballots.length} ballots`));
  checks.push(signatures.done(`${record.ballots.length} ballots`));
  checks.push(receipts.done(`${record.ballots.length} ballots`));
  checks.push(shape.done(`${record.ballots.length} ballots`));
  checks.push(
    proofs.done(
      `${proofCount} proofs, ${options.oneByOne ? "one by one (§8.2)" : "batched (§8.3)"}`,
    ),
  );
  checks.push(
    chain.done(
      `${lastOf.size} credentials, ${record.ballots.length - lastOf.size} superseded ballots`,
    ),
  );

  // -------------------------------------------------------------------------------- spoiled
  {
    const check = new Check("§12.7", "spoiled ballots open correctly and none was cast");
    const spoiledHashes = new Set<string>();
    record.spoiled.forEach((sp, i) => {
      const label = `spoiled ballot #${i} (${sp.ciphertextsHash})`;
      spoiledHashes.add(sp.ciphertextsHash.toLowerCase());
      if (!sp.contests) {
        check.fail(`${label}: ${sp.decodeError ?? "no calldata"}`);
        return;
      }
      const contests = sp.contests;
      check.guard(label, () => {
        check.require(
          sameHex(ciphertextsHash(contests), sp.ciphertextsHash),
          `${label}: ciphertextsHash does not recompute`,
        );
        const expected = parameters.constituencyContests[Number(sp.constituency)];
        check.require(
          !!expected &&
            expected.length === contests.length &&
            contests.every((c, j) => c.contestId === expected[j]),
          `${label}: contests are not constituency ${sp.constituency}'s`,
        );
        const options = contests.reduce((sum, c) => sum + c.ciphertexts.length, 0);
        check.require(
          sp.nonces.length === options && sp.selections.length === options,
          `${label}: ${sp.nonces.length} nonces and ${sp.selections.length} selections for ${options} options`,
        );
        if (!key) throw new Error("no valid election key");
        checkOpening(key, {
          constituency: sp.constituency,
          contests,
          nonces: sp.nonces,
          selections: sp.selections,
        });
      });
    });
    let both = 0;
    record.ballots.forEach((b, i) => {
      if (spoiledHashes.has(b.ciphertextsHash.toLowerCase())) {
        both++;
        check.fail(`${ballotLabel(b, i)} was cast and also spoiled: its vote was revealed`);
      }
    });
    checks.push(check.done(`${record.spoiled.length} spoiled ballots, ${both} also cast`));
  }

  // --------------------------------------------------------------------------------- totals
  const recomputed: DecodedCiphertext[][] = parameters.contests.map((c) =>
    Array.from({ length: c.options }, () => addCiphertexts([])),
  );
  {
    const check = new Check(
      "§4.3",
      "totals recomputed from each credential's last ballot equal the on-chain totals",
    );
    for (const { ballot: b, index } of lastOf.values()) {
      if (!b.submission) {
        check.fail(`${ballotLabel(b, index)}: content unknown, cannot be counted`);
        continue;
      }
      check.guard(ballotLabel(b, index), () => {
        for (const c of b.submission!.ballot.contests) {
          const sums = recomputed[Number(c.contestId)];
          if (!sums || sums.length !== c.ciphertexts.length)
            throw new Error(`contest ${c.contestId} does not fit`);
          c.ciphertexts.forEach((ct, option) => {
            sums[option] = addCiphertexts([sums[option], decodeCiphertext(ct)]);
          });
        }
      });
    }
    recomputed.forEach((sums, contestId) => {
      const onChain = record.totals[contestId] ?? [];
      check.require(
        onChain.length === sums.length,
        `contest ${contestId}: ${onChain.length} on-chain totals for ${sums.length} options`,
      );
      sums.forEach((sum, option) => {
        const chainTotal = onChain[option];
        if (!chainTotal) return;
        check.guard(`contest ${contestId} option ${option}`, () => {
          const difference = subtractCiphertext(decodeAggregate(chainTotal), sum);
          check.require(
            difference.alpha.is0() && difference.beta.is0(),
            `contest ${contestId} option ${option}: on-chain total differs from the recomputed one`,
          );
        });
      });
    });
    checks.push(check.done(`${lastOf.size} counted ballots over ${recomputed.length} contests`));
  }

  // ------------------------------------------------------------------------------ decryption
  const validPartials = new Map<string, Point[]>(); // `${contest}:${trustee}` → partials
  {
    const check = new Check(
      "§5.5",
      "every decryption proof verifies against the recomputed totals and share keys (§14.1)",
    );
    let count = 0;
    for (const posted of record.decryptions) {
      const contestId = Number(posted.contestId);
      const label = `trustee ${posted.trustee} contest ${contestId}`;
      const sums = recomputed[contestId];
      const shareKey = shareKeys.get(posted.trustee);
      if (!sums || !shareKey) {
        check.fail(`${label}: unknown contest or trustee`);
        continue;
      }
      if (validPartials.has(`${contestId}:${posted.trustee}`)) check.fail(`${label}: posted twice`);
      let ok = posted.partials.length === sums.length && posted.proofs.length === sums.length;
      check.require(
        ok,
        `${label}: ${posted.partials.length} partials and ${posted.proofs.length} proofs for ${sums.length} options`,
      );
      posted.partials.forEach((partial, option) => {
        if (!sums[option] || !posted.proofs[option]) return;
        check.guard(`${label} option ${option}`, () => {
          count++;
          const equations = decryptionEquations(
            {
              electionId: record.electionId,
              contestIndex: contestId,
              optionIndex: option,
              trustee: posted.trustee,
              shareKey,
              aggregate: sums[option],
              partial,
            },
            posted.proofs[option],
          );
          if (!holds(equations) && !allHoldOneByOne(equations)) {
            ok = false;
            check.fail(`${label} option ${option}: proof does not verify`);
          }
        });
      });
      if (ok) validPartials.set(`${contestId}:${posted.trustee}`, posted.partials);
    }
    checks.push(check.done(`${count} decryption proofs of ${record.decryptions.length} postings`));
  }

  // --------------------------------------------------------------------------------- results
  const bound = (contestId: bigint) =>
    parameters.constituencyContests.reduce(
      (sum, ids, v) => (ids.includes(contestId) ? sum + (voters.get(BigInt(v)) ?? 0n) : sum),
      0n,
    );
  const finalized = new Set<bigint>();
  {
    const check = new Check(
      "§7.3/§14.2",
      "every finalised contest's counts decrypt the totals with the recorded trustees",
    );
    for (const result of record.finalizations) {
      const contestId = Number(result.contestId);
      const label = `contest ${contestId}`;
      if (finalized.has(result.contestId)) check.fail(`${label}: finalised twice`);
      finalized.add(result.contestId);
      const sums = recomputed[contestId];
      if (!sums) {
        check.fail(`${label}: unknown contest`);
        continue;
      }
      const q = result.trustees;
      check.require(
        new Set(q).size === q.length && q.length >= k,
        `${label}: decryption set [${q.join(", ")}] is not ${k} distinct trustees`,
      );
      check.require(
        result.counts.length === sums.length,
        `${label}: ${result.counts.length} counts for ${sums.length} options`,
      );
      const partials = q.map((t) => ({
        trustee: t,
        partials: validPartials.get(`${contestId}:${t}`),
      }));
      const missing = partials.filter((p) => !p.partials).map((p) => p.trustee);
      if (missing.length > 0) {
        check.fail(`${label}: trustees [${missing.join(", ")}] have no valid decryption shares`);
        continue;
      }
      const limit = Number(bound(result.contestId));
      sums.forEach((sum, option) => {
        const count = result.counts[option];
        if (count === undefined) return;
        check.guard(`${label} option ${option}`, () => {
          const matches =
            count <= BigInt(Number.MAX_SAFE_INTEGER) &&
            countMatches(
              sum,
              partials.map((p) => ({ trustee: p.trustee, partial: p.partials![option] })),
              Number(count),
              limit,
              k,
            );
          check.require(
            matches,
            `${label} option ${option}: count ${count} does not decrypt the total (bound ${limit})`,
          );
        });
      });
    }
    const open = parameters.contests.map((_, j) => BigInt(j)).filter((j) => !finalized.has(j));
    checks.push(
      check.done(
        `${finalized.size} contests finalised${open.length ? `; not finalised: ${open.join(", ")}` : ""}`,
      ),
    );
  }

  {
    const check = new Check("§14.3", "court-ordered exclusions");
    const listed = record.exclusions.map((e) => {
      check.require(
        finalized.has(e.contestId),
        `contest ${e.contestId} excluded but not finalised`,
      );
      return `contest ${e.contestId} (order ${e.orderHash})`;
    });
    checks.push(check.done(listed.length ? `excluded: ${listed.join("; ")}` : "no exclusions"));
  }

  return {
    verdict: checks.every((c) => c.ok) ? "verified" : "failed",
    election: record.addresses.election,
    checks,
  };
}
