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
import { decodeRevert } from "../chain/revert";
import { allAbis } from "./abi";

export type Signer = WalletClient<Transport, Chain, Account>;

export interface Clients {
  publicClient: PublicClient;
  walletClient: Signer;
}

/** A transaction the chain rejected, with the contract's custom error by name. */
export class ContractRejectedError extends Error {
  constructor(
    readonly errorName: string,
    readonly args: readonly unknown[],
    readonly functionName: string,
    cause: unknown,
  ) {
    super(
      `${functionName} rejected by the contract: ${errorName}(${args.map(String).join(", ")})`,
      {
        cause,
      },
    );
    this.name = "ContractRejectedError";
  }
}

export function asContractError(functionName: string, error: unknown): unknown {
  const decoded = decodeRevert(allAbis as Abi, error);
  return decoded
    ? new ContractRejectedError(decoded.errorName, decoded.args, functionName, error)
    : error;
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
