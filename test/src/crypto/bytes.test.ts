import { expect } from "chai";
import fc from "fast-check";
import {
  bigIntToWord,
  bytesToBigInt,
  hexToBigInt,
  MalformedInputError,
  UINT256_MAX,
  wordToHex,
} from "../../../src/crypto";
import { expectThrows } from "../../helpers/crypto";

describe("bytes (§3.1 words)", function () {
  it("UINT256_MAX is 2²⁵⁶ − 1", function () {
    expect(UINT256_MAX).to.equal((1n << 256n) - 1n);
  });

  it("bigIntToWord / bytesToBigInt round-trip every uint256 as 32 big-endian bytes", function () {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: UINT256_MAX }), (value) => {
        const word = bigIntToWord(value);
        expect(word.length).to.equal(32);
        expect(bytesToBigInt(word)).to.equal(value);
        expect(wordToHex(value)).to.equal(`0x${Buffer.from(word).toString("hex")}`);
      }),
      { numRuns: 200 },
    );
  });

  it("is big-endian and left-padded", function () {
    const word = bigIntToWord(0x0102n);
    expect(word[30]).to.equal(1);
    expect(word[31]).to.equal(2);
    expect(word.subarray(0, 30).every((b) => b === 0)).to.equal(true);
    expect(wordToHex(1n)).to.equal(`0x${"0".repeat(63)}1`);
  });

  it("bytesToBigInt of no bytes is 0", function () {
    expect(bytesToBigInt(new Uint8Array(0))).to.equal(0n);
  });

  it("bigIntToWord rejects negative and oversized values, naming the field", function () {
    for (const value of [-1n, 1n << 256n]) {
      expectThrows(() => bigIntToWord(value, "my word"), MalformedInputError, {
        field: "my word",
        section: "§3.1",
      });
    }
  });

  it("hexToBigInt accepts exactly the requested number of bytes", function () {
    expect(hexToBigInt(`0x${"ff".repeat(32)}`, "w")).to.equal(UINT256_MAX);
    expect(hexToBigInt(`0x${"AB".repeat(20)}`, "a", 20)).to.equal(BigInt(`0x${"ab".repeat(20)}`));
    const bad: unknown[] = [
      `0x${"ff".repeat(31)}`,
      `0x${"ff".repeat(33)}`,
      "ff".repeat(32),
      `0x${"fg".repeat(32)}`,
      ` 0x${"ff".repeat(32)}`,
      12,
      undefined,
    ];
    for (const value of bad) {
      expectThrows(() => hexToBigInt(value as string, "the hex"), MalformedInputError, {
        field: "the hex",
      });
    }
  });
});
