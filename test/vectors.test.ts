/**
 * The protocol test vectors (test/vectors/*.json) against the TypeScript SDK: every case gives
 * the expected verdict or typed error, tags / electionId / challenges match, decrypted counts
 * match — and regenerating the vectors in memory reproduces the committed files byte for byte,
 * so they cannot drift from the code. The on-chain side is test/contracts/crypto/vectors.test.ts.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import {
  addCiphertexts,
  bigIntToWord,
  boundedDiscreteLog,
  bytesToBigInt,
  challenge,
  checkCeremonyParameters,
  combinePartials,
  countMatches,
  Curve,
  decideComplaint,
  decodeAggregate,
  decodeCiphertext,
  decodePoint,
  decodeScalar,
  decryptCount,
  DecryptionOutOfBoundError,
  DomainTag,
  electionIdFor,
  electionKey,
  encodePoint,
  findInvalidProofs,
  GROUP_ORDER,
  hashWords,
  IDENTITY,
  InvalidPointError,
  InvalidProofError,
  InvalidScalarError,
  jointElectionKey,
  lagrangeCoefficients,
  MalformedInputError,
  partialDecryption,
  publicShareKey,
  shareIsValid,
  sharePad,
  verifyComplaintProof,
  verifyContest,
  verifyDecryption,
  verifySchnorr,
  verifySelection,
  verifyZeroOne,
  type GroupElement,
  type Point,
  type SchnorrProof,
} from "../src/crypto";
import { seededRandom } from "../src/testing/seeded-random";
import { generateVectorFile, VECTOR_SEED } from "../src/testing/test-vectors";
import { parseVectors, stringifyVectors } from "../src/testing/vector-json";
import {
  VECTOR_NAMES,
  type ChallengeCase,
  type DecryptionStatementVector,
  type Expected,
  type SchnorrCase,
  type VectorFiles,
  type VectorName,
} from "../src/testing/vector-types";

const VECTOR_DIR = path.join(__dirname, "vectors");
const r = GROUP_ORDER;

const rawText = (name: VectorName): string =>
  readFileSync(path.join(VECTOR_DIR, `${name}.json`), "utf8");

function load<N extends VectorName>(name: N): VectorFiles[N] {
  return parseVectors<VectorFiles[N]>(rawText(name));
}

const ERROR_CLASSES = {
  InvalidPointError,
  InvalidScalarError,
  InvalidProofError,
  MalformedInputError,
} as const;

/** Runs a check and compares its outcome with the vector's expectation. */
function expectOutcome(expected: Expected, run: () => void): void {
  if (expected === "valid") {
    run();
    return;
  }
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${expected.error}`).to.be.instanceOf(ERROR_CLASSES[expected.error]);
  switch (expected.error) {
    case "InvalidPointError":
      expect((thrown as InvalidPointError).reason).to.equal(expected.reason);
      expect((thrown as InvalidPointError).section).to.equal("§2.2");
      break;
    case "InvalidScalarError":
      expect((thrown as InvalidScalarError).value).to.equal(expected.solidity.args[0]);
      expect((thrown as InvalidScalarError).section).to.equal("§2.1");
      break;
    case "InvalidProofError":
      expect((thrown as InvalidProofError).kind).to.equal(expected.kind);
      expect((thrown as InvalidProofError).section).to.equal(expected.section);
      break;
    case "MalformedInputError":
      expect((thrown as MalformedInputError).section).to.equal(expected.section);
      break;
  }
}

const G: Point = { x: 1n, y: 2n };
const el = (p: Point): GroupElement => (p.x === 0n && p.y === 0n ? IDENTITY : Curve.fromAffine(p));
const mul = (p: Point, s: bigint): GroupElement =>
  s % r === 0n ? IDENTITY : el(p).multiplyUnsafe(((s % r) + r) % r);
/** v·base = a + c·y, checked with plain curve arithmetic (not the SDK's equations). */
const holds = (base: Point, v: bigint, a: Point, c: bigint, y: GroupElement): boolean =>
  mul(base, v).equals(el(a).add(c % r === 0n ? IDENTITY : y.multiplyUnsafe(c % r)));

function decryptionStatement(s: DecryptionStatementVector) {
  return { ...s, aggregate: decodeAggregate(s.aggregate) };
}

describe("protocol test vectors (TypeScript SDK)", function () {
  describe("seededRandom (test-only byte stream)", function () {
    it("is keccak256(seed ‖ uint256 counter) blocks, read as one stream", function () {
      const seed = "shafaf/v1/test-vectors/self-test";
      const block = (i: bigint) => keccak_256(concatBytes(utf8ToBytes(seed), bigIntToWord(i)));
      const expected = concatBytes(block(0n), block(1n), block(2n));
      const random = seededRandom(seed);
      const got = concatBytes(random(5), random(0), random(48), random(43));
      expect(Buffer.from(got).toString("hex")).to.equal(Buffer.from(expected).toString("hex"));
      expect(Buffer.from(seededRandom(seed)(96)).toString("hex")).to.equal(
        Buffer.from(expected).toString("hex"),
      );
      expect(Buffer.from(seededRandom(`${seed}!`)(32))).to.not.deep.equal(Buffer.from(block(0n)));
    });
  });

  describe("files", function () {
    for (const name of VECTOR_NAMES) {
      it(`${name}.json: header, and regenerating from the seed reproduces it byte for byte`, function () {
        const text = rawText(name);
        const file = load(name);
        expect(file.generator).to.equal("scripts/generate-vectors.ts");
        expect(file.seed).to.equal(VECTOR_SEED);
        expect(file.protocol).to.equal("docs/protocol.md");
        expect(file.cases.length).to.be.greaterThan(0);
        expect(stringifyVectors(file), "parse/stringify round trip").to.equal(text);
        expect(
          stringifyVectors(generateVectorFile(name)),
          `test/vectors/${name}.json is stale: run \`npm run vectors\``,
        ).to.equal(text);
      });
    }
  });

  describe("group.json (§2.1, §2.2)", function () {
    const schnorr = load("schnorr").cases[0] as SchnorrCase;
    for (const c of load("group").cases) {
      it(`${c.kind} ${c.name}`, function () {
        if (c.kind === "point") {
          expectOutcome(c.expected, () => decodePoint(c.point, "point"));
          // The same point as the commitment h of an otherwise valid Schnorr proof.
          const proof: SchnorrProof = { ...schnorr.proof, h: c.point };
          expectOutcome(
            c.expected === "valid"
              ? { error: "InvalidProofError", kind: "schnorr", section: "§5.4.2" }
              : c.expected,
            () => verifySchnorr(schnorr.statement, proof),
          );
        } else {
          expectOutcome(c.expected, () => decodeScalar(c.scalar, "scalar"));
          const proof: SchnorrProof = { ...schnorr.proof, u: c.scalar };
          expectOutcome(
            c.expected === "valid"
              ? { error: "InvalidProofError", kind: "schnorr", section: "§5.4.2" }
              : c.expected,
            () => verifySchnorr(schnorr.statement, proof),
          );
        }
      });
    }
  });

  describe("transcript.json (§3, §9)", function () {
    const sdkTags: Record<string, bigint> = {
      TAG_ELECTION_ID: DomainTag.electionId,
      TAG_ZERO_ONE: DomainTag.zeroOne,
      TAG_SELECTION: DomainTag.selection,
      TAG_SCHNORR: DomainTag.schnorr,
      TAG_DECRYPTION: DomainTag.decryption,
      TAG_COMPLAINT: DomainTag.complaint,
      TAG_SHARE_PAD: DomainTag.sharePad,
    };
    const tagOf = {
      "zero-one": "TAG_ZERO_ONE",
      selection: "TAG_SELECTION",
      schnorr: "TAG_SCHNORR",
      decryption: "TAG_DECRYPTION",
      complaint: "TAG_COMPLAINT",
    } as const;

    /** The proof's group equations with the vector's challenge c (plain curve arithmetic). */
    function equationsHold(c: ChallengeCase): boolean {
      const ch = c.challenge;
      switch (c.proof) {
        case "zero-one": {
          const { key, ciphertext } = c.statement;
          const p = c.commitments;
          const c1 = (ch - p.c0 + r) % r;
          const shifted = el(ciphertext.beta).subtract(el(G));
          return (
            holds(G, p.v0, p.a0, p.c0, el(ciphertext.alpha)) &&
            holds(key, p.v0, p.b0, p.c0, el(ciphertext.beta)) &&
            holds(G, p.v1, p.a1, c1, el(ciphertext.alpha)) &&
            holds(key, p.v1, p.b1, c1, shifted)
          );
        }
        case "selection": {
          const { key, minSelections } = c.statement;
          const { a, b, v } = c.commitments;
          const cs = [...c.commitments.c];
          cs.push((((ch - cs.reduce((s, x) => s + x, 0n)) % r) + r) % r);
          return a.every((aj, j) => {
            const shifted = el(c.aggregate.beta).subtract(mul(G, BigInt(minSelections + j)));
            return (
              holds(G, v[j], aj, cs[j], el(c.aggregate.alpha)) &&
              holds(key, v[j], b[j], cs[j], shifted)
            );
          });
        }
        case "schnorr":
          return holds(G, c.commitments.u, c.commitments.h, ch, el(c.statement.commitment));
        case "decryption": {
          const { shareKey, aggregate, partial } = c.statement;
          const { a, b, v } = c.commitments;
          return holds(G, v, a, ch, el(shareKey)) && holds(aggregate.alpha, v, b, ch, el(partial));
        }
        case "complaint": {
          const { recipientKey, ephemeral, sharedPoint } = c.statement;
          const { a, b, v } = c.commitments;
          return (
            holds(G, v, a, ch, el(recipientKey)) && holds(ephemeral, v, b, ch, el(sharedPoint))
          );
        }
      }
    }

    function sdkVerify(c: ChallengeCase): void {
      switch (c.proof) {
        case "zero-one": {
          const s = c.statement;
          return verifyZeroOne(
            {
              context: { electionId: s.electionId, contestIndex: s.contestIndex, voter: s.voter },
              optionIndex: s.optionIndex,
              key: electionKey(s.key),
              ciphertext: decodeCiphertext(s.ciphertext),
            },
            c.commitments,
          );
        }
        case "selection": {
          const s = c.statement;
          const aggregate = addCiphertexts(s.ciphertexts.map((ct) => decodeCiphertext(ct)));
          expect(aggregate.wire).to.deep.equal(c.aggregate);
          return verifySelection(
            {
              context: { electionId: s.electionId, contestIndex: s.contestIndex, voter: s.voter },
              rule: s,
              key: electionKey(s.key),
              aggregate,
            },
            c.commitments,
          );
        }
        case "schnorr":
          return verifySchnorr(c.statement, c.commitments);
        case "decryption":
          return verifyDecryption(decryptionStatement(c.statement), c.commitments);
        case "complaint":
          return verifyComplaintProof(c.statement, c.commitments);
      }
    }

    const lengths = { "zero-one": 21, schnorr: 8, decryption: 17, complaint: 14 } as const;

    for (const c of load("transcript").cases) {
      it(`${c.kind}: ${c.name}`, function () {
        switch (c.kind) {
          case "domain-tag":
            expect(bytesToBigInt(keccak_256(utf8ToBytes(c.label)))).to.equal(c.value);
            expect(sdkTags[c.tag]).to.equal(c.value);
            break;
          case "election-id":
            expect(c.words).to.deep.equal([
              DomainTag.electionId,
              c.chainId,
              BigInt(c.electionContract),
            ]);
            expect(hashWords(c.words)).to.equal(BigInt(c.electionId));
            expect(electionIdFor(c.chainId, c.electionContract)).to.equal(c.electionId);
            break;
          case "challenge":
            expect(c.words[0]).to.equal(sdkTags[tagOf[c.proof]]);
            expect(c.words[1]).to.equal(BigInt(c.statement.electionId));
            expect(c.words.length).to.equal(
              c.proof === "selection" ? 12 + 4 * c.commitments.a.length : lengths[c.proof],
            );
            expect(challenge(c.words)).to.equal(c.challenge);
            expect(hashWords(c.words) % r).to.equal(c.challenge);
            // The SDK's own transcript must be these words: its proof holds under this c.
            expect(equationsHold(c), "proof equations under the vector's challenge").to.equal(true);
            sdkVerify(c);
            break;
          case "share-pad":
            expect(hashWords(c.words)).to.equal(c.pad);
            expect(
              sharePad(c.electionId, c.dealer, c.recipient, c.ephemeral, c.sharedPoint),
            ).to.equal(c.pad);
            break;
        }
      });
    }
  });

  describe("zero-one.json (§5.2)", function () {
    for (const c of load("zero-one").cases) {
      it(c.name, function () {
        const s = c.statement;
        expectOutcome(c.expected, () =>
          verifyZeroOne(
            {
              context: { electionId: s.electionId, contestIndex: s.contestIndex, voter: s.voter },
              optionIndex: s.optionIndex,
              key: electionKey(s.key),
              ciphertext: decodeCiphertext(s.ciphertext),
            },
            c.proof,
          ),
        );
      });
    }
  });

  describe("selection.json (§5.3)", function () {
    for (const c of load("selection").cases) {
      it(c.name, function () {
        const s = c.statement;
        const ciphertexts = s.ciphertexts.map((ct) => decodeCiphertext(ct));
        const aggregate = addCiphertexts(ciphertexts);
        expect(aggregate.wire).to.deep.equal(c.aggregate);
        expectOutcome(c.expected, () =>
          verifySelection(
            {
              context: { electionId: s.electionId, contestIndex: s.contestIndex, voter: s.voter },
              rule: { minSelections: s.minSelections, maxSelections: s.maxSelections },
              key: electionKey(s.key),
              aggregate,
            },
            c.proof,
          ),
        );
      });
    }
  });

  describe("ballot.json (§8)", function () {
    for (const c of load("ballot").cases) {
      it(c.name, function () {
        const subject = { ...c.subject, key: electionKey(c.subject.key) };
        expectOutcome(c.expected, () =>
          verifyContest(subject, c.parameters, c.contest, { oneByOne: true }),
        );
        expectOutcome(c.expected, () => verifyContest(subject, c.parameters, c.contest));
        if (c.invalidProofs !== undefined) {
          expect(
            findInvalidProofs(subject, c.parameters, c.contest, { oneByOne: true }),
          ).to.deep.equal(c.invalidProofs);
          expect(findInvalidProofs(subject, c.parameters, c.contest)).to.deep.equal(
            c.invalidProofs,
          );
        }
      });
    }
  });

  describe("schnorr.json (§5.4)", function () {
    for (const c of load("schnorr").cases) {
      it(c.name, function () {
        expectOutcome(c.expected, () => verifySchnorr(c.statement, c.proof));
      });
    }
  });

  describe("decryption.json (§4.4, §5.5)", function () {
    for (const c of load("decryption").cases) {
      it(c.name, function () {
        expectOutcome(c.expected, () =>
          verifyDecryption(decryptionStatement(c.statement), c.proof),
        );
        if (c.count !== undefined && c.bound !== undefined) {
          const aggregate = decodeAggregate(c.statement.aggregate);
          expect(encodePoint(partialDecryption(c.shareSecret, aggregate))).to.deep.equal(
            c.statement.partial,
          );
          const T = aggregate.beta.subtract(el(c.statement.partial));
          expect(boundedDiscreteLog(T, c.bound)).to.equal(c.count);
          const partials = [{ trustee: c.statement.trustee, partial: c.statement.partial }];
          expect(decryptCount(aggregate, partials, c.bound)).to.equal(c.count);
          expect(countMatches(aggregate, partials, c.count, 1_000_000)).to.equal(true);
        }
      });
    }
  });

  describe("ceremony.json (§6)", function () {
    for (const c of load("ceremony").cases) {
      const n = c.trustees;
      const keyOf = (l: number) => c.commitments[l - 1].commitments[0];
      const shareOf = (i: number, l: number) => {
        const share = c.encryptedShares.find((s) => s.dealer === i && s.recipient === l);
        if (share === undefined) throw new Error(`no share from ${i} to ${l}`);
        return share;
      };

      it(`${c.name}: commitments and Schnorr proofs (§6.1)`, function () {
        checkCeremonyParameters(c);
        expect(c.commitments.map((t) => t.trustee)).to.deep.equal([1, 2, 3, 4, 5].slice(0, n));
        for (const t of c.commitments) {
          expect(t.commitments).to.have.length(c.threshold);
          t.commitments.forEach((commitment, j) =>
            verifySchnorr(
              { electionId: c.electionId, trustee: t.trustee, coefficientIndex: j, commitment },
              t.proofs[j],
            ),
          );
        }
      });

      it(`${c.name}: encrypted shares (§6.2)`, function () {
        expect(c.encryptedShares).to.have.length(n * (n - 1));
        for (const s of c.encryptedShares) {
          decodePoint(s.ephemeral, "E");
          expect(s.dealer).to.not.equal(s.recipient);
        }
      });

      it(`${c.name}: joint key (§6.5) and share keys (§6.6)`, function () {
        expect(jointElectionKey(c.commitments)).to.deep.equal(c.jointKey);
        for (const { trustee, key } of c.shareKeys) {
          expect(publicShareKey(c.commitments, trustee)).to.deep.equal(key);
        }
      });

      for (const v of c.complaints) {
        it(`${c.name}: ${v.name} → ${v.expected} (§6.4)`, function () {
          const { dealer, recipient, sharedPoint, proof } = v.complaint;
          const share = shareOf(dealer, recipient);
          const dealerCommitments = c.commitments[dealer - 1].commitments;
          expect(
            decideComplaint(c.electionId, v.complaint, share, dealerCommitments, keyOf(recipient)),
          ).to.equal(v.expected);
          const statement = {
            electionId: c.electionId,
            dealer,
            recipient,
            recipientKey: keyOf(recipient),
            ephemeral: share.ephemeral,
            sharedPoint,
          };
          if (v.expected === "invalid") {
            expectOutcome(
              { error: "InvalidProofError", kind: "complaint", section: "§5.6.2" },
              () => verifyComplaintProof(statement, proof),
            );
            return;
          }
          verifyComplaintProof(statement, proof);
          const pad = sharePad(c.electionId, dealer, recipient, share.ephemeral, sharedPoint);
          expect(share.masked ^ pad).to.equal(v.revealedShare);
          expect(shareIsValid(dealerCommitments, recipient, v.revealedShare as bigint)).to.equal(
            v.shareValid,
          );
        });
      }
    }
  });

  describe("threshold.json (§7)", function () {
    const ceremony = load("ceremony").cases[0];
    for (const c of load("threshold").cases) {
      it(c.name, function () {
        expect(c.jointKey, "joint key of ceremony.json").to.deep.equal(ceremony.jointKey);
        for (const sk of c.shareKeys) {
          expect(sk).to.deep.equal(ceremony.shareKeys[sk.trustee - 1]);
        }
        const aggregate = addCiphertexts(c.ciphertexts.map((ct) => decodeCiphertext(ct)));
        expect(aggregate.wire).to.deep.equal(c.aggregate);
        c.partials.forEach((pd, k) => {
          expect(c.shareKeys[k].trustee).to.equal(pd.trustee);
          verifyDecryption(
            {
              electionId: c.electionId,
              contestIndex: c.contestIndex,
              optionIndex: c.optionIndex,
              trustee: pd.trustee,
              shareKey: c.shareKeys[k].key,
              aggregate,
              partial: pd.partial,
            },
            pd.proof,
          );
        });
        const trustees = c.partials.map((pd) => pd.trustee);
        expect(lagrangeCoefficients(trustees)).to.deep.equal(c.expected.lagrange);
        const T = combinePartials(aggregate, c.partials);
        expect(T.equals(aggregate.beta.subtract(el(c.expected.combined)))).to.equal(true);
        if (c.expected.decryptedCount === null) {
          expect(() => decryptCount(aggregate, c.partials, c.bound)).to.throw(
            DecryptionOutOfBoundError,
          );
        } else {
          expect(decryptCount(aggregate, c.partials, c.bound)).to.equal(c.expected.decryptedCount);
        }
        expect(countMatches(aggregate, c.partials, c.claimedCount, 1_000_000)).to.equal(
          c.expected.claimAccepted,
        );
      });
    }
  });
});
