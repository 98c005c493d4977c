/**
 * Field-by-field on-chain rejection tests shared by every proof type, the on-chain counterpart
 * of test/helpers/tamper.ts: each proof point replaced by another valid point and each scalar
 * bumped by one (the proof's `…Invalid` custom error), every malformed encoding that fits an ABI
 * word (the BN254 custom errors, with their arguments), and every statement field changed.
 */
import { expect } from "chai";
import type { Point } from "../../../src/crypto";
import { bumpScalar, otherPoint } from "../../helpers/crypto";
import { fieldPaths, getAt, pathName, setAt, type Path } from "../../helpers/tamper";
import type { ProofVerifier } from "../../../typechain-types";
import { deployed, onChainMalformedPoints, onChainMalformedScalars } from "./fixture";

/** What a failing call must revert with: a custom error name and, optionally, its arguments. */
export interface Expected {
  error: string;
  args?: unknown[];
}

export interface StatementTamper<S> {
  name: string;
  tamper(statement: S): S;
  /** The fixture's `invalid` error unless given. */
  expected?: Expected;
}

export interface OnChainFixture<S, P> {
  statement: S;
  proof: P;
  /** Calls the ProofVerifier entry point under test. */
  call(verifier: ProofVerifier, statement: S, proof: P): Promise<unknown>;
  /** The error of a well-formed proof whose challenge split or equations fail. */
  invalid: Expected;
  /** Expected number of proof points and scalars (so that none is skipped silently). */
  shape: { points: number; scalars: number };
  /** Statement points validated by §2.2 on-chain (replaced and malformed in turn). */
  statementPoints?: Path[];
  /** Overrides the expected error for a malformed point at `path` (e.g. the §5.5.2 rule). */
  malformedOverride?: (
    where: "proof" | "statement",
    path: Path,
    bad: string,
  ) => Expected | undefined;
  /** The error when the proof field at `path` is changed to another valid value (default: invalid). */
  invalidAt?: (path: Path) => Expected;
  /** The error when the statement point at `path` is replaced by another valid point. */
  statementInvalidAt?: (path: Path) => Expected;
  statementTampers: Array<StatementTamper<S>>;
}

async function expectRevert(
  verifier: ProofVerifier,
  promise: Promise<unknown>,
  expected: Expected,
): Promise<void> {
  const assertion = expect(promise).to.be.revertedWithCustomError(verifier, expected.error);
  if (expected.args !== undefined) await assertion.withArgs(...expected.args);
  else await assertion;
}

/** Declares the on-chain rejection tests of one proof fixture. */
export function describeOnChainRejections<S, P>(
  title: string,
  make: () => OnChainFixture<S, P>,
): void {
  describe(title, function () {
    const fixture = make();
    const { statement, proof, call, invalid } = fixture;
    const { points, scalars } = fieldPaths(proof);

    it("accepts the SDK-made proof", async function () {
      const { verifier } = await deployed();
      await call(verifier, statement, proof);
    });

    it(`has ${fixture.shape.points} points and ${fixture.shape.scalars} scalars`, function () {
      expect(points.length).to.equal(fixture.shape.points);
      expect(scalars.length).to.equal(fixture.shape.scalars);
    });

    it("rejects each proof point replaced by another valid point", async function () {
      const { verifier } = await deployed();
      for (const path of points) {
        const tampered = setAt(proof, path, otherPoint(getAt(proof, path) as Point));
        const expected = fixture.invalidAt?.(path) ?? invalid;
        await expectRevert(verifier, call(verifier, statement, tampered), expected);
      }
    });

    it("rejects each proof scalar + 1 mod r", async function () {
      const { verifier } = await deployed();
      for (const path of scalars) {
        const tampered = setAt(proof, path, bumpScalar(getAt(proof, path) as bigint));
        const expected = fixture.invalidAt?.(path) ?? invalid;
        await expectRevert(verifier, call(verifier, statement, tampered), expected);
      }
    });

    it("rejects malformed proof points with the §2.2 errors", async function () {
      const { verifier } = await deployed();
      for (const path of points) {
        for (const bad of onChainMalformedPoints(getAt(proof, path) as Point)) {
          const tampered = setAt(proof, path, bad.point);
          const expected = fixture.malformedOverride?.("proof", path, bad.name) ?? {
            error: bad.error,
            args: bad.args,
          };
          await expectRevert(verifier, call(verifier, statement, tampered), expected).catch(
            (e: Error) => {
              throw new Error(`${pathName(path)} = ${bad.name}: ${e.message}`);
            },
          );
        }
      }
    });

    it("rejects proof scalars ≥ r with BN254ScalarOutOfRange", async function () {
      const { verifier } = await deployed();
      for (const path of scalars) {
        for (const bad of onChainMalformedScalars(getAt(proof, path) as bigint)) {
          const tampered = setAt(proof, path, bad.value);
          await expectRevert(verifier, call(verifier, statement, tampered), {
            error: "BN254ScalarOutOfRange",
            args: [bad.value],
          });
        }
      }
    });

    for (const path of fixture.statementPoints ?? []) {
      it(`rejects statement point ${pathName(path)} replaced or malformed`, async function () {
        const { verifier } = await deployed();
        const replaced = setAt(statement, path, otherPoint(getAt(statement, path) as Point));
        const expected = fixture.statementInvalidAt?.(path) ?? invalid;
        await expectRevert(verifier, call(verifier, replaced, proof), expected);
        for (const bad of onChainMalformedPoints(getAt(statement, path) as Point)) {
          const tampered = setAt(statement, path, bad.point);
          const expected = fixture.malformedOverride?.("statement", path, bad.name) ?? {
            error: bad.error,
            args: bad.args,
          };
          await expectRevert(verifier, call(verifier, tampered, proof), expected).catch(
            (e: Error) => {
              throw new Error(`${pathName(path)} = ${bad.name}: ${e.message}`);
            },
          );
        }
      });
    }

    for (const t of fixture.statementTampers) {
      it(`rejects a changed ${t.name}`, async function () {
        const { verifier } = await deployed();
        await expectRevert(
          verifier,
          call(verifier, t.tamper(statement), proof),
          t.expected ?? invalid,
        );
      });
    }

    it("still accepts the untouched proof (every tampering was on a copy)", async function () {
      const { verifier } = await deployed();
      await call(verifier, statement, proof);
    });
  });
}
