import { expect } from "chai";
import fc from "fast-check";
import {
  boundedDiscreteLog,
  DecryptionOutOfBoundError,
  encodeMessage,
  GENERATOR,
  IDENTITY,
  MalformedInputError,
} from "../../../src/crypto";
import { expectThrows } from "../../helpers/crypto";

const tG = (t: number) => encodeMessage(BigInt(t));

describe("dlog: bounded discrete logarithm (§7.4)", function () {
  it("finds 0 (the identity) for every bound, including 0", function () {
    for (const bound of [0, 1, 2, 100, 10_000])
      expect(boundedDiscreteLog(IDENTITY, bound)).to.equal(0);
  });

  it("finds 1 when the bound allows it, and rejects it for bound 0", function () {
    expect(boundedDiscreteLog(GENERATOR, 1)).to.equal(1);
    expectThrows(() => boundedDiscreteLog(GENERATOR, 0), DecryptionOutOfBoundError, {
      bound: 0,
      section: "§7.4",
    });
  });

  it("finds t = bound and rejects t = bound + 1, around every table-width boundary", function () {
    // Bounds w² − 2, w² − 1, w², w² + 1 exercise the last giant step of each table width.
    const bounds = [1, 2, 3, 4, 7, 8, 9, 10, 15, 16, 24, 25, 99, 100, 101, 1000, 4095, 4096];
    for (const bound of bounds) {
      expect(boundedDiscreteLog(tG(bound), bound), `bound ${bound}`).to.equal(bound);
      expectThrows(() => boundedDiscreteLog(tG(bound + 1), bound), DecryptionOutOfBoundError, {
        bound,
      });
    }
  });

  it("rejects values found past the bound in the last giant step (bound 10, t = 11 … 15)", function () {
    for (let t = 11; t <= 15; t++) {
      expectThrows(() => boundedDiscreteLog(tG(t), 10), DecryptionOutOfBoundError, { bound: 10 });
    }
  });

  it("finds random t in [0, bound] for random bounds", function () {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 20_000 })
          .chain((bound) => fc.tuple(fc.constant(bound), fc.integer({ min: 0, max: bound }))),
        ([bound, t]) => {
          expect(boundedDiscreteLog(tG(t), bound)).to.equal(t);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("rejects random t above the bound, and negative t (−tG)", function () {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (bound, excess) => {
          expectThrows(
            () => boundedDiscreteLog(tG(bound + excess), bound),
            DecryptionOutOfBoundError,
            {
              bound,
            },
          );
          expectThrows(
            () => boundedDiscreteLog(tG(excess).negate(), bound),
            DecryptionOutOfBoundError,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("works for a realistic electorate bound of one million", function () {
    expect(boundedDiscreteLog(tG(1_000_000), 1_000_000)).to.equal(1_000_000);
    expect(boundedDiscreteLog(tG(654_321), 1_000_000)).to.equal(654_321);
    expectThrows(() => boundedDiscreteLog(tG(1_000_001), 1_000_000), DecryptionOutOfBoundError);
  });

  it("rejects bounds that are not non-negative safe integers", function () {
    for (const bound of [-1, 0.5, 1.5, NaN, Infinity, -Infinity, 2 ** 53]) {
      expectThrows(() => boundedDiscreteLog(GENERATOR, bound), MalformedInputError, {
        field: "bound",
        section: "§7.4",
      });
    }
    expectThrows(
      () => boundedDiscreteLog(GENERATOR, "5" as unknown as number),
      MalformedInputError,
    );
  });
});
