/** §7.4: bounded discrete logarithm by baby-step giant-step. */
import { DecryptionOutOfBoundError, MalformedInputError } from "./errors";
import { encodePoints, GENERATOR, IDENTITY, type GroupElement } from "./group";

interface BabyStepTable {
  width: number;
  /** x-coordinate (with y parity) of jG → j, for 0 ≤ j < width. */
  steps: Map<string, number>;
  giantStep: GroupElement;
}

const tables = new Map<number, BabyStepTable>();

function keyOf(x: bigint, y: bigint): string {
  return `${x.toString(16)}${y & 1n ? "+" : "-"}`;
}

function tableFor(bound: number): BabyStepTable {
  const width = Math.ceil(Math.sqrt(bound + 1));
  const cached = tables.get(width);
  if (cached) return cached;
  const multiples: GroupElement[] = [];
  let current = IDENTITY;
  for (let j = 0; j < width; j++) {
    multiples.push(current);
    current = current.add(GENERATOR);
  }
  const steps = new Map<string, number>();
  encodePoints(multiples).forEach((p, j) => steps.set(keyOf(p.x, p.y), j));
  const table = { width, steps, giantStep: current.negate() };
  tables.set(width, table);
  return table;
}

/** Finds t ∈ [0, bound] with tG = target, or throws DecryptionOutOfBoundError. */
export function boundedDiscreteLog(target: GroupElement, bound: number): number {
  if (!Number.isSafeInteger(bound) || bound < 0) {
    throw new MalformedInputError("bound", "must be a non-negative safe integer", "§7.4");
  }
  const { width, steps, giantStep } = tableFor(bound);
  let current = target;
  for (let i = 0; i * width <= bound; i++) {
    const { x, y } = current.toAffine();
    const j = steps.get(keyOf(x, y));
    if (j !== undefined) {
      const t = i * width + j;
      if (t <= bound) return t;
      break;
    }
    current = current.add(giantStep);
  }
  throw new DecryptionOutOfBoundError(bound);
}
