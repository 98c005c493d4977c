/**
 * Field-by-field rejection tests shared by every proof type: each proof point replaced by another
 * valid point, each scalar bumped by one, every malformed encoding of each field, and every
 * statement field changed in turn. Fields are enumerated from the proof object itself, and the
 * expected shape is asserted, so a field can be neither forgotten nor skipped silently.
 */
import { expect } from "chai";
import {
  InvalidPointError,
  InvalidProofError,
  InvalidScalarError,
  MalformedInputError,
  type Point,
  type ProofKind,
} from "../../src/crypto";
import {
  bumpScalar,
  expectThrows,
  malformedPoints,
  malformedScalars,
  otherPoint,
  stringify,
  type ErrorClass,
} from "./crypto";

export type Path = ReadonlyArray<string | number>;

export function pathName(path: Path): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i ? `.${key}` : key))
    .join("");
}

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)[key],
    value,
  );
}

/** A copy of `value` with the leaf at `path` replaced; only the containers on the path are copied. */
export function setAt<T>(value: T, path: Path, leaf: unknown): T {
  if (path.length === 0) return leaf as T;
  const [head, ...rest] = path;
  const node = value as Record<string | number, unknown>;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  copy[head] = setAt(node[head], rest, leaf);
  return copy as T;
}

export function isWirePoint(value: unknown): value is Point {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const q = value as Partial<Point>;
  return keys.length === 2 && typeof q.x === "bigint" && typeof q.y === "bigint";
}

/** All wire points and all scalars (bigints outside points) of a plain proof object. */
export function fieldPaths(value: unknown, prefix: Path = []): { points: Path[]; scalars: Path[] } {
  if (isWirePoint(value)) return { points: [prefix], scalars: [] };
  if (typeof value === "bigint") return { points: [], scalars: [prefix] };
  const points: Path[] = [];
  const scalars: Path[] = [];
  if (typeof value === "object" && value !== null) {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [i, v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) {
      const found = fieldPaths(child, [...prefix, key]);
      points.push(...found.points);
      scalars.push(...found.scalars);
    }
  }
  return { points, scalars };
}

export interface StatementTamper<S> {
  name: string;
  tamper(statement: S): S;
  /** InvalidProofError of the fixture's kind unless given. */
  error?: ErrorClass;
  properties?: Record<string, unknown>;
}

export interface StatementPoint {
  path: Path;
  /** Expected `.field` of the InvalidPointError. */
  field: string;
}

export interface ProofFixture<S, P> {
  kind: ProofKind;
  statement: S;
  proof: P;
  verify(statement: S, proof: P): void;
  /** The statement's wire form, to show that a tampering really changed it. */
  wire(statement: S): unknown;
  /** Expected `.field` of InvalidPointError / InvalidScalarError for a proof field. */
  proofFieldName(path: Path): string;
  /** How many points and scalars the proof has. */
  shape: { points: number; scalars: number };
  /** Proof points that (0, 0) turns into a §5.5.2 identity mismatch instead of a §2.2 error. */
  identityMismatch?: (path: Path) => boolean;
  /** Wire points of the statement that `verify` itself validates (§2.2). */
  statementPoints?: StatementPoint[];
  /** Every other statement field, changed in turn. */
  statementTampers: Array<StatementTamper<S>>;
}

/** Declares the rejection tests of one proof fixture (built when the suite is declared). */
export function describeProofRejections<S, P>(title: string, make: () => ProofFixture<S, P>): void {
  describe(title, function () {
    const fixture = make();
    const { statement, proof, verify, kind } = fixture;
    const { points, scalars } = fieldPaths(proof);
    const invalidProof = { kind };

    it("accepts the valid proof", function () {
      expect(() => verify(statement, proof)).to.not.throw();
    });

    it(`has ${fixture.shape.points} points and ${fixture.shape.scalars} scalars`, function () {
      expect(points.length).to.equal(fixture.shape.points);
      expect(scalars.length).to.equal(fixture.shape.scalars);
    });

    describe("each proof point replaced by another valid point", function () {
      for (const path of points) {
        it(`rejects a changed ${pathName(path)}`, function () {
          const before = getAt(proof, path) as Point;
          const tampered = setAt(proof, path, otherPoint(before));
          expect(getAt(tampered, path)).to.not.deep.equal(before);
          expectThrows(() => verify(statement, tampered), InvalidProofError, invalidProof);
        });
      }
    });

    describe("each proof scalar + 1 mod r", function () {
      for (const path of scalars) {
        it(`rejects a changed ${pathName(path)}`, function () {
          const before = getAt(proof, path) as bigint;
          const tampered = setAt(proof, path, bumpScalar(before));
          expect(getAt(tampered, path)).to.not.equal(before);
          expectThrows(() => verify(statement, tampered), InvalidProofError, invalidProof);
        });
      }
    });

    describe("malformed proof points (§2.2)", function () {
      for (const path of points) {
        for (const bad of malformedPoints(getAt(proof, path) as Point)) {
          it(`rejects ${pathName(path)} = ${bad.name}`, function () {
            const tampered = setAt(proof, path, bad.point);
            const field = fixture.proofFieldName(path);
            if (bad.reason === "infinity" && fixture.identityMismatch?.(path)) {
              expectThrows(() => verify(statement, tampered), MalformedInputError);
            } else {
              expectThrows(() => verify(statement, tampered), InvalidPointError, {
                field,
                reason: bad.reason,
              });
            }
          });
        }
      }
    });

    describe("out-of-range proof scalars (§2.1)", function () {
      for (const path of scalars) {
        for (const bad of malformedScalars(getAt(proof, path) as bigint)) {
          it(`rejects ${pathName(path)} = ${bad.name}`, function () {
            const tampered = setAt(proof, path, bad.value);
            expectThrows(() => verify(statement, tampered), InvalidScalarError, {
              field: fixture.proofFieldName(path),
              value: bad.value,
            });
          });
        }
      }
    });

    const statementTampers: Array<StatementTamper<S>> = [
      ...(fixture.statementPoints ?? []).map(({ path }): StatementTamper<S> => ({
        name: `${pathName(path)} (another valid point)`,
        tamper: (s) => setAt(s, path, otherPoint(getAt(s, path) as Point)),
      })),
      ...fixture.statementTampers,
    ];
    describe("each statement field changed", function () {
      for (const t of statementTampers) {
        it(`rejects a changed ${t.name}`, function () {
          const tampered = t.tamper(statement);
          expect(stringify(fixture.wire(tampered))).to.not.equal(
            stringify(fixture.wire(statement)),
          );
          expectThrows(
            () => verify(tampered, proof),
            t.error ?? InvalidProofError,
            t.properties ?? (t.error ? {} : invalidProof),
          );
        });
      }
    });

    if (fixture.statementPoints?.length) {
      describe("malformed statement points (§2.2)", function () {
        for (const { path, field } of fixture.statementPoints ?? []) {
          for (const bad of malformedPoints(getAt(statement, path) as Point)) {
            it(`rejects ${pathName(path)} = ${bad.name}`, function () {
              const tampered = setAt(statement, path, bad.point);
              if (bad.reason === "infinity" && fixture.identityMismatch?.(path)) {
                expectThrows(() => verify(tampered, proof), MalformedInputError);
              } else {
                expectThrows(() => verify(tampered, proof), InvalidPointError, {
                  field,
                  reason: bad.reason,
                });
              }
            });
          }
        }
      });
    }

    it("leaves the fixture untouched (every tampering was on a copy)", function () {
      expect(() => verify(statement, proof)).to.not.throw();
    });
  });
}
