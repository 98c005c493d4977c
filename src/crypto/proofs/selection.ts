/** §5.3: the selection proof — a contest's selections sum to an allowed count. */
import type { DecodedCiphertext, ElectionKey } from "../elgamal";
import { allHoldOneByOne, type Equation } from "../equations";
import { InvalidProofError } from "../errors";
import { csprng, type RandomSource } from "../random";
import { ballotContextWords, DomainTag, type BallotContext } from "../transcript";
import { proveRange, rangeProofEquations, type RangeProof, type RangeStatement } from "./range";

export interface SelectionRule {
  minSelections: number;
  maxSelections: number;
}

export interface SelectionStatement {
  context: BallotContext;
  rule: SelectionRule;
  key: ElectionKey;
  /** The aggregate (A, B) = (Σαᵢ, Σβᵢ), always computed by the verifier itself (§5.3.3). */
  aggregate: DecodedCiphertext;
}

function asRangeStatement(statement: SelectionStatement): RangeStatement {
  return {
    tag: DomainTag.selection,
    context: ballotContextWords(statement.context),
    lo: statement.rule.minSelections,
    hi: statement.rule.maxSelections,
    key: statement.key,
    ciphertext: statement.aggregate,
    label: `contest ${statement.context.contestIndex} selection proof`,
  };
}

export function proveSelection(
  statement: SelectionStatement,
  witness: { selected: number; aggregateNonce: bigint },
  random: RandomSource = csprng,
): RangeProof {
  return proveRange(
    asRangeStatement(statement),
    { value: witness.selected, nonce: witness.aggregateNonce },
    random,
  );
}

export function selectionEquations(statement: SelectionStatement, proof: RangeProof): Equation[] {
  return rangeProofEquations(asRangeStatement(statement), proof);
}

export function verifySelection(statement: SelectionStatement, proof: RangeProof): void {
  if (!allHoldOneByOne(selectionEquations(statement, proof))) {
    throw new InvalidProofError(
      "selection",
      asRangeStatement(statement).label + " does not verify",
      "§5.3.3",
    );
  }
}
