/**
 * Group equations Σ sₖ·Pₖ = O, as every proof states its checks (§5), evaluated either one by
 * one or combined with random weights (§8.3). Terms on the same point object are merged, so a
 * point shared by several equations (G, K, a ciphertext) costs one multiplication per batch.
 */
import { mulAddUnsafe } from "@noble/curves/abstract/curve.js";
import { Curve, GENERATOR, GROUP_ORDER, IDENTITY, modR, type GroupElement } from "./group";
import { csprng, randomWeight, type RandomSource } from "./random";

/** One equation: the sum of coefficient·point over its terms must be the identity. */
export type Equation = ReadonlyArray<readonly [coefficient: bigint, point: GroupElement]>;

/** Points with fixed-base tables: multiplied on their own instead of inside the MSM. */
const fixedBases = new WeakSet<GroupElement>([GENERATOR]);

export function registerFixedBase(point: GroupElement): GroupElement {
  fixedBases.add(point);
  return point;
}

const HALF_ORDER = GROUP_ORDER >> 1n;

/** Accumulates weighted equations and decides whether all of them hold. */
export class EquationAccumulator {
  private readonly coefficients = new Map<GroupElement, bigint>();

  add(equation: Equation, weight = 1n): void {
    for (const [coefficient, point] of equation) {
      if (point.is0()) continue;
      const previous = this.coefficients.get(point) ?? 0n;
      this.coefficients.set(point, previous + weight * coefficient);
    }
  }

  /** Σ coefficient·point, with public scalars only (non-constant-time is fine here). */
  evaluate(): GroupElement {
    let fixedPart = IDENTITY;
    const points: GroupElement[] = [];
    const scalars: bigint[] = [];
    for (const [point, raw] of this.coefficients) {
      let scalar = modR(raw);
      if (scalar === 0n) continue;
      if (fixedBases.has(point)) {
        fixedPart = fixedPart.add(point.multiplyUnsafe(scalar));
        continue;
      }
      // A negative small coefficient (−ω) would be a full-size scalar mod r: negate the point
      // instead, so weights stay 128-bit and the multi-scalar multiplication stays short.
      let base = point;
      if (scalar > HALF_ORDER) {
        scalar = GROUP_ORDER - scalar;
        base = point.negate();
      }
      points.push(base);
      scalars.push(scalar);
    }
    const variablePart = points.length === 0 ? IDENTITY : mulAddUnsafe(Curve, points, scalars);
    return fixedPart.add(variablePart);
  }

  holds(): boolean {
    return this.evaluate().is0();
  }
}

export function equationHolds(equation: Equation): boolean {
  const accumulator = new EquationAccumulator();
  accumulator.add(equation);
  return accumulator.holds();
}

/** True iff every equation holds, each checked on its own (the reference path). */
export function allHoldOneByOne(equations: readonly Equation[]): boolean {
  return equations.every(equationHolds);
}

/**
 * §8.3: checks Σₑ ωₑ·equationₑ = O with independent random non-zero 128-bit weights. If every
 * equation holds this is true; if any fails it is false except with probability ≤ 2⁻¹²⁸.
 */
export function allHoldBatched(
  equations: readonly Equation[],
  random: RandomSource = csprng,
): boolean {
  const accumulator = new EquationAccumulator();
  for (const equation of equations) accumulator.add(equation, randomWeight(random));
  return accumulator.holds();
}
