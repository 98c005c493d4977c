import { expect } from "chai";
import {
  addCiphertexts,
  decodeCiphertext,
  decodePoint,
  DomainTag,
  electionKey,
  encodeMessage,
  encrypt,
  GENERATOR,
  InvalidProofError,
  MalformedInputError,
  proveSelection,
  selectionEquations,
  verifySelection,
  type RangeProof,
  type SelectionRule,
  type SelectionStatement,
} from "../../../src/crypto";
import {
  abiChallenge,
  abiWordsOfPoints,
  combination,
  ELECTION_ID,
  expectThrows,
  otherPoint,
  OTHER_ELECTION_ID,
  OTHER_VOTER,
  r,
  singlePartyKey,
  VOTER,
} from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { describeProofRejections, type Path, type ProofFixture } from "../../helpers/tamper";

const { key } = singlePartyKey(seededRandom("selection key"));
const context = { electionId: ELECTION_ID, contestIndex: 1, voter: VOTER };
const LABEL = "contest 1 selection proof";

/** Encrypts 0/1 selections and proves the selection count; returns the statement and proof. */
function makeProof(
  rule: SelectionRule,
  selections: number[],
  seed: string,
  claimed?: number,
): { statement: SelectionStatement; proof: RangeProof } {
  const random = seededRandom(seed);
  const encryptions = selections.map((s) => encrypt(key, BigInt(s), random));
  const aggregate = addCiphertexts(encryptions.map((e) => e.ciphertext));
  const aggregateNonce = encryptions.reduce((sum, e) => sum + e.nonce, 0n) % r;
  const statement: SelectionStatement = { context, rule, key, aggregate };
  const selected = claimed ?? selections.reduce((a, b) => a + b, 0);
  return { statement, proof: proveSelection(statement, { selected, aggregateNonce }, random) };
}

function fixture(
  rule: SelectionRule,
  selections: number[],
): ProofFixture<SelectionStatement, RangeProof> {
  const { statement, proof } = makeProof(
    rule,
    selections,
    `selection ${rule.minSelections}-${rule.maxSelections}`,
  );
  const L = rule.maxSelections - rule.minSelections + 1;
  const wire = statement.aggregate.wire;
  const withContext = (s: SelectionStatement, change: Partial<SelectionStatement["context"]>) => ({
    ...s,
    context: { ...s.context, ...change },
  });
  const withRule = (min: number, max: number) => (s: SelectionStatement) => ({
    ...s,
    rule: { minSelections: min, maxSelections: max },
  });
  const { minSelections: lo, maxSelections: hi } = rule;
  const lengthError = {
    error: MalformedInputError,
    properties: { field: LABEL, section: "§5.3.3" },
  };
  return {
    kind: "selection",
    statement,
    proof,
    verify: verifySelection,
    wire: (s) => ({
      context: s.context,
      rule: s.rule,
      key: s.key.point,
      aggregate: s.aggregate.wire,
    }),
    proofFieldName: (path: Path) => `${LABEL} ${path[0]}[${path[1]}]`,
    shape: { points: 2 * L, scalars: 2 * L - 1 },
    statementTampers: [
      { name: "electionId", tamper: (s) => withContext(s, { electionId: OTHER_ELECTION_ID }) },
      { name: "contestIndex", tamper: (s) => withContext(s, { contestIndex: 0 }) },
      { name: "voter", tamper: (s) => withContext(s, { voter: OTHER_VOTER }) },
      { name: "key", tamper: (s) => ({ ...s, key: electionKey(otherPoint(s.key.point)) }) },
      {
        name: "aggregate A",
        tamper: (s) => ({
          ...s,
          aggregate: decodeCiphertext({ ...wire, alpha: otherPoint(wire.alpha) }),
        }),
      },
      {
        name: "aggregate B",
        tamper: (s) => ({
          ...s,
          aggregate: decodeCiphertext({ ...wire, beta: otherPoint(wire.beta) }),
        }),
      },
      {
        name: "aggregate (another ballot with the same count)",
        tamper: (s) => ({
          ...s,
          aggregate: addCiphertexts(selections.map((v) => encrypt(key, BigInt(v)).ciphertext)),
        }),
      },
      { name: "rule shifted up by one (same branch count)", tamper: withRule(lo + 1, hi + 1) },
      ...(lo > 0
        ? [
            {
              name: "rule shifted down by one (same branch count)",
              tamper: withRule(lo - 1, hi - 1),
            },
          ]
        : []),
      { name: "rule widened (one more branch)", tamper: withRule(lo, hi + 1), ...lengthError },
      ...(L > 1
        ? [
            {
              name: "rule narrowed (one branch fewer)",
              tamper: withRule(lo, hi - 1),
              ...lengthError,
            },
          ]
        : []),
      {
        name: "rule with min > max",
        tamper: withRule(hi + 1, hi),
        ...lengthError,
        properties: { field: LABEL },
      },
      {
        name: "rule with 33 branches",
        tamper: withRule(0, 32),
        ...lengthError,
        properties: { field: LABEL },
      },
      {
        name: "electionId to a non-hex string",
        tamper: (s) => withContext(s, { electionId: "0xnothex" as `0x${string}` }),
        error: MalformedInputError,
        properties: { field: "electionId" },
      },
      {
        name: "voter to 19 bytes",
        tamper: (s) => withContext(s, { voter: `0x${"5e".repeat(19)}` }),
        error: MalformedInputError,
        properties: { field: "voter" },
      },
    ],
  };
}

describe("selection proof (§5.3)", function () {
  describeProofRejections("rule [1, 1] (exactly one), 3 options", () =>
    fixture({ minSelections: 1, maxSelections: 1 }, [0, 1, 0]),
  );
  describeProofRejections("rule [0, 1] (blank allowed), 4 options, blank ballot", () =>
    fixture({ minSelections: 0, maxSelections: 1 }, [0, 0, 0, 0]),
  );
  describeProofRejections("rule [0, 3], 5 options, 3 selected", () =>
    fixture({ minSelections: 0, maxSelections: 3 }, [1, 0, 1, 1, 0]),
  );

  describe("array lengths (§5.3.3)", function () {
    const rule = { minSelections: 0, maxSelections: 3 };
    const { statement, proof } = makeProof(rule, [1, 1, 0, 0, 0], "selection lengths");

    for (const name of ["a", "b", "c", "v"] as const) {
      it(`rejects ${name} with one entry fewer or more`, function () {
        const values = proof[name] as unknown[];
        const shorter = { ...proof, [name]: values.slice(0, -1) };
        const longer = { ...proof, [name]: [...values, values[0]] };
        for (const bad of [shorter, longer]) {
          expect((bad[name] as unknown[]).length).to.not.equal(values.length);
          expectThrows(() => verifySelection(statement, bad as RangeProof), MalformedInputError, {
            field: LABEL,
            section: "§5.3.3",
          });
        }
      });

      it(`rejects ${name} that is not an array`, function () {
        const bad = { ...proof, [name]: undefined } as unknown as RangeProof;
        expectThrows(() => verifySelection(statement, bad), MalformedInputError, { field: LABEL });
      });
    }

    it("rejects c of length L (the last challenge is derived, never sent)", function () {
      const bad = { ...proof, c: [...proof.c, 5n] };
      expect(bad.c.length).to.equal(proof.v.length);
      expectThrows(() => verifySelection(statement, bad), MalformedInputError, { field: LABEL });
    });

    it("accepts the unmodified proof", function () {
      verifySelection(statement, proof);
    });
  });

  describe("transcript and equations", function () {
    it("matches §5.3.1 word for word and §5.1.2 holds, checked independently", function () {
      const rule = { minSelections: 0, maxSelections: 3 };
      const { statement, proof } = makeProof(rule, [0, 1, 1, 0, 0], "selection layout");
      const L = 4;
      const { alpha, beta } = statement.aggregate.wire;
      const c = abiChallenge([
        ["bytes32", `0x${DomainTag.selection.toString(16).padStart(64, "0")}`],
        ["bytes32", ELECTION_ID],
        ["uint256", 1n],
        ["address", VOTER],
        ["uint256", 0n],
        ["uint256", 3n],
        ...abiWordsOfPoints(key.point, alpha, beta, ...proof.a.flatMap((a, j) => [a, proof.b[j]])),
      ]);
      const challenges = [...proof.c, (((c - proof.c.reduce((s, x) => s + x, 0n)) % r) + r) % r];
      const A = statement.aggregate.alpha;
      const B = statement.aggregate.beta;
      for (let j = 0; j < L; j++) {
        const a = decodePoint(proof.a[j], "a");
        const b = decodePoint(proof.b[j], "b");
        const cj = challenges[j];
        const mj = encodeMessage(BigInt(j));
        expect(
          combination([[proof.v[j], GENERATOR]]).equals(a.add(combination([[cj, A]]))),
          `a${j}`,
        ).to.equal(true);
        expect(
          combination([[proof.v[j], key.element]]).equals(
            b.add(combination([[cj, B.subtract(mj)]])),
          ),
          `b${j}`,
        ).to.equal(true);
      }
      expect(selectionEquations(statement, proof)).to.have.length(2 * L);
    });
  });

  describe("selection counts against the rule", function () {
    it("proves every count allowed by [0, 3] and [2, 4]", function () {
      for (const [rule, selections] of [
        [{ minSelections: 0, maxSelections: 3 }, [0, 0, 0, 0]],
        [{ minSelections: 0, maxSelections: 3 }, [0, 1, 0, 0]],
        [{ minSelections: 0, maxSelections: 3 }, [1, 1, 0, 1]],
        [{ minSelections: 2, maxSelections: 4 }, [1, 1, 0, 0]],
        [{ minSelections: 2, maxSelections: 4 }, [1, 1, 1, 1]],
      ] as const) {
        const { statement, proof } = makeProof(
          rule,
          [...selections],
          `count ${rule.minSelections} ${selections.join("")}`,
        );
        expect(() => verifySelection(statement, proof)).to.not.throw();
      }
    });

    it("the prover refuses a count outside the rule", function () {
      for (const [rule, selections] of [
        [{ minSelections: 1, maxSelections: 1 }, [0, 0, 0]],
        [{ minSelections: 1, maxSelections: 1 }, [1, 1, 0]],
        [{ minSelections: 0, maxSelections: 3 }, [1, 1, 1, 1, 0]],
      ] as const) {
        expectThrows(() => makeProof(rule, [...selections], "refuse"), MalformedInputError, {
          field: LABEL,
          section: "§5.1",
        });
      }
    });

    for (const [rule, selections, claimed] of [
      [{ minSelections: 1, maxSelections: 1 }, [1, 1, 0], 1],
      [{ minSelections: 1, maxSelections: 1 }, [0, 0, 0], 1],
      [{ minSelections: 0, maxSelections: 1 }, [1, 1, 0], 1],
      [{ minSelections: 0, maxSelections: 3 }, [1, 1, 1, 1, 0], 3],
    ] as const) {
      const count = selections.reduce<number>((a, b) => a + b, 0);
      it(`rejects a proof claiming ${claimed} for ${count} selections under [${rule.minSelections}, ${rule.maxSelections}]`, function () {
        const { statement, proof } = makeProof(rule, [...selections], `lie ${count}`, claimed);
        expectThrows(() => verifySelection(statement, proof), InvalidProofError, {
          kind: "selection",
          section: "§5.3.3",
        });
      });
    }
  });
});
