import { expect } from "chai";
import { getAddress, id, hexlify } from "ethers";
import fc from "fast-check";
import {
  ballotContextWords,
  challenge,
  DomainTag,
  electionIdFor,
  hashWords,
  hexToWord,
  indexWord,
  MalformedInputError,
  pointWords,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiHash,
  ELECTION_ID,
  expectThrows,
  pointOf,
  r,
  VOTER,
  type AbiWord,
} from "../../helpers/crypto";

const SECTION_9 = {
  electionId: "shafaf/v1/election-id",
  zeroOne: "shafaf/v1/zero-one-proof",
  selection: "shafaf/v1/selection-proof",
  schnorr: "shafaf/v1/schnorr-proof",
  decryption: "shafaf/v1/decryption-proof",
  complaint: "shafaf/v1/complaint-proof",
  sharePad: "shafaf/v1/share-encryption",
  receipt: "shafaf/v1/receipt",
} as const;

const UINT256_MAX = (1n << 256n) - 1n;

/** A random abi word (bytes32, uint256 or address) and the bigint the SDK hashes for it. */
const abiWord: fc.Arbitrary<{ abi: AbiWord; word: bigint }> = fc.oneof(
  fc
    .bigInt({ min: 0n, max: UINT256_MAX })
    .map((v) => ({ abi: ["uint256", v] as AbiWord, word: v })),
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => ({
    abi: ["bytes32", hexlify(b)] as AbiWord,
    word: BigInt(hexlify(b)),
  })),
  fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => ({
    abi: ["address", hexlify(b)] as AbiWord,
    word: BigInt(hexlify(b)),
  })),
  fc.constantFrom(0n, 1n, r - 1n, r, UINT256_MAX).map((v) => ({
    abi: ["uint256", v] as AbiWord,
    word: v,
  })),
);

describe("transcript (§3, §9)", function () {
  describe("domain tags (§9)", function () {
    it("each tag is keccak256 of its §9 ASCII string", function () {
      expect(Object.keys(DomainTag).sort()).to.deep.equal(Object.keys(SECTION_9).sort());
      for (const [name, label] of Object.entries(SECTION_9)) {
        expect(DomainTag[name as keyof typeof DomainTag], name).to.equal(BigInt(id(label)));
      }
    });

    it("the tags are pairwise distinct", function () {
      expect(new Set(Object.values(DomainTag)).size).to.equal(Object.keys(SECTION_9).length);
    });
  });

  describe("hashWords / challenge (§3.1)", function () {
    it("hashWords equals keccak256(abi.encode(words)) computed by ethers", function () {
      fc.assert(
        fc.property(fc.array(abiWord, { maxLength: 24 }), (words) => {
          const sdk = hashWords(words.map((w) => w.word));
          expect(sdk).to.equal(abiHash(words.map((w) => w.abi)));
        }),
        { numRuns: 300 },
      );
    });

    it("challenge equals uint256(keccak256(abi.encode(words))) % r", function () {
      fc.assert(
        fc.property(fc.array(abiWord, { minLength: 1, maxLength: 24 }), (words) => {
          const c = challenge(words.map((w) => w.word));
          expect(c).to.equal(abiChallenge(words.map((w) => w.abi)));
          expect(c < r).to.equal(true);
        }),
        { numRuns: 300 },
      );
    });

    it("hashes the empty transcript as keccak256 of no bytes", function () {
      expect(hashWords([])).to.equal(BigInt(id("")));
    });

    it("is sensitive to the order of the words", function () {
      expect(challenge([1n, 2n])).to.not.equal(challenge([2n, 1n]));
    });

    it("rejects words that do not fit in uint256", function () {
      for (const word of [1n << 256n, -1n]) {
        expectThrows(() => hashWords([DomainTag.zeroOne, word]), MalformedInputError, {
          field: "word",
          section: "§3.1",
        });
      }
    });

    it("pointWords lists x then y of every point", function () {
      const a = pointOf(3n);
      const b = pointOf(4n);
      expect(pointWords(a, b)).to.deep.equal([a.x, a.y, b.x, b.y]);
      expect(pointWords()).to.deep.equal([]);
    });
  });

  describe("electionIdFor (§3.2)", function () {
    it("matches keccak256(abi.encode(TAG_ELECTION_ID, chainId, contract)) from ethers", function () {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: UINT256_MAX }),
          fc.uint8Array({ minLength: 20, maxLength: 20 }),
          (chainId, bytes) => {
            const contract = hexlify(bytes) as `0x${string}`;
            const expected = abiHash([
              ["bytes32", id(SECTION_9.electionId)],
              ["uint256", chainId],
              ["address", contract],
            ]);
            expect(BigInt(electionIdFor(chainId, contract))).to.equal(expected);
            expect(electionIdFor(chainId, contract)).to.match(/^0x[0-9a-f]{64}$/);
          },
        ),
        { numRuns: 100 },
      );
    });

    it("matches ethers for chain 31337 and a checksummed contract address", function () {
      const contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
      const expected = abiHash([
        ["bytes32", id("shafaf/v1/election-id")],
        ["uint256", 31337n],
        ["address", contract],
      ]);
      expect(electionIdFor(31337n, contract)).to.equal(
        `0x${expected.toString(16).padStart(64, "0")}`,
      );
      // A checksummed and a lower-case address are the same contract.
      expect(electionIdFor(31337n, contract)).to.equal(
        electionIdFor(31337n, contract.toLowerCase() as `0x${string}`),
      );
      expect(getAddress(contract)).to.equal(contract);
    });

    it("binds the chain and the contract", function () {
      const contract = `0x${"11".repeat(20)}` as const;
      expect(electionIdFor(1n, contract)).to.not.equal(electionIdFor(2n, contract));
      expect(electionIdFor(1n, contract)).to.not.equal(electionIdFor(1n, `0x${"12".repeat(20)}`));
    });

    it("rejects a contract address that is not 20 bytes of hex", function () {
      for (const bad of [`0x${"11".repeat(19)}`, `0x${"11".repeat(21)}`, "11".repeat(20), "0xzz"]) {
        expectThrows(() => electionIdFor(1n, bad as `0x${string}`), MalformedInputError, {
          field: "election contract address",
        });
      }
    });
  });

  describe("context words (§3.3)", function () {
    it("ballotContextWords is electionId ‖ contestIndex ‖ voter", function () {
      expect(
        ballotContextWords({ electionId: ELECTION_ID, contestIndex: 7, voter: VOTER }),
      ).to.deep.equal([BigInt(ELECTION_ID), 7n, BigInt(VOTER)]);
    });

    it("rejects a malformed electionId, voter or contestIndex, naming the field", function () {
      const good = { electionId: ELECTION_ID, contestIndex: 0, voter: VOTER };
      const cases: Array<[Partial<typeof good>, string]> = [
        [{ electionId: `0x${"a1".repeat(31)}` }, "electionId"],
        [{ electionId: VOTER }, "electionId"],
        [{ voter: ELECTION_ID }, "voter"],
        [{ voter: `0x${"5e".repeat(21)}` }, "voter"],
        [{ contestIndex: -1 }, "contestIndex"],
        [{ contestIndex: 1.5 }, "contestIndex"],
      ];
      for (const [change, field] of cases) {
        expectThrows(
          () => ballotContextWords({ ...good, ...change } as typeof good),
          MalformedInputError,
          {
            field,
          },
        );
      }
    });

    it("indexWord accepts non-negative safe integers only", function () {
      expect(indexWord(0, "i")).to.equal(0n);
      expect(indexWord(Number.MAX_SAFE_INTEGER, "i")).to.equal(BigInt(Number.MAX_SAFE_INTEGER));
      for (const bad of [-1, 0.5, NaN, Infinity, 2 ** 53]) {
        expectThrows(() => indexWord(bad, "the index"), MalformedInputError, {
          field: "the index",
        });
      }
    });

    it("hexToWord parses a bytes32 and rejects other lengths", function () {
      expect(hexToWord(ELECTION_ID, "electionId")).to.equal(BigInt(ELECTION_ID));
      expectThrows(() => hexToWord(VOTER, "electionId"), MalformedInputError, {
        field: "electionId",
      });
    });
  });
});
