/**
 * §12.2–§12.5 hashes, recomputed independently of the SDK: the flat ciphertext hash with
 * encodePacked, contentHash with a hand-written ABI parameter for ContestBallot[] (not the
 * compiled artifact), the EIP-712 digest from its definition, the receipt, the record and
 * TAG_RECEIPT.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { expect } from "chai";
import {
  concat,
  encodeAbiParameters,
  encodePacked,
  keccak256,
  recoverTypedDataAddress,
  stringToBytes,
  stringToHex,
  type AbiParameter,
  type Address,
  type Hex,
  toHex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { electionIdFor } from "../../../src/crypto";
import {
  ballotDigest,
  ballotRecord,
  ballotTypedData,
  ciphertextsHash,
  contentHash,
  flatCiphertextsHash,
  flattenCiphertexts,
  prepareBallot,
  receiptHash,
  signBallot,
  TAG_RECEIPT,
  type Ballot,
  type BallotContext,
} from "../../../src/election";
import { singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";

const CHAIN_ID = 31337n;
const ELECTION: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const VOTER = privateKeyToAccount(`0x${"42".repeat(32)}`);

const context: BallotContext = {
  chainId: CHAIN_ID,
  election: ELECTION,
  electionId: electionIdFor(CHAIN_ID, ELECTION),
  key: singlePartyKey().key,
  contests: [
    { options: 3, minSelections: 1, maxSelections: 1 },
    { options: 4, minSelections: 0, maxSelections: 2 },
    { options: 2, minSelections: 1, maxSelections: 1 },
  ],
  constituencyContests: [
    [0n, 1n],
    [0n, 2n],
  ],
};

function ballotOf(constituency = 0, seed = "hashes"): Ballot {
  const selections =
    constituency === 0
      ? [
          [0, 0, 1],
          [1, 0, 1, 0],
        ]
      : [
          [1, 0, 0],
          [0, 1],
        ];
  return prepareBallot(
    context,
    VOTER.address,
    constituency,
    selections,
    undefined,
    seededRandom(seed),
  ).ballot;
}

// Hand-written from contracts/crypto/CryptoTypes.sol and contracts/election/ElectionTypes.sol.
const point = <const N extends string>(name: N) =>
  ({
    name,
    type: "tuple",
    components: [
      { name: "x", type: "uint256" },
      { name: "y", type: "uint256" },
    ],
  }) as const;
const CONTEST_BALLOT_ARRAY = {
  name: "contests",
  type: "tuple[]",
  components: [
    { name: "contestId", type: "uint256" },
    { name: "ciphertexts", type: "tuple[]", components: [point("alpha"), point("beta")] },
    {
      name: "optionProofs",
      type: "tuple[]",
      components: [
        point("a0"),
        point("b0"),
        point("a1"),
        point("b1"),
        { name: "c0", type: "uint256" },
        { name: "v0", type: "uint256" },
        { name: "v1", type: "uint256" },
      ],
    },
    {
      name: "selectionProof",
      type: "tuple",
      components: [
        { ...point("a"), type: "tuple[]" },
        { ...point("b"), type: "tuple[]" },
        { name: "c", type: "uint256[]" },
        { name: "v", type: "uint256[]" },
      ],
    },
  ],
} as const satisfies AbiParameter;

const BALLOT_TYPE =
  "Ballot(address credential,uint256 constituency,bytes32 previousReceipt,bytes32 contentHash)";
const DOMAIN_TYPE =
  "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

function independentDigest(chainId: bigint, election: Address, ballot: Ballot): Hex {
  const word = { type: "bytes32" } as const;
  const domainSeparator = keccak256(
    encodeAbiParameters(
      [word, word, word, { type: "uint256" }, { type: "address" }],
      [
        keccak256(stringToHex(DOMAIN_TYPE)),
        keccak256(stringToHex("Shafaf")),
        keccak256(stringToHex("1")),
        chainId,
        election,
      ],
    ),
  );
  const structHash = keccak256(
    encodeAbiParameters(
      [word, { type: "address" }, { type: "uint256" }, word, word],
      [
        keccak256(stringToHex(BALLOT_TYPE)),
        ballot.credential,
        ballot.constituency,
        ballot.previousReceipt,
        keccak256(encodeAbiParameters([CONTEST_BALLOT_ARRAY], [ballot.contests])),
      ],
    ),
  );
  return keccak256(concat(["0x1901", domainSeparator, structHash]));
}

describe("ballot hashes (§12.2–§12.5)", () => {
  it("TAG_RECEIPT = keccak256('shafaf/v1/receipt')", () => {
    const expected = `0x${Buffer.from(keccak_256(stringToBytes("shafaf/v1/receipt"))).toString("hex")}`;
    expect(TAG_RECEIPT).to.equal(expected);
    expect(TAG_RECEIPT).to.equal(keccak256(stringToHex("shafaf/v1/receipt")));
  });

  it("ciphertextsHash = keccak256(α.x ‖ α.y ‖ β.x ‖ β.y …) over every option, in ballot order", () => {
    for (const constituency of [0, 1]) {
      const ballot = ballotOf(constituency);
      const words = ballot.contests.flatMap((c) =>
        c.ciphertexts.flatMap((ct) => [ct.alpha.x, ct.alpha.y, ct.beta.x, ct.beta.y]),
      );
      expect(words).to.have.length(constituency === 0 ? 28 : 20);
      const expected = keccak256(
        encodePacked(
          words.map(() => "uint256"),
          words,
        ),
      );
      expect(ciphertextsHash(ballot.contests)).to.equal(expected);
      expect(flatCiphertextsHash(flattenCiphertexts(ballot.contests))).to.equal(expected);
    }
  });

  it("ciphertextsHash depends on the order of options and contests, and on every coordinate", () => {
    const ballot = ballotOf();
    const base = ciphertextsHash(ballot.contests);
    const flat = flattenCiphertexts(ballot.contests);
    expect(flatCiphertextsHash([flat[1], flat[0], ...flat.slice(2)])).to.not.equal(base);
    expect(ciphertextsHash([ballot.contests[1], ballot.contests[0]])).to.not.equal(base);
    const changed = structuredClone(flat);
    changed[6].beta.y += 1n;
    expect(flatCiphertextsHash(changed)).to.not.equal(base);
    // The empty list hashes to keccak256 of nothing.
    expect(flatCiphertextsHash([])).to.equal(keccak256("0x"));
  });

  it("contentHash = keccak256(abi.encode(ContestBallot[])) with a hand-written ABI parameter", () => {
    for (const constituency of [0, 1]) {
      const ballot = ballotOf(constituency);
      expect(contentHash(ballot.contests)).to.equal(
        keccak256(encodeAbiParameters([CONTEST_BALLOT_ARRAY], [ballot.contests])),
      );
    }
  });

  it("contentHash changes with any field of any contest (proofs included)", () => {
    const ballot = ballotOf();
    const base = contentHash(ballot.contests);
    const tampers: Array<(b: Ballot) => void> = [
      (b) => void (b.contests[0].contestId = 5n),
      (b) => void (b.contests[1].ciphertexts[3].alpha.x += 1n),
      (b) => void (b.contests[0].optionProofs[2].v1 += 1n),
      (b) => void (b.contests[1].optionProofs[0].a0.y += 1n),
      (b) => void (b.contests[1].selectionProof.c[1] += 1n),
      (b) => void (b.contests[0].selectionProof.b[0].x += 1n),
      (b) => void b.contests.pop(),
    ];
    for (const [i, tamper] of tampers.entries()) {
      const copy = structuredClone(ballot);
      tamper(copy);
      expect(contentHash(copy.contests), `tamper ${i}`).to.not.equal(base);
    }
  });

  it("ballotDigest is the EIP-712 digest of §12.3, computed from its definition", async () => {
    const ballot = ballotOf();
    const digest = independentDigest(CHAIN_ID, ELECTION, ballot);
    expect(ballotDigest(CHAIN_ID, ELECTION, ballot)).to.equal(digest);
    // Each domain field and each message field enters the digest.
    const other = `0x${"11".repeat(20)}` as Address;
    const variants: Array<[bigint, Address, Ballot]> = [
      [1n, ELECTION, ballot],
      [CHAIN_ID, other, ballot],
      [CHAIN_ID, ELECTION, { ...ballot, credential: other }],
      [CHAIN_ID, ELECTION, { ...ballot, constituency: 1n }],
      [CHAIN_ID, ELECTION, { ...ballot, previousReceipt: keccak256("0x01") }],
      [CHAIN_ID, ELECTION, { ...ballot, contests: ballot.contests.slice(0, 1) }],
    ];
    for (const [chainId, election, b] of variants) {
      const changed = ballotDigest(chainId, election, b);
      expect(changed).to.equal(independentDigest(chainId, election, b));
      expect(changed).to.not.equal(digest);
    }
    // The typed data is what a wallet signs: it recovers to the credential over this digest.
    const signature = await VOTER.signTypedData(ballotTypedData(CHAIN_ID, ELECTION, ballot));
    expect(
      await recoverTypedDataAddress({
        ...ballotTypedData(CHAIN_ID, ELECTION, ballot),
        signature,
      }),
    ).to.equal(VOTER.address);
  });

  it("receiptHash = keccak256(TAG_RECEIPT ‖ electionId ‖ digest ‖ keccak256(signature))", async () => {
    const prepared = prepareBallot(context, VOTER.address, 0, [
      [1, 0, 0],
      [0, 0, 0, 0],
    ]);
    const signed = await signBallot(context, prepared, VOTER);
    const expected = keccak256(
      concat([TAG_RECEIPT, context.electionId, signed.digest, keccak256(signed.signature)]),
    );
    expect(signed.receipt).to.equal(expected);
    expect(receiptHash(context.electionId, signed.digest, signed.signature)).to.equal(expected);
    expect(signed.digest).to.equal(independentDigest(CHAIN_ID, ELECTION, prepared.ballot));
    // Another election id or signature gives another receipt.
    expect(receiptHash(keccak256("0x02"), signed.digest, signed.signature)).to.not.equal(expected);
    expect(receiptHash(context.electionId, signed.digest, `${signed.signature}00`)).to.not.equal(
      expected,
    );
  });

  it("ballotRecord = keccak256(receipt ‖ ciphertextsHash ‖ constituency), order-sensitive", () => {
    const receipt = keccak256("0xaa");
    const hash = keccak256("0xbb");
    expect(ballotRecord(receipt, hash, 3n)).to.equal(
      keccak256(concat([receipt, hash, toHex(3n, { size: 32 })])),
    );
    expect(ballotRecord(hash, receipt, 3n)).to.not.equal(ballotRecord(receipt, hash, 3n));
    expect(ballotRecord(receipt, hash, 4n)).to.not.equal(ballotRecord(receipt, hash, 3n));
  });
});
