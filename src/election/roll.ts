/** §10.3: per-constituency eligibility trees over leaves (credential, constituency). */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { getAddress, type Address, type Hex } from "viem";
import { MalformedInputError } from "../crypto";

export const LEAF_ENCODING = ["address", "uint256"] as const;

export interface RollEntry {
  credential: Address;
  constituency: number;
}

export interface ConstituencyRoll {
  constituency: number;
  root: Hex;
  voters: number;
  tree: StandardMerkleTree<[string, string]>;
}

/** Builds one tree per constituency; rejects duplicates and unknown constituencies. */
export function buildRolls(
  entries: readonly RollEntry[],
  constituencies: number,
): ConstituencyRoll[] {
  const byConstituency = new Map<number, [string, string][]>();
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const { constituency } = entry;
    if (!Number.isInteger(constituency) || constituency < 0 || constituency >= constituencies) {
      throw new MalformedInputError(
        `roll entry ${i + 1}`,
        `unknown constituency ${constituency}`,
        "§10.3",
      );
    }
    const credential = getAddress(entry.credential);
    if (seen.has(credential)) {
      throw new MalformedInputError(
        `roll entry ${i + 1}`,
        `credential ${credential} appears twice`,
        "§10.3",
      );
    }
    seen.add(credential);
    const leaves = byConstituency.get(constituency) ?? [];
    leaves.push([credential, String(constituency)]);
    byConstituency.set(constituency, leaves);
  });
  return [...byConstituency.entries()]
    .sort(([a], [b]) => a - b)
    .map(([constituency, leaves]) => {
      const tree = StandardMerkleTree.of(leaves, [...LEAF_ENCODING]);
      return { constituency, root: tree.root as Hex, voters: leaves.length, tree };
    });
}

/** The Merkle proof for a credential in its constituency's roll. */
export function eligibilityProof(roll: ConstituencyRoll, credential: Address): Hex[] {
  const wanted = getAddress(credential);
  for (const [index, [address]] of roll.tree.entries()) {
    if (address === wanted) return roll.tree.getProof(index) as Hex[];
  }
  throw new MalformedInputError(
    "credential",
    `${wanted} is not in the roll of constituency ${roll.constituency}`,
    "§10.3",
  );
}
