/**
 * The trustees' key ceremony on-chain (§6, §13), driven with the SDK's Trustee class: every
 * ordering and shape rule, complaints decided both ways, the failure of a ceremony with a
 * dishonest dealer, the seal deadline, and the sealed keys against the SDK's own computation.
 */
import { loadFixture, setBalance, time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import hre from "hardhat";
import { getAddress, type Address, type PublicClient } from "viem";
import {
  createTrustee,
  electionKey,
  encodePoint,
  encryptShare,
  GENERATOR,
  GROUP_ORDER,
  jointElectionKey,
  makeComplaint,
  publicShareKey,
  type EncryptedShare,
  type Point,
  type TrusteeCommitments,
} from "../../../src/crypto";
import {
  asContractError,
  castBallot,
  ContractRejectedError,
  createElection,
  eligibilityProof,
  electionAbi,
  keyCeremonyAbi,
  prepareBallot,
  readCommitments,
  sealCeremony,
  signBallot,
  transact,
  Trustee,
  type Clients,
  type EncryptedShareInput,
  type Signer,
} from "../../../src/election";
import { deployElection, openPolls, type ElectionFixture } from "./fixture";
import { ceremonyState, electionState, expectRejected, expectRejectedUnchanged } from "./helpers";

const ZERO_POINT = { x: 0n, y: 0n };

describe("KeyCeremony", () => {
  // ---------------------------------------------------------------------------------------------
  // Steps and fixtures

  async function commitAll(f: ElectionFixture, except: number[] = []): Promise<void> {
    for (const [i, t] of f.trustees.entries()) {
      if (!except.includes(i + 1))
        await t.postCommitments(f.trusteeClients[i], f.addresses.ceremony);
    }
  }
  async function dealAll(f: ElectionFixture, except: number[] = []): Promise<void> {
    for (const [i, t] of f.trustees.entries()) {
      if (!except.includes(i + 1)) {
        await t.postShares(f.trusteeClients[i], f.addresses.ceremony, f.trustees.length);
      }
    }
  }
  async function confirmAll(f: ElectionFixture, except: number[] = []): Promise<void> {
    for (const [i, t] of f.trustees.entries()) {
      if (!except.includes(i + 1)) await t.confirmShares(f.trusteeClients[i], f.addresses.ceremony);
    }
  }

  async function fresh(): Promise<ElectionFixture> {
    return deployElection({ ceremony: "none" });
  }
  async function committed(): Promise<ElectionFixture> {
    const f = await fresh();
    await commitAll(f);
    return f;
  }
  async function dealt(): Promise<ElectionFixture> {
    const f = await committed();
    await dealAll(f);
    return f;
  }
  async function confirmed(): Promise<ElectionFixture> {
    const f = await dealt();
    await confirmAll(f);
    return f;
  }
  async function sealedCeremony(): Promise<ElectionFixture> {
    const f = await confirmed();
    await sealCeremony(f.outsider, f.addresses.ceremony);
    return f;
  }

  /**
   * Trustee 1 is dishonest: restored from secrets drawn with createTrustee, it posts a correct
   * share to trustee 3 and a corrupted one (one bit of σ flipped) to trustee 2.
   */
  async function cheated(): Promise<ElectionFixture> {
    const f = await fresh();
    const params = { electionId: f.state.electionId, trustees: 3, threshold: 2 };
    const { secrets, published } = createTrustee(params, 1);
    const dealer = Trustee.fromSecrets(params.electionId, secrets, published);
    const g = { ...f, trustees: [dealer, ...f.trustees.slice(1)] };
    await commitAll(g);
    const shares: EncryptedShareInput[] = [];
    for (const l of [2, 3]) {
      const [key] = await readCommitments(g.publicClient, g.addresses.ceremony, l);
      const share = encryptShare(params.electionId, secrets, l, key);
      const masked = l === 2 ? share.masked ^ 1n : share.masked;
      shares.push({ recipient: BigInt(l), ephemeral: share.ephemeral, masked });
    }
    await postShares(g, 1, shares);
    await dealAll(g, [1]);
    return g;
  }

  // ---------------------------------------------------------------------------------------------
  // Raw calls (the SDK's Trustee only sends well-formed messages)

  const ceremonyCall = <
    F extends "postCommitments" | "postShares" | "confirmShares" | "fileComplaint" | "seal",
  >(
    f: ElectionFixture,
    caller: Clients,
    functionName: F,
    args: unknown[],
  ) =>
    transact(caller, {
      address: f.addresses.ceremony,
      abi: keyCeremonyAbi,
      functionName,
      args: args as never,
    });

  function postShares(
    f: ElectionFixture,
    dealer: number,
    shares: EncryptedShareInput[],
    caller?: Clients,
  ) {
    return ceremonyCall(f, caller ?? f.trusteeClients[dealer - 1], "postShares", [shares]);
  }

  /** Trustee `dealer`'s honest encrypted shares, for the given recipients. */
  async function honestShares(
    f: ElectionFixture,
    dealer: number,
    recipients: number[],
  ): Promise<EncryptedShareInput[]> {
    const secrets = f.trustees[dealer - 1].exportSecrets();
    const out: EncryptedShareInput[] = [];
    for (const l of recipients) {
      const [key] = await readCommitments(f.publicClient, f.addresses.ceremony, l);
      const share = encryptShare(f.state.electionId, secrets, l, key ?? encodePoint(GENERATOR));
      out.push({ recipient: BigInt(l), ephemeral: share.ephemeral, masked: share.masked });
    }
    return out;
  }

  /** The share dealer → recipient as posted on-chain. */
  async function postedShare(
    f: ElectionFixture,
    dealer: number,
    recipient: number,
  ): Promise<EncryptedShare> {
    const [ephemeral, masked] = await f.publicClient.readContract({
      address: f.addresses.ceremony,
      abi: keyCeremonyAbi,
      functionName: "share",
      args: [BigInt(dealer), BigInt(recipient)],
    });
    return { dealer, recipient, ephemeral: { x: ephemeral.x, y: ephemeral.y }, masked };
  }

  function complaintBy(f: ElectionFixture, recipient: number, share: EncryptedShare) {
    const t = f.trustees[recipient - 1];
    return makeComplaint(f.state.electionId, t.exportSecrets(), t.published.commitments[0], share);
  }

  function events<E extends "ComplaintDecided" | "CeremonyFailed" | "CeremonySealed">(
    f: ElectionFixture,
    eventName: E,
  ) {
    return f.publicClient.getContractEvents({
      address: f.addresses.ceremony,
      abi: keyCeremonyAbi,
      eventName,
      fromBlock: 0n,
    });
  }

  async function readBool(f: ElectionFixture, functionName: "isSealed" | "hasFailed") {
    return f.publicClient.readContract({
      address: f.addresses.ceremony,
      abi: keyCeremonyAbi,
      functionName,
    });
  }

  const stateOf = (f: ElectionFixture) => () => ceremonyState(f);
  const addressOf = (c: Clients): Address => getAddress(c.walletClient.account.address);

  // ---------------------------------------------------------------------------------------------

  describe("trustees only", () => {
    it("every trustee call by a non-trustee → KeyCeremonyNotTrustee", async () => {
      const f = await loadFixture(dealt);
      const shares = await honestShares(f, 1, [2, 3]);
      const complaint = complaintBy(f, 2, await postedShare(f, 1, 2));
      const { commitments, proofs } = f.trustees[0].published;
      for (const caller of [f.outsider, f.commission, f.registrar, f.gateway]) {
        const calls: Array<[string, () => Promise<unknown>]> = [
          [
            "postCommitments",
            () => ceremonyCall(f, caller, "postCommitments", [commitments, proofs]),
          ],
          ["postShares", () => postShares(f, 1, shares, caller)],
          ["confirmShares", () => ceremonyCall(f, caller, "confirmShares", [])],
          [
            "fileComplaint",
            () =>
              ceremonyCall(f, caller, "fileComplaint", [
                1n,
                complaint.sharedPoint,
                complaint.proof,
              ]),
          ],
        ];
        for (const [, call] of calls) {
          await expectRejectedUnchanged(stateOf(f), call, "KeyCeremonyNotTrustee", [
            addressOf(caller),
          ]);
        }
      }
    });
  });

  describe("commitments (§13.1)", () => {
    it("each trustee posts k commitments once; CommitmentsPosted carries them", async () => {
      const f = await loadFixture(fresh);
      const t = f.trustees[1];
      const receipt = await ceremonyCall(f, f.trusteeClients[1], "postCommitments", [
        t.published.commitments,
        t.published.proofs,
      ]);
      const logs = await f.publicClient.getContractEvents({
        address: f.addresses.ceremony,
        abi: keyCeremonyAbi,
        eventName: "CommitmentsPosted",
        blockHash: receipt.blockHash,
      });
      expect(logs).to.have.length(1);
      expect(logs[0].args.trustee).to.equal(2n);
      expect(logs[0].args.commitments).to.deep.equal(t.published.commitments);
      expect(logs[0].args.proofs).to.deep.equal(t.published.proofs);
      expect(await readCommitments(f.publicClient, f.addresses.ceremony, 2)).to.deep.equal(
        t.published.commitments,
      );
      await expectRejectedUnchanged(
        stateOf(f),
        () => t.postCommitments(f.trusteeClients[1], f.addresses.ceremony),
        "KeyCeremonyAlreadyPosted",
        [2n],
      );
      // Even different (valid) commitments cannot replace the posted ones.
      const other = createTrustee({ electionId: f.state.electionId, trustees: 3, threshold: 2 }, 2);
      await expectRejectedUnchanged(
        stateOf(f),
        () =>
          ceremonyCall(f, f.trusteeClients[1], "postCommitments", [
            other.published.commitments,
            other.published.proofs,
          ]),
        "KeyCeremonyAlreadyPosted",
        [2n],
      );
    });

    it("a commitment count other than k (or proofs not matching) → KeyCeremonyCommitmentCountInvalid", async () => {
      const f = await loadFixture(fresh);
      const { commitments, proofs } = f.trustees[0].published;
      const cases: Array<[Point[], typeof proofs]> = [
        [commitments.slice(0, 1), proofs.slice(0, 1)],
        [[], []],
        [
          [...commitments, commitments[0]],
          [...proofs, proofs[0]],
        ],
        [commitments, proofs.slice(0, 1)],
        [commitments.slice(0, 1), proofs],
      ];
      for (const [c, p] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => ceremonyCall(f, f.trusteeClients[0], "postCommitments", [c, p]),
          "KeyCeremonyCommitmentCountInvalid",
          [BigInt(c.length), BigInt(p.length), 2n],
        );
      }
    });

    it("a tampered Schnorr proof → SchnorrProofInvalid", async () => {
      const f = await loadFixture(fresh);
      const mine = f.trustees[0].published;
      const theirs = f.trustees[1].published;
      const bumped = (u: bigint) => (u + 1n) % GROUP_ORDER;
      const cases: Array<[string, Point[], typeof mine.proofs]> = [
        [
          "u + 1",
          mine.commitments,
          [{ ...mine.proofs[0], u: bumped(mine.proofs[0].u) }, mine.proofs[1]],
        ],
        [
          "another h",
          mine.commitments,
          [mine.proofs[0], { ...mine.proofs[1], h: mine.proofs[0].h }],
        ],
        ["proofs swapped", mine.commitments, [mine.proofs[1], mine.proofs[0]]],
        [
          "both swapped",
          [mine.commitments[1], mine.commitments[0]],
          [mine.proofs[1], mine.proofs[0]],
        ],
        ["another trustee's commitments and proofs", theirs.commitments, theirs.proofs],
        ["a commitment replaced", [mine.commitments[0], theirs.commitments[1]], mine.proofs],
      ];
      for (const [, c, p] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => ceremonyCall(f, f.trusteeClients[0], "postCommitments", [c, p]),
          "SchnorrProofInvalid",
          [],
        );
      }
      // The honest ones still go through.
      await f.trustees[0].postCommitments(f.trusteeClients[0], f.addresses.ceremony);
    });
  });

  describe("shares (§13.2)", () => {
    it("shares before the dealer's own commitments → KeyCeremonyOutOfOrder", async () => {
      const f = await loadFixture(fresh);
      await commitAll(f, [1]);
      await expectRejectedUnchanged(
        stateOf(f),
        () => f.trustees[0].postShares(f.trusteeClients[0], f.addresses.ceremony, 3),
        "KeyCeremonyOutOfOrder",
        [1n],
      );
    });

    it("a share count other than n − 1 → KeyCeremonyShareCountInvalid", async () => {
      const f = await loadFixture(committed);
      const shares = await honestShares(f, 1, [2, 3]);
      for (const wrong of [[], shares.slice(0, 1), [...shares, shares[0]]]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => postShares(f, 1, wrong),
          "KeyCeremonyShareCountInvalid",
          [BigInt(wrong.length), 2n],
        );
      }
    });

    it("a share for the dealer itself, a duplicate recipient or one out of range → KeyCeremonyShareRecipientInvalid", async () => {
      const f = await loadFixture(committed);
      const [to2, to3] = await honestShares(f, 1, [2, 3]);
      const cases: Array<[EncryptedShareInput[], bigint]> = [
        [[{ ...to2, recipient: 1n }, to3], 1n],
        [[to2, { ...to3, recipient: 1n }], 1n],
        [[to2, to2], 2n],
        [[to3, to3], 3n],
        [[{ ...to2, recipient: 0n }, to3], 0n],
        [[to2, { ...to3, recipient: 4n }], 4n],
        [[to2, { ...to3, recipient: 2n ** 256n - 1n }], 2n ** 256n - 1n],
      ];
      for (const [shares, recipient] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => postShares(f, 1, shares),
          "KeyCeremonyShareRecipientInvalid",
          [recipient],
        );
      }
      // In any order, one share per other trustee is accepted, once.
      await postShares(f, 1, [to3, to2]);
      expect(await postedShare(f, 1, 2)).to.deep.equal({
        dealer: 1,
        recipient: 2,
        ephemeral: to2.ephemeral,
        masked: to2.masked,
      });
      await expectRejectedUnchanged(
        stateOf(f),
        () => postShares(f, 1, [to2, to3]),
        "KeyCeremonyAlreadyPosted",
        [1n],
      );
    });
  });

  describe("confirmations (§13.3)", () => {
    it("confirming before every share addressed to the trustee is posted → KeyCeremonyOutOfOrder; twice → KeyCeremonyAlreadyPosted", async () => {
      const f = await loadFixture(committed);
      await expectRejectedUnchanged(
        stateOf(f),
        () => f.trustees[1].confirmShares(f.trusteeClients[1], f.addresses.ceremony),
        "KeyCeremonyOutOfOrder",
        [2n],
      );
      await dealAll(f, [1]);
      for (const l of [2, 3]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => f.trustees[l - 1].confirmShares(f.trusteeClients[l - 1], f.addresses.ceremony),
          "KeyCeremonyOutOfOrder",
          [BigInt(l)],
        );
      }
      await dealAll(f, [2, 3]);
      await f.trustees[1].confirmShares(f.trusteeClients[1], f.addresses.ceremony);
      await expectRejectedUnchanged(
        stateOf(f),
        () => f.trustees[1].confirmShares(f.trusteeClients[1], f.addresses.ceremony),
        "KeyCeremonyAlreadyPosted",
        [2n],
      );
    });
  });

  describe("complaints (§6.4, §13.3)", () => {
    it("an honest dealer's share: the complaint is dismissed (upheld = false) and the ceremony still seals", async () => {
      const f = await loadFixture(dealt);
      const received = await f.trustees[1].receivedShares(f.publicClient, f.addresses.ceremony, 3);
      expect(received.map((r) => r.valid)).to.deep.equal([true, true]);
      const before = await ceremonyState(f);
      await f.trustees[1].fileComplaint(
        f.trusteeClients[1],
        f.addresses.ceremony,
        received[0].encrypted,
      );
      const decided = await events(f, "ComplaintDecided");
      expect(decided).to.have.length(1);
      expect(decided[0].args.dealer).to.equal(1n);
      expect(decided[0].args.recipient).to.equal(2n);
      expect(decided[0].args.upheld).to.equal(false);
      expect(await events(f, "CeremonyFailed")).to.have.length(0);
      const after = await ceremonyState(f);
      expect({ ...after, events: before.events }).to.deep.equal(before);
      expect(after.events).to.equal(before.events + 1);

      await confirmAll(f);
      await sealCeremony(f.outsider, f.addresses.ceremony);
      expect(await readBool(f, "isSealed")).to.equal(true);
      expect(await readBool(f, "hasFailed")).to.equal(false);
    });

    it("a complaint against oneself, an unknown dealer, or a dealer who has not dealt is rejected", async () => {
      const f = await loadFixture(committed);
      await dealAll(f, [3]);
      const complaint = complaintBy(f, 2, await postedShare(f, 1, 2));
      const file = (dealer: bigint) =>
        ceremonyCall(f, f.trusteeClients[1], "fileComplaint", [
          dealer,
          complaint.sharedPoint,
          complaint.proof,
        ]);
      for (const dealer of [2n, 0n, 4n]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => file(dealer),
          "KeyCeremonyShareRecipientInvalid",
          [dealer],
        );
      }
      await expectRejectedUnchanged(stateOf(f), () => file(3n), "KeyCeremonyOutOfOrder", [3n]);
    });

    it("a complaint with a tampered proof or revealed point → ComplaintProofInvalid", async () => {
      const f = await loadFixture(dealt);
      const share = await postedShare(f, 1, 2);
      const good = complaintBy(f, 2, share);
      const otherRecipient = complaintBy(f, 3, await postedShare(f, 1, 3));
      const otherDealer = complaintBy(f, 2, await postedShare(f, 3, 2));
      const cases: Array<[string, Clients, bigint, Point, typeof good.proof]> = [
        [
          "v + 1",
          f.trusteeClients[1],
          1n,
          good.sharedPoint,
          { ...good.proof, v: (good.proof.v + 1n) % GROUP_ORDER },
        ],
        [
          "a swapped with b",
          f.trusteeClients[1],
          1n,
          good.sharedPoint,
          { ...good.proof, a: good.proof.b, b: good.proof.a },
        ],
        ["another D", f.trusteeClients[1], 1n, otherDealer.sharedPoint, good.proof],
        [
          "another dealer's complaint",
          f.trusteeClients[1],
          1n,
          otherDealer.sharedPoint,
          otherDealer.proof,
        ],
        [
          "trustee 3's complaint filed by trustee 2",
          f.trusteeClients[1],
          1n,
          otherRecipient.sharedPoint,
          otherRecipient.proof,
        ],
        [
          "trustee 2's complaint filed by trustee 3",
          f.trusteeClients[2],
          1n,
          good.sharedPoint,
          good.proof,
        ],
      ];
      for (const [, caller, dealer, sharedPoint, proof] of cases) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => ceremonyCall(f, caller, "fileComplaint", [dealer, sharedPoint, proof]),
          "ComplaintProofInvalid",
          [],
        );
      }
    });

    describe("a dishonest dealer", () => {
      it("the recipient sees the invalid share, its complaint is upheld and the ceremony fails (CeremonyFailed)", async () => {
        const f = await loadFixture(cheated);
        const at2 = await f.trustees[1].receivedShares(f.publicClient, f.addresses.ceremony, 3);
        const at3 = await f.trustees[2].receivedShares(f.publicClient, f.addresses.ceremony, 3);
        expect(at2.map((r) => [r.dealer, r.valid])).to.deep.equal([
          [1, false],
          [3, true],
        ]);
        expect(at3.map((r) => [r.dealer, r.valid])).to.deep.equal([
          [1, true],
          [2, true],
        ]);
        expect(() => f.trustees[1].secretShare(at2)).to.throw(/trustee 1 is invalid/);

        await f.trustees[1].fileComplaint(
          f.trusteeClients[1],
          f.addresses.ceremony,
          at2[0].encrypted,
        );
        const decided = await events(f, "ComplaintDecided");
        expect(decided.map((e) => [e.args.dealer, e.args.recipient, e.args.upheld])).to.deep.equal([
          [1n, 2n, true],
        ]);
        const failed = await events(f, "CeremonyFailed");
        expect(failed.map((e) => e.args.dealer)).to.deep.equal([1n]);
        expect(await readBool(f, "hasFailed")).to.equal(true);
        expect(await readBool(f, "isSealed")).to.equal(false);
      });

      it("after the failure every call → KeyCeremonyFailed, the key can never be sealed and ballots → ElectionKeyNotSealed", async () => {
        const f = await loadFixture(cheated);
        const at2 = await f.trustees[1].receivedShares(f.publicClient, f.addresses.ceremony, 3);
        await f.trustees[1].fileComplaint(
          f.trusteeClients[1],
          f.addresses.ceremony,
          at2[0].encrypted,
        );

        const t3 = f.trustees[2];
        const complaint = complaintBy(f, 3, await postedShare(f, 1, 3));
        const calls: Array<() => Promise<unknown>> = [
          () => t3.postCommitments(f.trusteeClients[2], f.addresses.ceremony),
          () => t3.postShares(f.trusteeClients[2], f.addresses.ceremony, 3),
          () => t3.confirmShares(f.trusteeClients[2], f.addresses.ceremony),
          () => f.trustees[1].confirmShares(f.trusteeClients[1], f.addresses.ceremony),
          () =>
            ceremonyCall(f, f.trusteeClients[2], "fileComplaint", [
              1n,
              complaint.sharedPoint,
              complaint.proof,
            ]),
          () =>
            f.trustees[1].fileComplaint(
              f.trusteeClients[1],
              f.addresses.ceremony,
              at2[0].encrypted,
            ),
          () => sealCeremony(f.outsider, f.addresses.ceremony),
          () => sealCeremony(f.trusteeClients[0], f.addresses.ceremony),
        ];
        for (const call of calls)
          await expectRejectedUnchanged(stateOf(f), call, "KeyCeremonyFailed", []);

        const state = await ceremonyState(f);
        expect(state.jointKey).to.deep.equal(ZERO_POINT);
        expect(state.electionKey).to.deep.equal(ZERO_POINT);
        expect(state.shareKeys).to.deep.equal([ZERO_POINT, ZERO_POINT, ZERO_POINT]);

        // The voters' devices cannot even read a key; a ballot encrypted to the would-be joint
        // key is refused by the election.
        await openPolls(f);
        await expectRejected(
          sealCeremony(f.outsider, f.addresses.ceremony),
          "KeyCeremonyFailed",
          [],
        );
        const wouldBe = jointElectionKey(
          await postedCommitments(f.publicClient, f.addresses.ceremony),
        );
        const context = { ...f.state, key: electionKey(wouldBe) };
        const voter = f.voters[0];
        const prepared = prepareBallot(context, voter.account.address, 0, [
          [1, 0, 0],
          [0, 0, 0, 0],
        ]);
        const signed = await signBallot(context, prepared, voter.account);
        const roll = f.rolls.find((r) => r.constituency === 0)!;
        await expectRejectedUnchanged(
          () => electionState(f),
          () =>
            castBallot(
              f.gateway,
              f.addresses.election,
              signed,
              eligibilityProof(roll, voter.account.address),
            ),
          "ElectionKeyNotSealed",
          [],
        );
      });
    });
  });

  describe("seal (§13.4)", () => {
    it("before every trustee committed, dealt and confirmed → KeyCeremonyNotReady with the counts", async () => {
      const f = await loadFixture(fresh);
      const seal = () => sealCeremony(f.outsider, f.addresses.ceremony);
      await expectRejectedUnchanged(stateOf(f), seal, "KeyCeremonyNotReady", [0n, 0n, 0n]);
      await commitAll(f, [3]);
      await expectRejectedUnchanged(stateOf(f), seal, "KeyCeremonyNotReady", [2n, 0n, 0n]);
      await commitAll(f, [1, 2]);
      await dealAll(f, [2]);
      await expectRejectedUnchanged(stateOf(f), seal, "KeyCeremonyNotReady", [3n, 2n, 0n]);
      await dealAll(f, [1, 3]);
      await confirmAll(f, [1]);
      await expectRejectedUnchanged(stateOf(f), seal, "KeyCeremonyNotReady", [3n, 3n, 2n]);
      await confirmAll(f, [2, 3]);
      await seal();
    });

    it("at or after pollingStart → KeyCeremonyTooLate; one second before is still in time", async () => {
      const f = await loadFixture(confirmed);
      await time.setNextBlockTimestamp(f.config.pollingStart);
      await expectRejectedUnchanged(
        stateOf(f),
        () => sealCeremony(f.outsider, f.addresses.ceremony),
        "KeyCeremonyTooLate",
        [f.config.pollingStart],
      );
      await time.increaseTo(f.config.pollingEnd);
      await expectRejectedUnchanged(
        stateOf(f),
        () => sealCeremony(f.trusteeClients[0], f.addresses.ceremony),
        "KeyCeremonyTooLate",
        [f.config.pollingStart],
      );

      const g = await loadFixture(confirmed);
      await time.setNextBlockTimestamp(g.config.pollingStart - 1n);
      await sealCeremony(g.outsider, g.addresses.ceremony);
      expect(await readBool(g, "isSealed")).to.equal(true);
    });

    it("the deadline applies to an unfinished ceremony too (KeyCeremonyTooLate)", async () => {
      const f = await loadFixture(committed);
      await openPolls(f);
      await expectRejectedUnchanged(
        stateOf(f),
        () => sealCeremony(f.outsider, f.addresses.ceremony),
        "KeyCeremonyTooLate",
        [f.config.pollingStart],
      );
    });

    it("sealing fixes K = the SDK's jointElectionKey and each K_l = publicShareKey = s_l·G; the election gets K", async () => {
      const f = await loadFixture(sealedCeremony);
      const all = await postedCommitments(f.publicClient, f.addresses.ceremony);
      for (const [i, t] of f.trustees.entries())
        expect(all[i].commitments).to.deep.equal(t.published.commitments);
      const K = jointElectionKey(all);
      const state = await ceremonyState(f);
      expect(state.sealed).to.equal(true);
      expect(state.failed).to.equal(false);
      expect(state.jointKey).to.deep.equal(K);
      expect(state.electionKey).to.deep.equal(K);
      for (let l = 1; l <= 3; l++) {
        const expected = publicShareKey(all, l);
        expect(state.shareKeys[l - 1]).to.deep.equal(expected);
        const received = await f.trustees[l - 1].receivedShares(
          f.publicClient,
          f.addresses.ceremony,
          3,
        );
        const s = f.trustees[l - 1].secretShare(received);
        expect(encodePoint(GENERATOR.multiply(s))).to.deep.equal(expected);
      }
      const [sealedEvent] = await events(f, "CeremonySealed");
      expect(sealedEvent.args.jointKey).to.deep.equal(K);
      expect(sealedEvent.args.shareKeys).to.deep.equal(
        [1, 2, 3].map((l) => publicShareKey(all, l)),
      );
      const keySet = await f.publicClient.getContractEvents({
        address: f.addresses.election,
        abi: electionAbi,
        eventName: "ElectionKeySet",
        fromBlock: 0n,
      });
      expect(keySet.map((e) => e.args.key)).to.deep.equal([K]);
    });

    it("a sealed ceremony: seal twice and every trustee call → KeyCeremonySealed", async () => {
      const f = await loadFixture(sealedCeremony);
      const complaint = complaintBy(f, 2, await postedShare(f, 1, 2));
      const calls: Array<() => Promise<unknown>> = [
        () => sealCeremony(f.outsider, f.addresses.ceremony),
        () => sealCeremony(f.trusteeClients[0], f.addresses.ceremony),
        () => f.trustees[0].postCommitments(f.trusteeClients[0], f.addresses.ceremony),
        () => f.trustees[0].postShares(f.trusteeClients[0], f.addresses.ceremony, 3),
        () => f.trustees[0].confirmShares(f.trusteeClients[0], f.addresses.ceremony),
        () =>
          ceremonyCall(f, f.trusteeClients[1], "fileComplaint", [
            1n,
            complaint.sharedPoint,
            complaint.proof,
          ]),
      ];
      for (const call of calls)
        await expectRejectedUnchanged(stateOf(f), call, "KeyCeremonySealed", []);
    });
  });

  describe("the largest trustee set the registry accepts (n = 255)", () => {
    async function maximal(): Promise<ElectionFixture & { big: Address }> {
      const f = await fresh();
      const now = BigInt(await time.latest());
      const trustees = [
        getAddress(f.trusteeClients[0].walletClient.account.address),
        ...Array.from({ length: 254 }, (_, i) =>
          getAddress(`0x${(0xa11ce000n + BigInt(i)).toString(16).padStart(40, "0")}`),
        ),
      ];
      const created = await createElection(
        f.commission,
        f.registry,
        { ...f.config, pollingStart: now + 2n * 3600n, pollingEnd: now + 12n * 3600n },
        { trustees, threshold: 2, registrar: addressOf(f.registrar), gateways: [] },
      );
      return { ...f, big: created.ceremony };
    }

    it("reports its progress (KeyCeremonyOutOfOrder, KeyCeremonyNotReady) instead of an arithmetic panic", async () => {
      const f = await loadFixture(maximal);
      expect(
        await f.publicClient.readContract({
          address: f.big,
          abi: keyCeremonyAbi,
          functionName: "parameters",
        }),
      ).to.deep.equal([255n, 2n]);
      const call = (caller: Clients, functionName: "confirmShares" | "seal") =>
        transact(caller, { address: f.big, abi: keyCeremonyAbi, functionName, args: [] }).then(
          () => "succeeded",
          (e: unknown) => {
            const error = e instanceof ContractRejectedError ? e : asContractError("call", e);
            return error instanceof ContractRejectedError
              ? `${error.errorName}(${error.args.join(", ")})`
              : String(e);
          },
        );
      // Both must name the rule; today both panic with Panic(17) (arithmetic underflow).
      expect({
        seal: await call(f.outsider, "seal"),
        confirmShares: await call(f.trusteeClients[0], "confirmShares"),
      }).to.deep.equal({
        seal: "KeyCeremonyNotReady(0, 0, 0)",
        confirmShares: "KeyCeremonyOutOfOrder(1)",
      });
    });
  });

  describe("Election.onKeySealed", () => {
    it("anyone but the ceremony → ElectionUnauthorizedKeySource; the ceremony itself only once", async () => {
      const f = await loadFixture(confirmed);
      const fake = encodePoint(GENERATOR.multiply(7n));
      const handOver = (caller: Clients) =>
        transact(caller, {
          address: f.addresses.election,
          abi: electionAbi,
          functionName: "onKeySealed",
          args: [fake],
        });
      for (const caller of [
        f.outsider,
        f.commission,
        f.registrar,
        f.gateway,
        f.trusteeClients[0],
      ]) {
        await expectRejectedUnchanged(
          stateOf(f),
          () => handOver(caller),
          "ElectionUnauthorizedKeySource",
          [addressOf(caller)],
        );
      }
      await sealCeremony(f.outsider, f.addresses.ceremony);
      const sealedState = await ceremonyState(f);
      expect(sealedState.electionKey).to.not.deep.equal(fake);
      // Even the ceremony's own address cannot hand over a second key.
      const ceremony = getAddress(f.addresses.ceremony);
      await hre.network.provider.request({
        method: "hardhat_impersonateAccount",
        params: [ceremony],
      });
      await setBalance(ceremony, 10n ** 18n);
      const walletClient = (await hre.viem.getWalletClient(ceremony)) as unknown as Signer;
      await expectRejectedUnchanged(
        stateOf(f),
        () => handOver({ publicClient: f.publicClient, walletClient }),
        "ElectionUnauthorizedKeySource",
        [ceremony],
      );
      await hre.network.provider.request({
        method: "hardhat_stopImpersonatingAccount",
        params: [ceremony],
      });
      expect((await ceremonyState(f)).electionKey).to.deep.equal(sealedState.jointKey);
    });
  });
});

/** Every trustee's posted commitments, in the SDK's shape. */
async function postedCommitments(
  publicClient: PublicClient,
  ceremony: Address,
): Promise<TrusteeCommitments[]> {
  const out: TrusteeCommitments[] = [];
  for (let i = 1; i <= 3; i++) {
    out.push({
      trustee: i,
      commitments: await readCommitments(publicClient, ceremony, i),
      proofs: [],
    });
  }
  return out;
}
