/**
 * Finds the revert data of a failed contract call, whichever client raised it (viem, ethers, or
 * Hardhat's in-process provider, which puts it on the innermost cause), and decodes its custom
 * error.
 */
import { decodeErrorResult, type Abi, type Hex } from "viem";

export interface DecodedRevert {
  errorName: string;
  args: readonly unknown[];
}

function isHex(value: unknown): value is Hex {
  return typeof value === "string" && /^0x([0-9a-fA-F]{2})*$/.test(value);
}

/** Revert data is at least a 4-byte selector. */
function isRevertData(value: unknown): value is Hex {
  return isHex(value) && value.length >= 10;
}

/** Properties under which clients nest the revert data or the error carrying it. */
const NESTING_KEYS = ["cause", "error", "info", "data"] as const;

/**
 * The raw revert bytes carried anywhere in the error's cause chain, if any: `data` (Hardhat,
 * ethers, JSON-RPC errors) or `raw` (viem's `ContractFunctionRevertedError`), looked up
 * breadth-first through `cause`, `error`, `info` and `data` (at most 16 levels deep). A hex
 * string passed as the error is taken as the revert data itself.
 */
export function findRevertData(error: unknown): Hex | undefined {
  if (isRevertData(error)) return error;
  const seen = new Set<object>();
  let level: unknown[] = [error];
  for (let depth = 0; depth < 16 && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const current of level) {
      if (typeof current !== "object" || current === null || seen.has(current)) continue;
      seen.add(current);
      const candidate = current as Record<string, unknown>;
      if (isRevertData(candidate.data)) return candidate.data;
      if (isRevertData(candidate.raw)) return candidate.raw;
      for (const key of NESTING_KEYS) next.push(candidate[key]);
    }
    level = next;
  }
  return undefined;
}

/** Decodes a revert against the contract's ABI; undefined when it carries no known error. */
export function decodeRevert(abi: Abi, error: unknown): DecodedRevert | undefined {
  const data = findRevertData(error);
  if (!data) return undefined;
  try {
    const decoded = decodeErrorResult({ abi, data });
    return { errorName: decoded.errorName, args: decoded.args ?? [] };
  } catch {
    return undefined;
  }
}
