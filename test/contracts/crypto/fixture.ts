/**
 * Shared fixture of the on-chain crypto tests: deploys ProofVerifier and GasProbe once per
 * test file (hardhat-network-helpers `loadFixture`) and builds SDK-made statements and proofs.
 */
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { ethers } from "hardhat";
import {
  addCiphertexts,
  createTrustee,
  decodeCiphertext,
  electionIdFor,
  encrypt,
  encryptContest,
  proveZeroOne,
  type ElectionKey,
  type Hex,
  type Point,
  type RandomSource,
  type TrusteeCommitments,
  type TrusteeSecrets,
  FIELD_MODULUS,
} from "../../../src/crypto";
import type { GasProbe, ProofVerifier } from "../../../typechain-types";
import { malformedPoints, malformedScalars } from "../../helpers/crypto";

export const HARDHAT_CHAIN_ID = 31337n;

export interface Deployed {
  verifier: ProofVerifier;
  probe: GasProbe;
}

async function deploy(): Promise<Deployed> {
  const verifier = (await (
    await ethers.getContractFactory("ProofVerifier")
  ).deploy()) as unknown as ProofVerifier;
  const probe = (await (
    await ethers.getContractFactory("GasProbe")
  ).deploy()) as unknown as GasProbe;
  await verifier.waitForDeployment();
  await probe.waitForDeployment();
  return { verifier, probe };
}

/** The deployed verifier and probe (snapshot-restored between tests). */
export function deployed(): Promise<Deployed> {
  return loadFixture(deploy);
}

/** An election identifier bound to an arbitrary election contract address (§3.2). */
export function testElectionId(contract: Hex = `0x${"e1".repeat(20)}`): Hex {
  return electionIdFor(HARDHAT_CHAIN_ID, contract);
}

/**
 * Malformed encodings that can travel in an ABI uint256 (the helper's negative values cannot be
 * encoded at all), with the BN254 custom error and arguments the contracts must revert with.
 */
export function onChainMalformedPoints(
  valid: Point,
): Array<{ name: string; point: Point; error: string; args: bigint[] }> {
  return malformedPoints(valid)
    .filter((bad) => bad.point.x >= 0n && bad.point.y >= 0n)
    .map((bad) => {
      const { x, y } = bad.point;
      if (bad.reason === "infinity") {
        return { ...bad, error: "BN254PointAtInfinity", args: [] };
      }
      if (bad.reason === "coordinate-out-of-range") {
        // The first coordinate that is not below p (x is checked before y).
        return { ...bad, error: "BN254CoordinateOutOfRange", args: [x >= FIELD_MODULUS ? x : y] };
      }
      return { ...bad, error: "BN254PointNotOnCurve", args: [x, y] };
    });
}

/** Scalars ≥ r that can travel in an ABI uint256. */
export function onChainMalformedScalars(valid: bigint): Array<{ name: string; value: bigint }> {
  return malformedScalars(valid).filter((bad) => bad.value >= 0n);
}

/** A single ciphertext of `value` under `key`, with its option proof (§4.2, §5.2). */
export function makeOption(
  key: ElectionKey,
  electionId: Hex,
  contestIndex: number,
  voter: Hex,
  optionIndex: number,
  value: 0 | 1,
  random: RandomSource,
) {
  const { ciphertext, nonce } = encrypt(key, BigInt(value), random);
  const proof = proveZeroOne(
    { context: { electionId, contestIndex, voter }, optionIndex, key, ciphertext },
    { value, nonce },
    random,
  );
  return { ciphertext: ciphertext.wire, proof };
}

/** An encrypted contest ballot and its aggregate (§8). */
export function makeContest(
  key: ElectionKey,
  electionId: Hex,
  voter: Hex,
  params: { contestIndex: number; options: number; minSelections: number; maxSelections: number },
  selections: number[],
  random: RandomSource,
) {
  const { contest } = encryptContest({ electionId, voter, key }, params, selections, random);
  const aggregate = addCiphertexts(
    contest.ciphertexts.map((c, i) => decodeCiphertext(c, `option ${i}`)),
  ).wire;
  return { contest, aggregate };
}

/** A full trustee set of a ceremony (§6.1). */
export function makeCeremony(
  electionId: Hex,
  trustees: number,
  threshold: number,
  random: RandomSource,
): Array<{ secrets: TrusteeSecrets; published: TrusteeCommitments }> {
  return Array.from({ length: trustees }, (_, i) =>
    createTrustee({ electionId, trustees, threshold }, i + 1, random),
  );
}

/** Deep copy of plain proof / statement objects (bigints, arrays, objects). */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => clone(v) as unknown) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  }
  return value;
}

export { expect };
