import { expect } from "chai";
import fc from "fast-check";
import {
  boundedDiscreteLog,
  checkContestParameters,
  encrypt,
  encryptContest,
  encryptWithNonce,
  decodeCiphertext,
  findInvalidProofs,
  InvalidPointError,
  InvalidProofError,
  InvalidScalarError,
  MalformedInputError,
  partialDecryption,
  verifyContest,
  type BallotSubject,
  type ContestParameters,
  type EncryptedContest,
  type ProofLocation,
} from "../../../src/crypto";
import {
  bumpScalar,
  ELECTION_ID,
  expectThrows,
  otherPoint,
  OTHER_ELECTION_ID,
  OTHER_VOTER,
  singlePartyKey,
  stringify,
  VOTER,
} from "../../helpers/crypto";
import { constantRandom, seededRandom } from "../../helpers/random";
import { fieldPaths, getAt, setAt, type Path } from "../../helpers/tamper";

const { key, secret } = singlePartyKey(seededRandom("ballot key"));
const subject: BallotSubject = { electionId: ELECTION_ID, voter: VOTER, key };

interface Config {
  params: ContestParameters;
  selections: number[];
}

const CONFIGS: Config[] = [
  { params: { contestIndex: 0, options: 1, minSelections: 0, maxSelections: 1 }, selections: [1] },
  {
    params: { contestIndex: 1, options: 5, minSelections: 1, maxSelections: 1 },
    selections: [0, 0, 0, 1, 0],
  },
  {
    params: { contestIndex: 2, options: 12, minSelections: 0, maxSelections: 3 },
    selections: [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
  },
];

const BALLOTS = CONFIGS.map(({ params, selections }) => ({
  params,
  selections,
  ...encryptContest(subject, params, selections, seededRandom(`ballot ${params.options}`)),
}));

/** Sorted as findInvalidProofs lists them: option indices ascending, then "selection". */
function sortLocations(locations: Iterable<ProofLocation>): ProofLocation[] {
  const set = new Set(locations);
  const options = [...set].filter((l): l is number => l !== "selection").sort((a, b) => a - b);
  return set.has("selection") ? [...options, "selection"] : options;
}

/** One corruption: a proof field (point → another point, scalar + 1) or a replaced ciphertext. */
interface Corruption {
  location: ProofLocation;
  /** Index into the proof's fields (points then scalars); −1 replaces the option's ciphertext. */
  field: number;
}

function corrupt(contest: EncryptedContest, corruptions: Corruption[]): EncryptedContest {
  let result = contest;
  for (const { location, field } of corruptions) {
    const base: Path = location === "selection" ? ["selectionProof"] : ["optionProofs", location];
    if (field < 0 && location !== "selection") {
      const path: Path = ["ciphertexts", location];
      const before = getAt(result, path);
      // A fresh, well-formed encryption of 0: the option proof is not for it, and the aggregate changes.
      const replacement = encrypt(key, 0n, seededRandom(`replacement ${location}`)).ciphertext.wire;
      result = setAt(result, path, replacement);
      expect(getAt(result, path)).to.not.deep.equal(before);
      continue;
    }
    const { points, scalars } = fieldPaths(getAt(result, base));
    const all = [
      ...points.map((p) => ({ p, point: true })),
      ...scalars.map((p) => ({ p, point: false })),
    ];
    const { p, point } = all[Math.abs(field) % all.length];
    const path = [...base, ...p];
    const before = getAt(result, path);
    result = setAt(
      result,
      path,
      point ? otherPoint(before as never) : bumpScalar(before as bigint),
    );
    expect(getAt(result, path)).to.not.deep.equal(before);
  }
  return result;
}

function expectedInvalid(corruptions: Corruption[]): ProofLocation[] {
  return sortLocations(
    corruptions.flatMap(({ location, field }) =>
      field < 0 && location !== "selection" ? [location, "selection" as const] : [location],
    ),
  );
}

describe("ballot: encrypted contest (§8)", function () {
  for (const ballot of BALLOTS) {
    const { params, selections, contest, secrets } = ballot;
    const n = params.options;

    describe(`${n} option(s), rule [${params.minSelections}, ${params.maxSelections}]`, function () {
      it("has one ciphertext and option proof per option and a selection proof of L branches", function () {
        const L = params.maxSelections - params.minSelections + 1;
        expect(contest.contestIndex).to.equal(params.contestIndex);
        expect(contest.ciphertexts).to.have.length(n);
        expect(contest.optionProofs).to.have.length(n);
        expect(contest.selectionProof.a).to.have.length(L);
        expect(contest.selectionProof.c).to.have.length(L - 1);
      });

      it("verifies, batched and one by one", function () {
        expect(findInvalidProofs(subject, params, contest)).to.deep.equal([]);
        expect(findInvalidProofs(subject, params, contest, { oneByOne: true })).to.deep.equal([]);
        expect(
          findInvalidProofs(subject, params, contest, { random: seededRandom(1) }),
        ).to.deep.equal([]);
        expect(() => verifyContest(subject, params, contest)).to.not.throw();
        expect(() => verifyContest(subject, params, contest, { oneByOne: true })).to.not.throw();
      });

      it("the secrets reproduce the ciphertexts, which decrypt to the selections", function () {
        expect(secrets.selections).to.deep.equal(selections);
        contest.ciphertexts.forEach((c, i) => {
          expect(
            encryptWithNonce(key, BigInt(selections[i]), secrets.nonces[i]).wire,
          ).to.deep.equal(c);
          const decoded = decodeCiphertext(c);
          const m = boundedDiscreteLog(
            decoded.beta.subtract(partialDecryption(secret, decoded)),
            1,
          );
          expect(m).to.equal(selections[i]);
        });
      });

      it("is bound to the voter, the election and the contest: replaying it elsewhere fails every proof", function () {
        const everything = [...Array.from({ length: n }, (_, i) => i), "selection"];
        const otherContest = { ...params, contestIndex: params.contestIndex + 10 };
        const moved = { ...contest, contestIndex: otherContest.contestIndex };
        for (const [s, p, c] of [
          [{ ...subject, voter: OTHER_VOTER }, params, contest],
          [{ ...subject, electionId: OTHER_ELECTION_ID }, params, contest],
          [subject, otherContest, moved],
        ] as const) {
          expect(findInvalidProofs(s, p, c)).to.deep.equal(everything);
          expect(findInvalidProofs(s, p, c, { oneByOne: true })).to.deep.equal(everything);
        }
      });

      it("a rule shifted by one (same branch count) fails only the selection proof", function () {
        const shifted = {
          ...params,
          minSelections: params.minSelections + 1,
          maxSelections: params.maxSelections + 1,
        };
        if (shifted.maxSelections > n) shifted.options = shifted.maxSelections; // keep the rule legal
        if (shifted.options !== n) {
          expectThrows(() => findInvalidProofs(subject, shifted, contest), MalformedInputError);
          return;
        }
        expect(findInvalidProofs(subject, shifted, contest)).to.deep.equal(["selection"]);
        expectThrows(() => verifyContest(subject, shifted, contest), InvalidProofError, {
          kind: "selection",
        });
      });

      it("verifyContest names the first failing proof", function () {
        const bad = corrupt(contest, [{ location: n - 1, field: 4 }]);
        const error = expectThrows(() => verifyContest(subject, params, bad), InvalidProofError, {
          kind: "zero-one",
          section: "§5.2.3",
        });
        expect(error.message).to.contain(`option ${n - 1}`);
        const badSelection = corrupt(contest, [{ location: "selection", field: 0 }]);
        expectThrows(() => verifyContest(subject, params, badSelection), InvalidProofError, {
          kind: "selection",
          section: "§5.3.3",
        });
      });

      it("batched and one-by-one lists agree for random corruptions at random positions", function () {
        const locations: ProofLocation[] = [...Array.from({ length: n }, (_, i) => i), "selection"];
        const corruption = fc.record({
          location: fc.constantFrom(...locations),
          field: fc.integer({ min: -1, max: 40 }),
        });
        const lists = fc.uniqueArray(corruption, {
          minLength: 1,
          maxLength: Math.min(4, n + 1),
          selector: (c) => c.location,
        });
        fc.assert(
          fc.property(
            lists,
            fc.uint8Array({ minLength: 16, maxLength: 16 }),
            (corruptions, seed) => {
              const bad = corrupt(contest, corruptions);
              expect(stringify(bad)).to.not.equal(stringify(contest));
              const expected = expectedInvalid(corruptions);
              expect(expected.length).to.be.greaterThan(0);
              const oneByOne = findInvalidProofs(subject, params, bad, { oneByOne: true });
              expect(oneByOne).to.deep.equal(expected);
              // Batched with the CSPRNG, or (every other case) with a deterministic seeded source.
              const random = seed[0] % 2 === 0 ? undefined : seededRandom(seed);
              expect(findInvalidProofs(subject, params, bad, { random })).to.deep.equal(oneByOne);
            },
          ),
          { numRuns: n === 12 ? 6 : n === 5 ? 12 : 20 },
        );
      });

      it("batch verification with deterministic random sources still rejects", function () {
        const bad = corrupt(contest, [{ location: "selection", field: 1 }]);
        for (const random of [seededRandom("batch"), constantRandom(1), constantRandom(0xff)]) {
          expect(findInvalidProofs(subject, params, bad, { random })).to.deep.equal(["selection"]);
          expect(findInvalidProofs(subject, params, contest, { random })).to.deep.equal([]);
        }
      });
    });
  }

  describe("options swapped", function () {
    it("swapping two options' ciphertexts and proofs fails both option proofs but not the selection", function () {
      const { params, contest } = BALLOTS[1];
      const swap = <T>(xs: T[]) => [xs[3], ...xs.slice(1, 3), xs[0], xs[4]];
      const swapped = {
        ...contest,
        ciphertexts: swap(contest.ciphertexts),
        optionProofs: swap(contest.optionProofs),
      };
      expect(findInvalidProofs(subject, params, swapped)).to.deep.equal([0, 3]);
      expect(findInvalidProofs(subject, params, swapped, { oneByOne: true })).to.deep.equal([0, 3]);
    });
  });

  describe("encryption rejects invalid selections (§5.3, §8.1)", function () {
    const cases: Array<[ContestParameters, number[], string]> = [
      [
        { contestIndex: 0, options: 3, minSelections: 1, maxSelections: 1 },
        [0, 0, 0],
        "none under exactly-one",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 1, maxSelections: 1 },
        [1, 1, 0],
        "two under exactly-one",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 0, maxSelections: 1 },
        [1, 0, 1],
        "two under at-most-one",
      ],
      [
        { contestIndex: 0, options: 5, minSelections: 0, maxSelections: 3 },
        [1, 1, 1, 1, 0],
        "four under [0, 3]",
      ],
      [
        { contestIndex: 0, options: 5, minSelections: 2, maxSelections: 3 },
        [0, 1, 0, 0, 0],
        "one under [2, 3]",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 0, maxSelections: 3 },
        [0, 2, 0],
        "a value of 2",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 0, maxSelections: 3 },
        [0, -1, 1],
        "a value of −1",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 0, maxSelections: 3 },
        [0, 0.5, 0],
        "a value of 0.5",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 0, maxSelections: 3 },
        [0, 1],
        "too few values",
      ],
      [
        { contestIndex: 0, options: 3, minSelections: 0, maxSelections: 3 },
        [0, 1, 0, 0],
        "too many values",
      ],
    ];
    for (const [params, selections, name] of cases) {
      it(`rejects ${name}`, function () {
        expectThrows(() => encryptContest(subject, params, selections), MalformedInputError, {
          field: "contest 0 selections",
        });
      });
    }
  });

  describe("contest parameters", function () {
    it("rejects a contest without options and illegal selection rules", function () {
      const base = { contestIndex: 4, options: 3, minSelections: 0, maxSelections: 1 };
      for (const change of [
        { options: 0 },
        { options: 1.5 },
        { minSelections: 2, maxSelections: 1 },
        { maxSelections: 4 },
        { minSelections: -1 },
        { maxSelections: 0.5 },
      ]) {
        const params = { ...base, ...change };
        expectThrows(() => checkContestParameters(params), MalformedInputError, {
          field: "contest 4",
        });
        expectThrows(() => encryptContest(subject, params, [0, 0, 0]), MalformedInputError, {
          field: "contest 4",
        });
        expectThrows(
          () => findInvalidProofs(subject, params, BALLOTS[0].contest),
          MalformedInputError,
          {
            field: "contest 4",
          },
        );
      }
    });

    it("rejects a rule of more than 32 branches when proving", function () {
      const params = { contestIndex: 0, options: 40, minSelections: 0, maxSelections: 40 };
      expectThrows(
        () => encryptContest(subject, params, new Array(40).fill(0)),
        MalformedInputError,
        {
          field: "contest 0 selection proof",
        },
      );
    });
  });

  describe("malformed ballots (§8.2.1)", function () {
    const { params, contest } = BALLOTS[1];
    const label = "contest 1";

    it("rejects a ballot for another contest", function () {
      expectThrows(
        () => findInvalidProofs(subject, params, { ...contest, contestIndex: 2 }),
        MalformedInputError,
        {
          field: label,
          section: "§8.1",
        },
      );
    });

    it("rejects wrong numbers of ciphertexts or option proofs", function () {
      for (const bad of [
        { ...contest, ciphertexts: contest.ciphertexts.slice(1) },
        { ...contest, ciphertexts: [...contest.ciphertexts, contest.ciphertexts[0]] },
        { ...contest, optionProofs: contest.optionProofs.slice(1) },
        { ...contest, optionProofs: [...contest.optionProofs, contest.optionProofs[0]] },
        { ...contest, ciphertexts: undefined as never },
      ]) {
        expectThrows(() => findInvalidProofs(subject, params, bad), MalformedInputError, {
          field: label,
          section: "§8.2",
        });
      }
    });

    it("rejects selection-proof arrays of the wrong length", function () {
      const proof = contest.selectionProof;
      for (const bad of [
        { ...proof, a: [...proof.a, proof.a[0]] },
        { ...proof, c: [0n] },
        { ...proof, v: [] },
      ]) {
        expectThrows(
          () => findInvalidProofs(subject, params, { ...contest, selectionProof: bad }),
          MalformedInputError,
          {
            field: `${label} selection proof`,
            section: "§5.3.3",
          },
        );
      }
    });

    it("rejects malformed ciphertext points with the option named", function () {
      const bad = setAt(contest, ["ciphertexts", 2, "beta"], { x: 0n, y: 0n });
      expectThrows(() => findInvalidProofs(subject, params, bad), InvalidPointError, {
        field: `${label} option 2 ciphertext.beta`,
        reason: "infinity",
      });
    });

    it("rejects malformed proof fields with the proof named", function () {
      const badScalar = setAt(contest, ["optionProofs", 3, "v1"], -1n);
      expectThrows(() => findInvalidProofs(subject, params, badScalar), InvalidScalarError, {
        field: `${label} option 3 proof v[1]`,
      });
      const badPoint = setAt(contest, ["selectionProof", "b", 0], { x: 1n, y: 3n });
      expectThrows(
        () => findInvalidProofs(subject, params, badPoint, { oneByOne: true }),
        InvalidPointError,
        {
          field: `${label} selection proof b[0]`,
          reason: "not-on-curve",
        },
      );
    });
  });
});
