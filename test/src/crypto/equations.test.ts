import { expect } from "chai";
import fc from "fast-check";
import {
  allHoldBatched,
  allHoldOneByOne,
  csprng,
  decodePoint,
  encodePoint,
  equationHolds,
  EquationAccumulator,
  GENERATOR,
  IDENTITY,
  randomScalar,
  type Equation,
  type GroupElement,
} from "../../../src/crypto";
import { r, singlePartyKey } from "../../helpers/crypto";
import { constantRandom, seededRandom } from "../../helpers/random";

const inverse = (a: bigint): bigint => {
  // Fermat: a^(r−2) mod r.
  let result = 1n;
  let base = ((a % r) + r) % r;
  for (let e = r - 2n; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % r;
    base = (base * base) % r;
  }
  return result;
};

describe("equations (§8.3)", function () {
  const random = seededRandom("equations pool");
  const { key, secret } = singlePartyKey(random);
  // Bases with known discrete logs: G and K have fixed-base tables; the others do not. Equal
  // values under different objects are included so that merging by object is exercised.
  const pool: Array<{ point: GroupElement; log: bigint }> = [
    { point: GENERATOR, log: 1n },
    { point: key.element, log: secret },
    ...Array.from({ length: 4 }, () => {
      const log = randomScalar(random);
      return { point: GENERATOR.multiply(log), log };
    }),
  ];
  pool.push({ point: decodePoint(encodePoint(pool[2].point), "copy"), log: pool[2].log });
  pool.push({ point: IDENTITY, log: 0n });

  /** Coefficients: small, large, negative, zero, ≥ r. */
  const coefficient = fc.oneof(
    fc.bigInt({ min: 0n, max: r - 1n }),
    fc.bigInt({ min: -(1n << 128n), max: 1n << 128n }),
    fc.constantFrom(0n, 1n, -1n, r, r - 1n, 2n * r + 3n),
  );

  /** An equation that holds, or does not when `error` ≠ 0 (error is added to its G term). */
  const equation = fc
    .record({
      terms: fc.array(fc.tuple(coefficient, fc.nat({ max: pool.length - 1 })), {
        minLength: 0,
        maxLength: 5,
      }),
      balance: fc.nat({ max: pool.length - 2 }),
      holds: fc.boolean(),
      error: fc.bigInt({ min: 1n, max: r - 1n }),
    })
    .map(({ terms, balance, holds, error }) => {
      const eq: Array<readonly [bigint, GroupElement]> = terms.map(([c, i]) => [c, pool[i].point]);
      const sum = terms.reduce((s, [c, i]) => s + c * pool[i].log, 0n);
      // Balancing term on a non-identity base with log d: −sum·d⁻¹.
      const base = pool[balance];
      eq.push([(-sum * inverse(base.log)) % r, base.point]);
      if (!holds) eq.push([error, GENERATOR]);
      return { equation: eq as Equation, holds };
    });

  it("the generated equations hold exactly when intended", function () {
    fc.assert(
      fc.property(equation, ({ equation: eq, holds }) => {
        expect(equationHolds(eq)).to.equal(holds);
      }),
      { numRuns: 100 },
    );
  });

  it("allHoldBatched and allHoldOneByOne agree on random sets of true and false equations", function () {
    let sawTrue = 0;
    let sawFalse = 0;
    fc.assert(
      fc.property(
        fc.array(equation, { minLength: 0, maxLength: 5 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (set, seed) => {
          const expected = set.every((e) => e.holds);
          const equations = set.map((e) => e.equation);
          if (expected) sawTrue++;
          else sawFalse++;
          expect(allHoldOneByOne(equations)).to.equal(expected);
          expect(allHoldBatched(equations)).to.equal(expected);
          expect(allHoldBatched(equations, seededRandom(seed))).to.equal(expected);
        },
      ),
      { numRuns: 120 },
    );
    // Both verdicts were exercised.
    expect(sawTrue).to.be.greaterThan(10);
    expect(sawFalse).to.be.greaterThan(10);
  });

  it("the empty set and identity-only equations hold", function () {
    expect(allHoldOneByOne([])).to.equal(true);
    expect(allHoldBatched([])).to.equal(true);
    expect(equationHolds([])).to.equal(true);
    expect(equationHolds([[5n, IDENTITY]])).to.equal(true);
  });

  it("a single false term is rejected on both paths", function () {
    const eq: Equation[] = [[[1n, GENERATOR]]];
    expect(allHoldOneByOne(eq)).to.equal(false);
    expect(allHoldBatched(eq)).to.equal(false);
  });

  describe("independent weights", function () {
    // e₁ = +P and e₂ = −P: both false, but their sum is O.
    const P = pool[3].point;
    const pair: Equation[] = [[[1n, P]], [[-1n, P]]];

    it("equal weights would let two false equations cancel (so the next test is not vacuous)", function () {
      expect(allHoldOneByOne(pair)).to.equal(false);
      expect(allHoldBatched(pair, constantRandom(7))).to.equal(true);
    });

    it("with independent weights from a deterministic seeded source the batch still rejects", function () {
      for (let seed = 0; seed < 20; seed++) {
        expect(allHoldBatched(pair, seededRandom(seed))).to.equal(false);
      }
      expect(allHoldBatched(pair, csprng)).to.equal(false);
    });
  });

  describe("EquationAccumulator", function () {
    it("evaluate returns Σ weight·coefficient·point, merging terms on the same object", function () {
      const acc = new EquationAccumulator();
      acc.add([
        [2n, GENERATOR],
        [3n, pool[3].point],
      ]);
      acc.add(
        [
          [1n, GENERATOR],
          [-1n, pool[3].point],
        ],
        5n,
      );
      // (2 + 5)G + (3 − 5)P
      const expected = GENERATOR.multiply(7n).add(pool[3].point.multiply(r - 2n));
      expect(acc.evaluate().equals(expected)).to.equal(true);
      expect(acc.holds()).to.equal(false);
    });

    it("cancels to the identity when coefficients sum to 0 mod r", function () {
      const acc = new EquationAccumulator();
      acc.add([[r - 1n, pool[4].point]]);
      acc.add([[1n, pool[4].point]]);
      acc.add([[r, GENERATOR]]);
      expect(acc.holds()).to.equal(true);
    });

    it("handles full-size negative coefficients on variable bases", function () {
      const acc = new EquationAccumulator();
      const s = randomScalar(seededRandom("negative"));
      acc.add([
        [-s, pool[5].point],
        [s * pool[5].log, GENERATOR],
      ]);
      expect(acc.holds()).to.equal(true);
    });
  });
});
