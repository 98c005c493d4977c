import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { ethers } from "hardhat";
import {
  addCiphertexts,
  decodeCiphertext,
  DomainTag,
  electionIdFor,
  encodePoint,
  encrypt,
  FIELD_MODULUS,
  GENERATOR,
  GROUP_ORDER,
  IDENTITY,
  subtractCiphertext,
  type Point,
} from "../../../src/crypto";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { pointOf, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import type { CryptoHarness } from "../../../typechain-types";
import { decode } from "./decode";
import { deployed, HARDHAT_CHAIN_ID, onChainMalformedPoints } from "./fixture";

const random = seededRandom("on-chain primitives");
const O: Point = { x: 0n, y: 0n };
const asPoint = (p: { x: bigint; y: bigint }): Point => ({ x: p.x, y: p.y });
const wire = (e: ReturnType<typeof decode>): Point => (e.is0() ? O : encodePoint(e));

async function harness(): Promise<CryptoHarness> {
  return loadFixture(async function deployHarness() {
    return (await (
      await ethers.getContractFactory("CryptoHarness")
    ).deploy()) as unknown as CryptoHarness;
  });
}

describe("crypto primitives on-chain (§1–§4, §9)", function () {
  it("§9 domain tags are keccak256 of the ASCII strings, as in the SDK", async function () {
    const { verifier } = await deployed();
    const labels = [
      "election-id",
      "zero-one-proof",
      "selection-proof",
      "schnorr-proof",
      "decryption-proof",
      "complaint-proof",
      "share-encryption",
    ];
    const tags = await verifier.domainTags();
    labels.forEach((label, i) =>
      expect(BigInt(tags[i])).to.equal(
        BigInt(`0x${Buffer.from(keccak_256(utf8ToBytes(`shafaf/v1/${label}`))).toString("hex")}`),
      ),
    );
    expect(tags.map((t) => BigInt(t))).to.deep.equal([
      DomainTag.electionId,
      DomainTag.zeroOne,
      DomainTag.selection,
      DomainTag.schnorr,
      DomainTag.decryption,
      DomainTag.complaint,
      DomainTag.sharePad,
    ]);
  });

  it("§3.2 electionId equals the SDK's for this chain and a given contract", async function () {
    const { verifier } = await deployed();
    const network = await ethers.provider.getNetwork();
    expect(network.chainId).to.equal(HARDHAT_CHAIN_ID);
    for (const contract of [
      await verifier.getAddress(),
      `0x${"00".repeat(19)}01`,
      `0x${"ff".repeat(20)}`,
    ] as const) {
      const onChain = await verifier.electionId(network.chainId, contract);
      expect(onChain).to.equal(electionIdFor(network.chainId, contract as `0x${string}`));
    }
    expect(await verifier.electionId(1, `0x${"ab".repeat(20)}`)).to.not.equal(
      await verifier.electionId(2, `0x${"ab".repeat(20)}`),
    );
  });

  it("§2.2 validation: the three errors in order, with their arguments", async function () {
    const h = await harness();
    const valid = pointOf(12345n);
    await h.validatePoint(valid);
    await h.validatePoint({ x: 1n, y: 2n });
    await h.validatePoint({ x: 1n, y: FIELD_MODULUS - 2n });
    for (const bad of onChainMalformedPoints(valid)) {
      await expect(h.validatePoint(bad.point))
        .to.be.revertedWithCustomError(h, bad.error)
        .withArgs(...bad.args);
    }
    // x ≥ p is reported before y ≥ p, and both before the curve equation.
    await expect(h.validatePoint({ x: FIELD_MODULUS, y: FIELD_MODULUS + 1n }))
      .to.be.revertedWithCustomError(h, "BN254CoordinateOutOfRange")
      .withArgs(FIELD_MODULUS);
    await expect(h.validatePoint({ x: 0n, y: 1n }))
      .to.be.revertedWithCustomError(h, "BN254PointNotOnCurve")
      .withArgs(0n, 1n);
    await h.validatePointOrIdentity(O);
    await h.validatePointOrIdentity(valid);
    await expect(h.validatePointOrIdentity({ x: 0n, y: 1n })).to.be.revertedWithCustomError(
      h,
      "BN254PointNotOnCurve",
    );
    const [pointsOk] = await h.allValid([valid, { x: 1n, y: 2n }], []);
    expect(pointsOk).to.equal(true);
    for (const bad of onChainMalformedPoints(valid)) {
      expect((await h.allValid([valid, bad.point], []))[0]).to.equal(false);
    }
  });

  it("§2.1 scalar validation", async function () {
    const h = await harness();
    await h.validateScalar(0n);
    await h.validateScalar(GROUP_ORDER - 1n);
    for (const s of [GROUP_ORDER, GROUP_ORDER + 1n, (1n << 256n) - 1n]) {
      await expect(h.validateScalar(s))
        .to.be.revertedWithCustomError(h, "BN254ScalarOutOfRange")
        .withArgs(s);
    }
    expect((await h.allValid([], [0n, GROUP_ORDER - 1n]))[1]).to.equal(true);
    expect((await h.allValid([], [0n, GROUP_ORDER]))[1]).to.equal(false);
  });

  it("BN254 arithmetic agrees with @noble/curves, including the identity", async function () {
    const h = await harness();
    const points = [pointOf(7n), pointOf(GROUP_ORDER - 7n), pointOf(99n), O];
    for (const a of points) {
      for (const b of points) {
        for (const s of [0n, 1n, 2n, 12345678901234567890n, GROUP_ORDER - 1n]) {
          const [sum, difference, negation, product] = await h.arithmetic(a, b, s);
          const A = decode(a);
          const B = decode(b);
          expect(asPoint(sum)).to.deep.equal(wire(A.add(B)));
          expect(asPoint(difference)).to.deep.equal(wire(A.subtract(B)));
          expect(asPoint(negation)).to.deep.equal(wire(A.negate()));
          expect(asPoint(product)).to.deep.equal(wire(s === 0n ? IDENTITY : A.multiplyUnsafe(s)));
          const [shifted, addMul, mulAdd] = await h.assignments(a, b, s);
          expect(asPoint(shifted)).to.deep.equal(
            wire(s === 0n ? A : A.subtract(GENERATOR.multiply(s))),
          );
          expect(asPoint(addMul)).to.deep.equal(wire(s === 0n ? A : A.add(B.multiplyUnsafe(s))));
          expect(asPoint(mulAdd)).to.deep.equal(wire(s === 0n ? B : A.multiplyUnsafe(s).add(B)));
          const [equal, identity] = await h.predicates(a, b);
          expect(equal).to.equal(a.x === b.x && a.y === b.y);
          expect(identity).to.equal(a.x === 0n && a.y === 0n);
        }
      }
    }
  });

  it("mulAddEq / mulAddEqG decide v·base = a + c·y", async function () {
    const h = await harness();
    const base = pointOf(5n);
    const y = pointOf(11n);
    // v·5G = a + c·11G with a = (5v − 11c)G.
    const v = 1234n;
    const c = 987n;
    const a = pointOf((((5n * v - 11n * c) % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER);
    expect(await h.equations(base, v, a, c, y)).to.deep.equal([true, false]);
    const aG = pointOf((((v - 11n * c) % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER);
    expect(await h.equations(base, v, aG, c, y)).to.deep.equal([false, true]);
    expect(await h.equations(base, v + 1n, a, c, y)).to.deep.equal([false, false]);
  });

  it("§4.3 ciphertext addition, subtraction and aggregation agree with the SDK", async function () {
    const { verifier } = await deployed();
    const h = await harness();
    const { key } = singlePartyKey(random);
    const cts = [1n, 0n, 1n].map((m) => encrypt(key, m, random).ciphertext);
    const [sum, difference] = await h.ciphertextArithmetic(cts[0].wire, cts[1].wire);
    const norm = (c: { alpha: Point; beta: Point }) => ({
      alpha: asPoint(c.alpha),
      beta: asPoint(c.beta),
    });
    expect(norm(sum)).to.deep.equal(addCiphertexts([cts[0], cts[1]]).wire);
    expect(norm(difference)).to.deep.equal(subtractCiphertext(cts[0], cts[1]).wire);
    const total = await verifier.aggregateCiphertexts(cts.map((c) => c.wire));
    expect(norm(total)).to.deep.equal(addCiphertexts(cts).wire);
    // x − x = (O, O); the empty sum is (O, O).
    const [, zero] = await h.ciphertextArithmetic(cts[2].wire, cts[2].wire);
    expect(norm(zero)).to.deep.equal({ alpha: O, beta: O });
    expect(norm(await verifier.aggregateCiphertexts([]))).to.deep.equal({ alpha: O, beta: O });
    expect(norm(await verifier.aggregateCiphertexts([cts[0].wire]))).to.deep.equal(
      decodeCiphertext(cts[0].wire).wire,
    );
  });

  it("modular inverse through modexp", async function () {
    const h = await harness();
    for (const a of [1n, 2n, 3n, GROUP_ORDER - 1n, 0x1234567890abcdefn]) {
      const inv = await h.inverse(a);
      expect((inv * a) % GROUP_ORDER).to.equal(1n);
    }
  });
});
