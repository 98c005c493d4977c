import { expect } from "chai";
import {
  addCiphertexts,
  boundedDiscreteLog,
  decodeAggregate,
  DecryptionOutOfBoundError,
  decodeCiphertext,
  electionKey,
  encodeMessage,
  encodePoint,
  encrypt,
  encryptWithNonce,
  fromElements,
  GENERATOR,
  IDENTITY,
  InvalidPointError,
  partialDecryption,
  randomScalar,
  subtractCiphertext,
  type DecodedCiphertext,
} from "../../../src/crypto";
import { expectThrows, malformedPoints, pointOf, r, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";

/** §4.4: M = xα, T = β − M = mG, m by §7.4. */
function decrypt(secret: bigint, c: DecodedCiphertext, bound = 1000): number {
  return boundedDiscreteLog(c.beta.subtract(partialDecryption(secret, c)), bound);
}

describe("elgamal (§4)", function () {
  const { secret, key } = singlePartyKey(seededRandom("elgamal"));

  describe("electionKey", function () {
    it("validates K and keeps its wire form and element", function () {
      expect(key.point).to.deep.equal(pointOf(secret));
      expect(key.element.equals(GENERATOR.multiply(secret))).to.equal(true);
    });

    it("returns the cached key object for the same point", function () {
      expect(electionKey({ ...key.point })).to.equal(key);
    });

    it("rejects a malformed key with the field name", function () {
      for (const bad of malformedPoints(pointOf(777n))) {
        expectThrows(() => electionKey(bad.point), InvalidPointError, {
          field: "election key",
          reason: bad.reason,
        });
        expectThrows(() => electionKey(bad.point, "K of election 3"), InvalidPointError, {
          field: "K of election 3",
        });
      }
    });
  });

  describe("encryption (§4.2) and decryption with the whole secret (§4.4)", function () {
    it("Enc(m; ρ) = (ρG, ρK + mG)", function () {
      const rho = randomScalar(seededRandom("rho"));
      const c = encryptWithNonce(key, 5n, rho);
      expect(c.wire.alpha).to.deep.equal(pointOf(rho));
      expect(c.wire.beta).to.deep.equal(
        encodePoint(key.element.multiply(rho).add(GENERATOR.multiply(5n))),
      );
      expect(c.alpha.equals(GENERATOR.multiply(rho))).to.equal(true);
    });

    it("decrypts 0, 1 and larger messages", function () {
      for (const m of [0, 1, 2, 17, 999]) {
        expect(decrypt(secret, encrypt(key, BigInt(m)).ciphertext)).to.equal(m);
      }
    });

    it("encrypt returns the nonce it used", function () {
      const { ciphertext, nonce } = encrypt(key, 3n, seededRandom("nonce"));
      expect(encryptWithNonce(key, 3n, nonce).wire).to.deep.equal(ciphertext.wire);
      expect(nonce).to.equal(randomScalar(seededRandom("nonce")));
    });

    it("is randomized: two encryptions of the same message differ", function () {
      const a = encrypt(key, 1n).ciphertext.wire;
      const b = encrypt(key, 1n).ciphertext.wire;
      expect(a).to.not.deep.equal(b);
    });

    it("encodeMessage(0) is the identity and encodeMessage(m) = mG", function () {
      expect(encodeMessage(0n).is0()).to.equal(true);
      expect(encodeMessage(7n).equals(GENERATOR.multiplyUnsafe(7n))).to.equal(true);
    });

    it("a wrong secret does not decrypt", function () {
      const c = encrypt(key, 4n).ciphertext;
      expectThrows(() => decrypt(secret + 1n, c), DecryptionOutOfBoundError, { bound: 1000 });
    });
  });

  describe("homomorphic operations (§4.3)", function () {
    it("the empty sum is (O, O), encoded (0, 0)", function () {
      const empty = addCiphertexts([]);
      expect(empty.alpha.is0() && empty.beta.is0()).to.equal(true);
      expect(empty.wire).to.deep.equal({ alpha: { x: 0n, y: 0n }, beta: { x: 0n, y: 0n } });
    });

    it("adds messages and nonces", function () {
      const random = seededRandom("sum");
      const parts = [3n, 0n, 1n, 5n].map((m) => encrypt(key, m, random));
      const sum = addCiphertexts(parts.map((e) => e.ciphertext));
      expect(decrypt(secret, sum)).to.equal(9);
      const nonce = parts.reduce((s, e) => s + e.nonce, 0n) % r;
      expect(sum.wire).to.deep.equal(encryptWithNonce(key, 9n, nonce).wire);
    });

    it("subtracts messages and nonces; c − c is (O, O)", function () {
      const a = encrypt(key, 7n).ciphertext;
      const b = encrypt(key, 3n).ciphertext;
      expect(decrypt(secret, subtractCiphertext(a, b))).to.equal(4);
      const zero = subtractCiphertext(a, a);
      expect(zero.alpha.is0() && zero.beta.is0()).to.equal(true);
    });

    it("partialDecryption of an identity α is the identity", function () {
      const same = encryptWithNonce(key, 2n, 11n);
      const diff = subtractCiphertext(same, encryptWithNonce(key, 0n, 11n));
      expect(diff.alpha.is0()).to.equal(true);
      expect(partialDecryption(secret, diff).is0()).to.equal(true);
      expect(decrypt(secret, diff)).to.equal(2);
    });

    it("fromElements encodes both points", function () {
      const c = fromElements(GENERATOR, IDENTITY);
      expect(c.wire).to.deep.equal({ alpha: { x: 1n, y: 2n }, beta: { x: 0n, y: 0n } });
    });
  });

  describe("decoding received ciphertexts (§2.3)", function () {
    const valid = encrypt(key, 1n, seededRandom("decode")).ciphertext.wire;

    it("decodeCiphertext round-trips a valid ciphertext", function () {
      const decoded = decodeCiphertext(valid);
      expect(decoded.wire).to.equal(valid);
      expect(encodePoint(decoded.alpha)).to.deep.equal(valid.alpha);
      expect(encodePoint(decoded.beta)).to.deep.equal(valid.beta);
    });

    it("rejects each malformed point, naming alpha or beta", function () {
      for (const side of ["alpha", "beta"] as const) {
        for (const bad of malformedPoints(valid[side])) {
          const c = { ...valid, [side]: bad.point };
          expectThrows(() => decodeCiphertext(c), InvalidPointError, {
            field: `ciphertext.${side}`,
            reason: bad.reason,
          });
          expectThrows(() => decodeCiphertext(c, "ballot 4"), InvalidPointError, {
            field: `ballot 4.${side}`,
          });
        }
      }
    });

    it("decodeAggregate accepts (0, 0) but rejects the other malformed encodings", function () {
      const zero = decodeAggregate({ alpha: { x: 0n, y: 0n }, beta: { x: 0n, y: 0n } });
      expect(zero.alpha.is0() && zero.beta.is0()).to.equal(true);
      for (const bad of malformedPoints(valid.alpha).filter((b) => b.reason !== "infinity")) {
        expectThrows(() => decodeAggregate({ ...valid, alpha: bad.point }), InvalidPointError, {
          field: "aggregate.alpha",
          reason: bad.reason,
        });
      }
    });
  });
});
