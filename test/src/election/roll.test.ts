/**
 * §10.3 eligibility rolls: one StandardMerkleTree per constituency over (address credential,
 * uint256 constituency); leaf = keccak256(keccak256(abi.encode(credential, v))). Roots are checked
 * against trees built here, proofs against StandardMerkleTree.verify and against an independent
 * fold with OpenZeppelin MerkleProof's sorted-pair hashing.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { concat, encodeAbiParameters, getAddress, keccak256, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { MalformedInputError } from "../../../src/crypto";
import { buildRolls, eligibilityProof, LEAF_ENCODING, type RollEntry } from "../../../src/election";
import { expectThrows } from "../../helpers/crypto";

function credential(n: number): Address {
  return privateKeyToAccount(`0x${(n + 1).toString(16).padStart(64, "0")}`).address;
}

/** Eight voters in constituencies 0 … 2, listed out of order. */
const ENTRIES: RollEntry[] = [
  { credential: credential(0), constituency: 1 },
  { credential: credential(1), constituency: 0 },
  { credential: credential(2), constituency: 2 },
  { credential: credential(3), constituency: 0 },
  { credential: credential(4), constituency: 1 },
  { credential: credential(5), constituency: 0 },
  { credential: credential(6), constituency: 2 },
  { credential: credential(7), constituency: 1 },
];

/** §10.3 leaf, written out with viem. */
function leaf(address: Address, constituency: number): Hex {
  return keccak256(
    keccak256(
      encodeAbiParameters(
        [{ type: "address" }, { type: "uint256" }],
        [address, BigInt(constituency)],
      ),
    ),
  );
}

/** OpenZeppelin MerkleProof.processProof: fold with keccak256 of the sorted pair. */
function processProof(proof: readonly Hex[], start: Hex): Hex {
  return proof.reduce<Hex>(
    (node, sibling) =>
      BigInt(node) < BigInt(sibling)
        ? keccak256(concat([node, sibling]))
        : keccak256(concat([sibling, node])),
    start,
  );
}

describe("eligibility rolls (§10.3)", () => {
  it("groups entries by constituency, in constituency order, with voter counts", () => {
    const rolls = buildRolls(ENTRIES, 3);
    expect(rolls.map((r) => r.constituency)).to.deep.equal([0, 1, 2]);
    expect(rolls.map((r) => r.voters)).to.deep.equal([3, 3, 2]);
    for (const roll of rolls) {
      const members = [...roll.tree.entries()].map(([, value]) => value);
      const expected = ENTRIES.filter((e) => e.constituency === roll.constituency).map((e) => [
        e.credential,
        String(roll.constituency),
      ]);
      expect(members).to.have.deep.members(expected);
    }
  });

  it("has the root of StandardMerkleTree.of over [address, uint256], whatever the entry order", () => {
    expect([...LEAF_ENCODING]).to.deep.equal(["address", "uint256"]);
    const rolls = buildRolls(ENTRIES, 3);
    const reversed = buildRolls([...ENTRIES].reverse(), 3);
    for (const roll of rolls) {
      const values = ENTRIES.filter((e) => e.constituency === roll.constituency).map(
        (e) => [e.credential, roll.constituency] as [string, number],
      );
      const reference = StandardMerkleTree.of(values, ["address", "uint256"]);
      expect(roll.root).to.equal(reference.root);
      expect(reversed[roll.constituency].root).to.equal(reference.root);
    }
    // Roots differ between constituencies, and a constituency's leaf encodes its number.
    expect(new Set(rolls.map((r) => r.root)).size).to.equal(3);
    expect(rolls[0].tree.leafHash([credential(1), "0"])).to.equal(leaf(credential(1), 0));
    expect(leaf(credential(1), 0)).to.not.equal(leaf(credential(1), 1));
  });

  it("leaves out constituencies without voters; a single voter's root is its leaf", () => {
    const rolls = buildRolls([{ credential: credential(9), constituency: 2 }], 4);
    expect(rolls).to.have.length(1);
    expect(rolls[0].constituency).to.equal(2);
    expect(rolls[0].voters).to.equal(1);
    expect(rolls[0].root).to.equal(leaf(credential(9), 2));
    expect(eligibilityProof(rolls[0], credential(9))).to.deep.equal([]);
    expect(buildRolls([], 3)).to.deep.equal([]);
  });

  it("rejects a duplicate credential with the entry number (same or other constituency, any case)", () => {
    const twice = [...ENTRIES, { credential: credential(3), constituency: 0 }];
    expectThrows(() => buildRolls(twice, 3), MalformedInputError, { field: "roll entry 9" });
    const elsewhere = [
      { credential: credential(1), constituency: 0 },
      { credential: credential(2), constituency: 2 },
      { credential: credential(1), constituency: 1 },
    ];
    expectThrows(() => buildRolls(elsewhere, 3), MalformedInputError, { field: "roll entry 3" });
    const lowercase = [
      { credential: credential(4), constituency: 1 },
      { credential: credential(4).toLowerCase() as Address, constituency: 1 },
    ];
    expectThrows(() => buildRolls(lowercase, 3), MalformedInputError, { field: "roll entry 2" });
  });

  it("rejects an unknown constituency with the entry number", () => {
    for (const constituency of [3, 7, -1, 1.5, Number.NaN]) {
      const entries = [...ENTRIES.slice(0, 4), { credential: credential(20), constituency }];
      const error = expectThrows(() => buildRolls(entries, 3), MalformedInputError, {
        field: "roll entry 5",
      });
      expect(error.message).to.contain(`unknown constituency ${constituency}`);
    }
  });

  it("normalises credentials to checksum form (lowercase input gives the same root)", () => {
    const lower = ENTRIES.map((e) => ({
      ...e,
      credential: e.credential.toLowerCase() as Address,
    }));
    expect(buildRolls(lower, 3).map((r) => r.root)).to.deep.equal(
      buildRolls(ENTRIES, 3).map((r) => r.root),
    );
  });

  it("eligibilityProof verifies with StandardMerkleTree.verify and with MerkleProof's fold", () => {
    const rolls = buildRolls(ENTRIES, 3);
    for (const entry of ENTRIES) {
      const roll = rolls[entry.constituency];
      const proof = eligibilityProof(roll, entry.credential);
      expect(
        StandardMerkleTree.verify(
          roll.root,
          ["address", "uint256"],
          [entry.credential, entry.constituency],
          proof,
        ),
      ).to.equal(true);
      expect(processProof(proof, leaf(entry.credential, entry.constituency))).to.equal(roll.root);
      // Lowercase lookup finds the same proof.
      expect(eligibilityProof(roll, entry.credential.toLowerCase() as Address)).to.deep.equal(
        proof,
      );
      // The proof does not show the credential in any other constituency.
      for (const other of rolls.filter((r) => r.constituency !== entry.constituency)) {
        expect(processProof(proof, leaf(entry.credential, other.constituency))).to.not.equal(
          other.root,
        );
        expect(processProof(proof, leaf(entry.credential, entry.constituency))).to.not.equal(
          other.root,
        );
      }
    }
  });

  it("rejects a proof request for a credential missing from the roll", () => {
    const rolls = buildRolls(ENTRIES, 3);
    const stranger = credential(42);
    const error = expectThrows(() => eligibilityProof(rolls[0], stranger), MalformedInputError, {
      field: "credential",
    });
    expect(error.message).to.contain(getAddress(stranger));
    // Registered, but in constituency 1: not in roll 0.
    expectThrows(() => eligibilityProof(rolls[0], credential(0)), MalformedInputError, {
      field: "credential",
    });
  });
});
