import { expect } from "chai";
import fc from "fast-check";
import {
  Curve,
  decodePoint,
  decodePointOrIdentity,
  decodeScalar,
  encodePoint,
  encodePoints,
  encrypt,
  FIELD_MODULUS,
  GENERATOR,
  GROUP_ORDER,
  IDENTITY,
  InvalidPointError,
  InvalidScalarError,
  modR,
  multiplyPublic,
  pointsEqual,
  proveZeroOne,
  randomScalar,
  verifyZeroOne,
  withFixedBaseTable,
} from "../../../src/crypto";
import {
  ELECTION_ID,
  expectThrows,
  malformedPoints,
  p,
  pointOf,
  r,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";

describe("group (§1, §2.1, §2.2)", function () {
  describe("constants (§1.1)", function () {
    it("r and p are the BN254 values of the spec", function () {
      expect(GROUP_ORDER).to.equal(
        21888242871839275222246405745257275088548364400416034343698204186575808495617n,
      );
      expect(FIELD_MODULUS).to.equal(
        21888242871839275222246405745257275088696311157297823662689037894645226208583n,
      );
    });

    it("G = (1, 2) lies on y² = x³ + 3 and has order r", function () {
      expect(encodePoint(GENERATOR)).to.deep.equal({ x: 1n, y: 2n });
      expect((2n * 2n) % p).to.equal((1n + 3n) % p);
      expect(
        Curve.BASE.multiplyUnsafe(r - 1n)
          .add(Curve.BASE)
          .is0(),
      ).to.equal(true);
      expect(Curve.BASE.multiplyUnsafe(r - 1n).is0()).to.equal(false);
    });

    it("the identity encodes as (0, 0)", function () {
      expect(encodePoint(IDENTITY)).to.deep.equal({ x: 0n, y: 0n });
      expect(encodePoint(GENERATOR.subtract(GENERATOR))).to.deep.equal({ x: 0n, y: 0n });
    });
  });

  describe("modR", function () {
    it("reduces into [0, r), including negative values", function () {
      expect(modR(0n)).to.equal(0n);
      expect(modR(r)).to.equal(0n);
      expect(modR(r + 5n)).to.equal(5n);
      expect(modR(-1n)).to.equal(r - 1n);
      expect(modR(-r - 2n)).to.equal(r - 2n);
      expect(modR(r * r + 7n)).to.equal(7n);
    });
  });

  describe("decodeScalar (§2.1)", function () {
    it("accepts 0, 1 and r − 1 unchanged", function () {
      for (const s of [0n, 1n, r - 1n]) expect(decodeScalar(s, "s")).to.equal(s);
    });

    it("rejects r, r + 1, 2²⁵⁶ − 1 and negatives without reducing them", function () {
      for (const s of [r, r + 1n, (1n << 256n) - 1n, -1n, -r]) {
        expectThrows(() => decodeScalar(s, "the scalar"), InvalidScalarError, {
          field: "the scalar",
          value: s,
          section: "§2.1",
        });
      }
    });

    it("rejects a non-bigint", function () {
      expectThrows(() => decodeScalar(5 as unknown as bigint, "n"), InvalidScalarError, {
        field: "n",
      });
    });
  });

  describe("decodePoint (§2.2)", function () {
    it("round-trips encodePoint for random points", function () {
      fc.assert(
        fc.property(fc.bigInt({ min: 1n, max: r - 1n }), (s) => {
          const element = GENERATOR.multiply(s);
          const wire = encodePoint(element);
          const decoded = decodePoint(wire, "P");
          expect(decoded.equals(element)).to.equal(true);
          expect(encodePoint(decoded)).to.deep.equal(wire);
        }),
        { numRuns: 100 },
      );
    });

    it("accepts G and −G", function () {
      expect(decodePoint({ x: 1n, y: 2n }, "G").equals(GENERATOR)).to.equal(true);
      expect(decodePoint({ x: 1n, y: p - 2n }, "-G").equals(GENERATOR.negate())).to.equal(true);
    });

    it("checks in the order of the spec: infinity, then range, then curve", function () {
      // (0, 0) is reported as infinity, not as off-curve.
      expectThrows(() => decodePoint({ x: 0n, y: 0n }, "P"), InvalidPointError, {
        field: "P",
        reason: "infinity",
        section: "§2.2",
      });
      // (p, p) is off the curve too, but the range check comes first.
      expectThrows(() => decodePoint({ x: p, y: p }, "P"), InvalidPointError, {
        reason: "coordinate-out-of-range",
      });
      // (0, 1): not (0, 0), in range, off the curve.
      expectThrows(() => decodePoint({ x: 0n, y: 1n }, "P"), InvalidPointError, {
        reason: "not-on-curve",
      });
    });

    it("rejects every malformed encoding of a random point with the right reason", function () {
      const valid = pointOf(randomScalar(seededRandom("decodePoint")));
      for (const bad of malformedPoints(valid)) {
        expectThrows(() => decodePoint(bad.point, "field name"), InvalidPointError, {
          field: "field name",
          reason: bad.reason,
        });
      }
    });

    it("rejects G's aliases (1 + p, 2) and (1, 2 + p), equal to G mod p", function () {
      for (const alias of [
        { x: 1n + p, y: 2n },
        { x: 1n, y: 2n + p },
        { x: 1n + p, y: 2n + p },
      ]) {
        expectThrows(() => decodePoint(alias, "G alias"), InvalidPointError, {
          reason: "coordinate-out-of-range",
        });
      }
    });

    it("rejects coordinates of 2²⁵⁶ and above, and non-bigint coordinates", function () {
      expectThrows(() => decodePoint({ x: 1n << 256n, y: 2n }, "P"), InvalidPointError, {
        reason: "coordinate-out-of-range",
      });
      expectThrows(
        () => decodePoint({ x: 1, y: 2 } as unknown as { x: bigint; y: bigint }, "P"),
        InvalidPointError,
        { reason: "coordinate-out-of-range" },
      );
    });

    it("rejects random off-curve pairs", function () {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: p - 1n }),
          fc.bigInt({ min: 0n, max: p - 1n }),
          (x, y) => {
            fc.pre(x !== 0n || y !== 0n);
            fc.pre((y * y - x * x * x - 3n) % p !== 0n);
            expectThrows(() => decodePoint({ x, y }, "P"), InvalidPointError, {
              reason: "not-on-curve",
            });
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  // noble refuses (x, 0) already when building the point; decodePoint still reports §2.2's
  // typed reason, and every verifier inherits it (e.g. a ballot whose proof point is (1, 0)).
  it("rejects (x, 0) as not-on-curve with a typed error, in decoders and verifiers", function () {
    for (const x of [1n, 5n, p - 1n]) {
      expectThrows(() => decodePoint({ x, y: 0n }, "P"), InvalidPointError, {
        field: "P",
        reason: "not-on-curve",
      });
      expectThrows(() => decodePointOrIdentity({ x, y: 0n }, "P"), InvalidPointError, {
        reason: "not-on-curve",
      });
    }
    const { key } = singlePartyKey(seededRandom("y = 0"));
    const context = { electionId: ELECTION_ID, contestIndex: 0, voter: VOTER };
    const { ciphertext, nonce } = encrypt(key, 1n);
    const statement = { context, optionIndex: 0, key, ciphertext };
    const proof = proveZeroOne(statement, { value: 1, nonce });
    expectThrows(
      () => verifyZeroOne(statement, { ...proof, a0: { x: 1n, y: 0n } }),
      InvalidPointError,
      {
        field: "contest 0 option 0 proof a[0]",
        reason: "not-on-curve",
      },
    );
  });

  describe("decodePointOrIdentity (§2.3, §5.5.2)", function () {
    it("decodes (0, 0) to the identity", function () {
      expect(decodePointOrIdentity({ x: 0n, y: 0n }, "A").is0()).to.equal(true);
    });

    it("decodes a valid point like decodePoint", function () {
      const q = pointOf(12345n);
      expect(decodePointOrIdentity(q, "A").equals(decodePoint(q, "A"))).to.equal(true);
    });

    it("still rejects every other malformed encoding", function () {
      for (const bad of malformedPoints(pointOf(99n)).filter((b) => b.reason !== "infinity")) {
        expectThrows(() => decodePointOrIdentity(bad.point, "A"), InvalidPointError, {
          field: "A",
          reason: bad.reason,
        });
      }
      expectThrows(() => decodePointOrIdentity({ x: 0n, y: 1n }, "A"), InvalidPointError, {
        reason: "not-on-curve",
      });
    });
  });

  describe("encodePoints, pointsEqual, multiplyPublic, withFixedBaseTable", function () {
    it("encodePoints equals encodePoint on each element, identity included", function () {
      const random = seededRandom("encodePoints");
      const elements = [
        IDENTITY,
        ...Array.from({ length: 5 }, () => GENERATOR.multiply(randomScalar(random))),
      ];
      expect(encodePoints(elements)).to.deep.equal(elements.map((e) => encodePoint(e)));
      expect(encodePoints([])).to.deep.equal([]);
    });

    it("pointsEqual compares both coordinates", function () {
      expect(pointsEqual({ x: 1n, y: 2n }, { x: 1n, y: 2n })).to.equal(true);
      expect(pointsEqual({ x: 1n, y: 2n }, { x: 1n, y: p - 2n })).to.equal(false);
      expect(pointsEqual({ x: 1n, y: 2n }, { x: 2n, y: 2n })).to.equal(false);
    });

    it("multiplyPublic: 0 gives the identity, others match multiply", function () {
      expect(multiplyPublic(GENERATOR, 0n).is0()).to.equal(true);
      expect(multiplyPublic(GENERATOR, 1n).equals(GENERATOR)).to.equal(true);
      const s = randomScalar(seededRandom("multiplyPublic"));
      expect(multiplyPublic(GENERATOR, s).equals(Curve.BASE.multiply(s))).to.equal(true);
    });

    it("a fixed-base table does not change products", function () {
      const random = seededRandom("fixed base");
      const base = GENERATOR.multiply(randomScalar(random));
      const table = withFixedBaseTable(base);
      for (let i = 0; i < 5; i++) {
        const s = randomScalar(random);
        expect(table.multiply(s).equals(base.multiply(s))).to.equal(true);
      }
    });
  });
});
