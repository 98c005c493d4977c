import { expect } from "chai";
import { csprng, randomScalar, randomWeight, type RandomSource } from "../../../src/crypto";
import { r } from "../../helpers/crypto";
import { constantRandom, seededRandom } from "../../helpers/random";

describe("random (§2.4)", function () {
  it("randomScalar draws 48 bytes and returns a scalar in [1, r − 1]", function () {
    const lengths: number[] = [];
    const source: RandomSource = (length) => {
      lengths.push(length);
      return csprng(length);
    };
    for (let i = 0; i < 50; i++) {
      const s = randomScalar(source);
      expect(s >= 1n && s < r).to.equal(true);
    }
    expect(lengths).to.deep.equal(new Array(50).fill(48));
  });

  it("randomScalar is never zero, even from all-zero or all-one bytes", function () {
    expect(randomScalar(constantRandom(0))).to.not.equal(0n);
    const s = randomScalar(constantRandom(0xff));
    expect(s >= 1n && s < r).to.equal(true);
  });

  it("is reproducible from a seeded source and differs between seeds", function () {
    const a = seededRandom("seed A");
    const b = seededRandom("seed A");
    const c = seededRandom("seed B");
    const fromA = [randomScalar(a), randomScalar(a)];
    expect([randomScalar(b), randomScalar(b)]).to.deep.equal(fromA);
    expect(randomScalar(c)).to.not.equal(fromA[0]);
    expect(fromA[0]).to.not.equal(fromA[1]);
  });

  it("the default CSPRNG gives distinct scalars", function () {
    const drawn = new Set(Array.from({ length: 100 }, () => randomScalar()));
    expect(drawn.size).to.equal(100);
  });

  it("randomWeight is a non-zero 128-bit value and retries on zero", function () {
    for (let i = 0; i < 50; i++) {
      const w = randomWeight();
      expect(w > 0n && w < 1n << 128n).to.equal(true);
    }
    let calls = 0;
    const zeroFirst: RandomSource = (length) => {
      calls++;
      expect(length).to.equal(16);
      return calls === 1 ? new Uint8Array(16) : new Uint8Array(16).fill(1);
    };
    expect(randomWeight(zeroFirst)).to.equal(BigInt(`0x${"01".repeat(16)}`));
    expect(calls).to.equal(2);
  });
});
