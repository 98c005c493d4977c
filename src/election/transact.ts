/** Sends a contract transaction, waits for it, and turns a revert into a readable error. */
import type {
  Abi,
  Account,
  Chain,
  ContractFunctionArgs,
  ContractFunctionName,
  Hex,
  PublicClient,
  TransactionReceipt,
  Transport,
  WalletClient,
} from "viem";
import { explainRevert } from "../chain/errors";
import { decodeRevert } from "../chain/revert";
import { allAbis } from "./abi";

export type Signer = WalletClient<Transport, Chain, Account>;

export interface Clients {
  publicClient: PublicClient;
  walletClient: Signer;
}

/**
 * A transaction the chain rejected: the contract's custom error by name and arguments, and as
 * its message the sentence a person can act on (src/chain/errors.ts), with the § of the rule.
 */
export class ContractRejectedError extends Error {
  constructor(
    readonly errorName: string,
    readonly args: readonly unknown[],
    readonly functionName: string,
    readonly section: string | undefined,
    explanation: string,
    cause: unknown,
  ) {
    super(`${functionName} rejected: ${explanation}${section ? ` (${section})` : ""}`, { cause });
    this.name = "ContractRejectedError";
  }
}

export function asContractError(functionName: string, error: unknown): unknown {
  const decoded = decodeRevert(allAbis as Abi, error);
  if (!decoded) return error;
  const explained = explainRevert(error);
  return new ContractRejectedError(
    decoded.errorName,
    decoded.args,
    functionName,
    explained?.section,
    explained?.message ?? `${decoded.errorName}(${decoded.args.map(String).join(", ")})`,
    error,
  );
}

export async function transact<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
>(
  clients: Clients,
  request: {
    address: Hex;
    abi: abi;
    functionName: functionName;
    args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
  },
): Promise<TransactionReceipt> {
  let hash: Hex;
  try {
    hash = await clients.walletClient.writeContract(request as never);
  } catch (error) {
    throw asContractError(request.functionName, error);
  }
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") {
    throw new Error(`${request.functionName} transaction ${hash} was mined but reverted`);
  }
  return receipt;
}
