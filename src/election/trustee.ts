/**
 * A trustee's side of the on-chain ceremony (§13) and the tally (§14.1). The trustee's secrets
 * stay in this process; only commitments, encrypted shares, proofs and partials are sent.
 */
import type { Address, Hex, PublicClient } from "viem";
import {
  combineShares,
  createTrustee,
  decryptPartially,
  decryptShare,
  encryptShare,
  evaluatePolynomial,
  makeComplaint,
  shareIsValid,
  type CeremonyParameters,
  type EncryptedShare,
  type Point,
  type RandomSource,
  type TrusteeCommitments,
  type TrusteeSecrets,
} from "../crypto";
import { electionTallyAbi, keyCeremonyAbi } from "./abi";
import { readTotals } from "./observer";
import { transact, type Clients } from "./transact";
import type { ElectionAddresses } from "./types";

export interface ReceivedShare {
  dealer: number;
  encrypted: EncryptedShare;
  value: bigint;
  valid: boolean;
}

export class Trustee {
  private constructor(
    readonly index: number,
    readonly electionId: Hex,
    private readonly secrets: TrusteeSecrets,
    readonly published: TrusteeCommitments,
  ) {}

  /** §6.1: draws this trustee's polynomial (its secret never leaves this object). */
  static create(params: CeremonyParameters, index: number, random?: RandomSource): Trustee {
    const { secrets, published } = createTrustee(params, index, random);
    return new Trustee(index, params.electionId, secrets, published);
  }

  /** Restores a trustee from its own key file (secrets and published commitments). */
  static fromSecrets(
    electionId: Hex,
    secrets: TrusteeSecrets,
    published: TrusteeCommitments,
  ): Trustee {
    return new Trustee(secrets.trustee, electionId, secrets, published);
  }

  /** The secrets, for the trustee's own key file; never send them anywhere. */
  exportSecrets(): TrusteeSecrets {
    return { trustee: this.secrets.trustee, coefficients: [...this.secrets.coefficients] };
  }

  async postCommitments(clients: Clients, ceremony: Address): Promise<void> {
    await transact(clients, {
      address: ceremony,
      abi: keyCeremonyAbi,
      functionName: "postCommitments",
      args: [this.published.commitments, this.published.proofs],
    });
  }

  /** §6.2: one share per other trustee, encrypted to that trustee's C_{l,0} read from the chain. */
  async postShares(
    clients: Clients,
    ceremony: Address,
    trustees: number,
    random?: RandomSource,
  ): Promise<void> {
    const shares = [];
    for (let l = 1; l <= trustees; l++) {
      if (l === this.index) continue;
      const [key] = await readCommitments(clients.publicClient, ceremony, l);
      if (!key) throw new Error(`trustee ${l} has not posted commitments yet`);
      const share = encryptShare(this.electionId, this.secrets, l, key, random);
      shares.push({ recipient: BigInt(l), ephemeral: share.ephemeral, masked: share.masked });
    }
    await transact(clients, {
      address: ceremony,
      abi: keyCeremonyAbi,
      functionName: "postShares",
      args: [shares],
    });
  }

  /** Reads, decrypts and checks (§6.3) every share addressed to this trustee. */
  async receivedShares(
    publicClient: PublicClient,
    ceremony: Address,
    trustees: number,
  ): Promise<ReceivedShare[]> {
    const received: ReceivedShare[] = [];
    for (let dealer = 1; dealer <= trustees; dealer++) {
      if (dealer === this.index) continue;
      const [ephemeral, masked] = await publicClient.readContract({
        address: ceremony,
        abi: keyCeremonyAbi,
        functionName: "share",
        args: [BigInt(dealer), BigInt(this.index)],
      });
      const encrypted: EncryptedShare = {
        dealer,
        recipient: this.index,
        ephemeral: { ...ephemeral },
        masked,
      };
      const { value } = decryptShare(this.electionId, this.secrets, encrypted);
      const commitments = await readCommitments(publicClient, ceremony, dealer);
      received.push({
        dealer,
        encrypted,
        value,
        valid: shareIsValid(commitments, this.index, value),
      });
    }
    return received;
  }

  async confirmShares(clients: Clients, ceremony: Address): Promise<void> {
    await transact(clients, {
      address: ceremony,
      abi: keyCeremonyAbi,
      functionName: "confirmShares",
      args: [],
    });
  }

  /** §6.4: complains about `share` by revealing D with its proof; the chain decides. */
  async fileComplaint(
    clients: Clients,
    ceremony: Address,
    share: EncryptedShare,
    random?: RandomSource,
  ): Promise<void> {
    const complaint = makeComplaint(
      this.electionId,
      this.secrets,
      this.published.commitments[0],
      share,
      random,
    );
    await transact(clients, {
      address: ceremony,
      abi: keyCeremonyAbi,
      functionName: "fileComplaint",
      args: [BigInt(share.dealer), complaint.sharedPoint, complaint.proof],
    });
  }

  /** §6.6: s_l = Σᵢ Pᵢ(l) from the received shares and this trustee's own. */
  secretShare(received: readonly ReceivedShare[]): bigint {
    const invalid = received.find((r) => !r.valid);
    if (invalid)
      throw new Error(`the share from trustee ${invalid.dealer} is invalid: file a complaint`);
    return combineShares([
      evaluatePolynomial(this.secrets.coefficients, this.index),
      ...received.map((r) => r.value),
    ]);
  }

  /** §14.1: partial decryptions of every option total of a contest, with proofs. */
  async postDecryptionShares(
    clients: Clients,
    addresses: ElectionAddresses,
    contestId: bigint,
    share: bigint,
    random?: RandomSource,
  ): Promise<void> {
    const shareKeyRaw = await clients.publicClient.readContract({
      address: addresses.ceremony,
      abi: keyCeremonyAbi,
      functionName: "shareKey",
      args: [BigInt(this.index)],
    });
    const shareKey: Point = { x: shareKeyRaw.x, y: shareKeyRaw.y };
    const totals = await readTotals(clients.publicClient, addresses.election, contestId);
    const partials = totals.map((aggregate, option) =>
      decryptPartially(
        {
          electionId: this.electionId,
          contestIndex: Number(contestId),
          optionIndex: option,
          aggregate,
        },
        this.index,
        share,
        shareKey,
        random,
      ),
    );
    await transact(clients, {
      address: addresses.tally,
      abi: electionTallyAbi,
      functionName: "postDecryptionShares",
      args: [contestId, partials.map((p) => p.partial), partials.map((p) => p.proof)],
    });
  }
}

export async function readCommitments(
  publicClient: PublicClient,
  ceremony: Address,
  trustee: number,
): Promise<Point[]> {
  const points = await publicClient.readContract({
    address: ceremony,
    abi: keyCeremonyAbi,
    functionName: "commitments",
    args: [BigInt(trustee)],
  });
  return points.map((p) => ({ x: p.x, y: p.y }));
}

/** Anyone may seal once every trustee posted and confirmed (§13.4). */
export async function sealCeremony(clients: Clients, ceremony: Address): Promise<void> {
  await transact(clients, {
    address: ceremony,
    abi: keyCeremonyAbi,
    functionName: "seal",
    args: [],
  });
}
