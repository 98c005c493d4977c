/**
 * §11.1 voter credential: scrypt over NFKC(passcode) ‖ 0x00 ‖ NFKC(secret), salted by the
 * election. Checked against an independent computation from the spec's formula, for determinism,
 * for the effect of every input, for Unicode normalisation and for input validation.
 * Tests use N = 2¹⁰ (the contract's minimum) for speed; one test runs at N = 2¹⁴.
 */
import { scrypt } from "@noble/hashes/scrypt.js";
import { expect } from "chai";
import { concat, stringToBytes, toBytes, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { MalformedInputError } from "../../../src/crypto";
import {
  deriveCredential,
  deriveCredentialAsync,
  MIN_VOTER_SECRET_LENGTH,
  type CredentialInput,
} from "../../../src/election";
import { expectThrows } from "../../helpers/crypto";

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const BASE: CredentialInput = {
  passcode: "K7QF-29XM-4RTP",
  voterSecret: "mango lassi at noon",
  electionId: `0x${"a1".repeat(32)}`,
  kdfLog2N: 10,
};

/** §11.1 written out from the spec with @noble/hashes and viem only (no SDK code). */
function independentCredential(input: CredentialInput): Hex {
  const password = concat([
    stringToBytes(input.passcode.normalize("NFKC")),
    new Uint8Array([0]),
    stringToBytes(input.voterSecret.normalize("NFKC")),
  ]);
  const salt = concat([stringToBytes("shafaf/v1/credential"), toBytes(input.electionId)]);
  const seed = scrypt(password, salt, { N: 2 ** input.kdfLog2N, r: 8, p: 1, dkLen: 48 });
  // mapHashToField(seed, n) = (seed mod (n − 1)) + 1, big-endian.
  const key = (BigInt(`0x${Buffer.from(seed).toString("hex")}`) % (SECP256K1_N - 1n)) + 1n;
  return privateKeyToAccount(`0x${key.toString(16).padStart(64, "0")}`).address;
}

const derive = (changes: Partial<CredentialInput> = {}) =>
  deriveCredential({ ...BASE, ...changes }).address;

describe("voter credential (§11.1)", () => {
  it("equals the spec's formula computed independently, and the account matches the address", () => {
    const credential = deriveCredential(BASE);
    expect(credential.address).to.equal(independentCredential(BASE));
    expect(credential.account.address).to.equal(credential.address);
  });

  it("is deterministic for the same inputs", () => {
    expect(derive()).to.equal(derive());
    expect(deriveCredential({ ...BASE }).account.publicKey).to.equal(
      deriveCredential({ ...BASE }).account.publicKey,
    );
  });

  it("changes with the passcode, the secret, the election id and the KDF cost", () => {
    const variants: Record<string, Partial<CredentialInput>> = {
      base: {},
      passcode: { passcode: "K7QF-29XM-4RTQ" },
      secret: { voterSecret: "mango lassi at noom" },
      electionId: { electionId: `0x${"a1".repeat(31)}a2` },
      kdf: { kdfLog2N: 11 },
    };
    const addresses = Object.entries(variants).map(([name, changes]) => [name, derive(changes)]);
    expect(new Set(addresses.map(([, a]) => a)).size, JSON.stringify(addresses)).to.equal(5);
    for (const [name, changes] of Object.entries(variants)) {
      expect(derive(changes), name).to.equal(independentCredential({ ...BASE, ...changes }));
    }
  });

  it("needs both inputs: changing either alone, or swapping them, gives another credential", () => {
    const target = derive();
    // The commission knows the passcode: every secret it tries gives another key.
    for (const voterSecret of ["", "mango lassi at noon ", "Mango lassi at noon", "123456"]) {
      if (voterSecret.length < MIN_VOTER_SECRET_LENGTH) {
        expectThrows(() => derive({ voterSecret }), MalformedInputError);
      } else {
        expect(derive({ voterSecret })).to.not.equal(target);
      }
    }
    // The voter knows the secret: a wrong or empty passcode never gives the key.
    expect(derive({ passcode: "K7QF-29XM-4RT" })).to.not.equal(target);
    expectThrows(() => derive({ passcode: "" }), MalformedInputError, { field: "passcode" });
    // The separator keeps the two inputs apart.
    expect(derive({ passcode: BASE.voterSecret, voterSecret: BASE.passcode })).to.not.equal(target);
    expect(derive({ passcode: "K7QF-29XM-4RTPm", voterSecret: "ango lassi at noon" })).to.not.equal(
      target,
    );
  });

  it("normalises both inputs with NFKC (ligatures, composed accents, full-width forms)", () => {
    const pairs: Array<[string, string]> = [
      ["\uFB01le-7788", "file-7788"], // "ﬁ" ligature
      ["caf\u00E9-12", "cafe\u0301-12"], // é composed vs e + combining acute
      ["\uFF21\uFF22\uFF23-\uFF11\uFF12", "ABC-12"], // full-width letters and digits
    ];
    for (const [a, b] of pairs) {
      expect(a).to.not.equal(b);
      expect(derive({ passcode: a }), `passcode ${a}`).to.equal(derive({ passcode: b }));
      const secretA = `secret ${a}`;
      const secretB = `secret ${b}`;
      expect(derive({ voterSecret: secretA }), `secret ${a}`).to.equal(
        derive({ voterSecret: secretB }),
      );
    }
    // The normalised form is what the spec hashes.
    expect(derive({ passcode: "\uFB01le-7788" })).to.equal(
      independentCredential({ ...BASE, passcode: "file-7788" }),
    );
    // Case is not folded by NFKC.
    expect(derive({ passcode: "k7qf-29xm-4rtp" })).to.not.equal(derive());
  });

  it("rejects a too-short secret and an empty passcode (MalformedInputError)", () => {
    expect(MIN_VOTER_SECRET_LENGTH).to.equal(6);
    for (const voterSecret of ["", "a", "abcde"]) {
      expectThrows(() => derive({ voterSecret }), MalformedInputError, { field: "voter secret" });
    }
    expect(derive({ voterSecret: "abcdef" })).to.equal(
      independentCredential({ ...BASE, voterSecret: "abcdef" }),
    );
    expectThrows(() => derive({ passcode: "" }), MalformedInputError, { field: "passcode" });
  });

  it("rejects a KDF cost outside 10 … 24 or not an integer", () => {
    for (const kdfLog2N of [9, 25, 0, -1, 10.5, Number.NaN, Infinity]) {
      expectThrows(() => derive({ kdfLog2N }), MalformedInputError, { field: "kdfLog2N" });
    }
  });

  it("rejects an election id that is not 32 bytes of 0x-prefixed hex", () => {
    const bad = [
      "0x1234",
      "a1".repeat(32),
      `0x${"a1".repeat(33)}`,
      `0x${"a1".repeat(31)}`,
      `0x${"g1".repeat(32)}`,
      "",
    ];
    for (const electionId of bad) {
      expectThrows(() => derive({ electionId: electionId as Hex }), MalformedInputError, {
        field: "electionId",
      });
    }
  });

  it("rejects the same inputs in the async variant, before any work", async () => {
    for (const changes of [{ passcode: "" }, { voterSecret: "abc" }, { kdfLog2N: 8 }]) {
      let caught: unknown;
      try {
        await deriveCredentialAsync({ ...BASE, ...changes });
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(changes)).to.be.instanceOf(MalformedInputError);
    }
  });

  it("the async variant equals the sync one and reports progress up to 1", async () => {
    const progress: number[] = [];
    const credential = await deriveCredentialAsync(BASE, (fraction) => progress.push(fraction));
    expect(credential.address).to.equal(derive());
    expect(progress.length).to.be.greaterThan(0);
    for (const [i, fraction] of progress.entries()) {
      expect(fraction).to.be.within(0, 1);
      if (i > 0) expect(fraction).to.be.at.least(progress[i - 1]);
    }
    expect(progress[progress.length - 1]).to.equal(1);
    // Without a callback as well.
    expect((await deriveCredentialAsync(BASE)).address).to.equal(derive());
  });

  it("at N = 2¹⁴ matches the independent computation (sync and async)", async () => {
    const input = { ...BASE, kdfLog2N: 14 };
    const expected = independentCredential(input);
    expect(deriveCredential(input).address).to.equal(expected);
    expect((await deriveCredentialAsync(input)).address).to.equal(expected);
    expect(expected).to.not.equal(derive());
  });

  // The 0x00 separator of §11.1 would be ambiguous if an input could contain U+0000: two
  // different (passcode, secret) pairs would derive the same credential. NUL is refused.
  it("rejects a NUL character in the passcode or the secret", () => {
    expectThrows(() => derive({ passcode: "K7QF\u0000lassi" }), MalformedInputError);
    expectThrows(() => derive({ voterSecret: "mango\u0000lassi" }), MalformedInputError);
    expectThrows(
      () => derive({ passcode: "abc\u0000def", voterSecret: "ghijkl" }),
      MalformedInputError,
    );
    expectThrows(
      () => derive({ passcode: "abc", voterSecret: "def\u0000ghijkl" }),
      MalformedInputError,
    );
  });
});
