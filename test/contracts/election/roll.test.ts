/**
 * The eligibility roll (§10.3): only the registrar publishes a constituency's root and voter
 * count, only before polling opens; the commission manages who holds the registrar and gateway
 * roles but cannot publish roots itself.
 */
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import { getAddress, keccak256, parseEventLogs, stringToHex, type Address, type Hex } from "viem";
import {
  buildRolls,
  castBallot,
  eligibilityProof,
  electionAbi,
  prepareBallot,
  signBallot,
  transact,
  type Clients,
  type ConstituencyRoll,
} from "../../../src/election";
import { deployElection, newVoter, openPolls, type ElectionFixture } from "./fixture";
import { electionState, expectRejected, expectRejectedUnchanged } from "./helpers";

const REGISTRAR_ROLE = keccak256(stringToHex("REGISTRAR_ROLE"));
const GATEWAY_ROLE = keccak256(stringToHex("GATEWAY_ROLE"));
const DEFAULT_ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;
const SOME_ROOT: Hex = keccak256(stringToHex("some root"));

describe("Election eligibility roll", () => {
  async function unpublished(): Promise<ElectionFixture> {
    return deployElection({ ceremony: "none", roll: "none" });
  }
  async function published(): Promise<ElectionFixture> {
    return deployElection({ ceremony: "none" });
  }
  async function sealedAndPublished(): Promise<ElectionFixture> {
    return deployElection();
  }

  const addressOf = (c: Clients): Address => getAddress(c.walletClient.account.address);

  function setRoot(
    caller: Clients,
    f: ElectionFixture,
    constituency: bigint,
    root: Hex,
    voters: bigint,
  ) {
    return transact(caller, {
      address: f.addresses.election,
      abi: electionAbi,
      functionName: "setEligibilityRoot",
      args: [constituency, root, voters],
    });
  }

  function readRoll(f: ElectionFixture, v: bigint) {
    return f.publicClient.readContract({
      address: f.addresses.election,
      abi: electionAbi,
      functionName: "roll",
      args: [v],
    });
  }

  function bound(f: ElectionFixture, contestId: bigint) {
    return f.publicClient.readContract({
      address: f.addresses.election,
      abi: electionAbi,
      functionName: "contestBound",
      args: [contestId],
    });
  }

  function hasRole(f: ElectionFixture, role: Hex, account: Address) {
    return f.publicClient.readContract({
      address: f.addresses.election,
      abi: electionAbi,
      functionName: "hasRole",
      args: [role, account],
    });
  }

  /** A roll for `constituency` with `count` fresh voters. */
  function freshRoll(constituency: number, count: number): ConstituencyRoll {
    const voters = Array.from({ length: count }, () => newVoter(constituency));
    const [roll] = buildRolls(
      voters.map((v) => ({ credential: v.account.address, constituency })),
      constituency + 1,
    ).filter((r) => r.constituency === constituency);
    return roll;
  }

  const stateOf = (f: ElectionFixture) => () => electionState(f);

  it("the registrar publishes each root and count: EligibilityRootSet, roll() and the contest bounds", async () => {
    const f = await loadFixture(unpublished);
    for (const v of [0n, 1n])
      expect(await readRoll(f, v)).to.deep.equal([`0x${"00".repeat(32)}`, 0n]);
    for (const j of [0n, 1n, 2n]) expect(await bound(f, j)).to.equal(0n);
    const voters = [5n, 7n];
    for (const roll of f.rolls) {
      const count = voters[roll.constituency];
      const receipt = await setRoot(f.registrar, f, BigInt(roll.constituency), roll.root, count);
      const events = parseEventLogs({
        abi: electionAbi,
        logs: receipt.logs,
        eventName: "EligibilityRootSet",
      });
      expect(events).to.have.length(1);
      expect(events[0].args).to.deep.equal({
        constituency: BigInt(roll.constituency),
        root: roll.root,
        voters: count,
      });
      expect(await readRoll(f, BigInt(roll.constituency))).to.deep.equal([roll.root, count]);
    }
    // Constituency 0 votes in contests 0 and 1, constituency 1 in contests 0 and 2 (§7.4 bound).
    expect(await bound(f, 0n)).to.equal(12n);
    expect(await bound(f, 1n)).to.equal(5n);
    expect(await bound(f, 2n)).to.equal(7n);
  });

  it("only the registrar sets roots: anyone else → AccessControlUnauthorizedAccount", async () => {
    const f = await loadFixture(published);
    for (const caller of [f.outsider, f.gateway, f.commission, ...f.trusteeClients]) {
      await expectRejectedUnchanged(
        stateOf(f),
        () => setRoot(caller, f, 0n, SOME_ROOT, 10n),
        "AccessControlUnauthorizedAccount",
        [addressOf(caller), REGISTRAR_ROLE],
      );
    }
  });

  it("an unknown constituency → ElectionUnknownConstituency", async () => {
    const f = await loadFixture(unpublished);
    for (const v of [2n, 3n, 2n ** 256n - 1n]) {
      await expectRejectedUnchanged(
        stateOf(f),
        () => setRoot(f.registrar, f, v, SOME_ROOT, 1n),
        "ElectionUnknownConstituency",
        [v],
      );
    }
  });

  it('a zero root or zero voters → ElectionConfigInvalid("roll", constituency)', async () => {
    const f = await loadFixture(published);
    const zero: Hex = `0x${"00".repeat(32)}`;
    for (const v of [0n, 1n]) {
      await expectRejectedUnchanged(
        stateOf(f),
        () => setRoot(f.registrar, f, v, zero, 3n),
        "ElectionConfigInvalid",
        ["roll", v],
      );
      await expectRejectedUnchanged(
        stateOf(f),
        () => setRoot(f.registrar, f, v, SOME_ROOT, 0n),
        "ElectionConfigInvalid",
        ["roll", v],
      );
      await expectRejectedUnchanged(
        stateOf(f),
        () => setRoot(f.registrar, f, v, zero, 0n),
        "ElectionConfigInvalid",
        ["roll", v],
      );
    }
  });

  it("roots and counts can be replaced before polling, up to the last second before the opening", async () => {
    const f = await loadFixture(published);
    const replacement = freshRoll(0, 4);
    await setRoot(f.registrar, f, 0n, replacement.root, 4n);
    expect(await readRoll(f, 0n)).to.deep.equal([replacement.root, 4n]);
    expect(await bound(f, 0n)).to.equal(4n + 3n);
    const again = freshRoll(0, 6);
    await time.setNextBlockTimestamp(f.config.pollingStart - 1n);
    const receipt = await setRoot(f.registrar, f, 0n, again.root, 6n);
    const [event] = parseEventLogs({
      abi: electionAbi,
      logs: receipt.logs,
      eventName: "EligibilityRootSet",
    });
    expect(event.args).to.deep.equal({ constituency: 0n, root: again.root, voters: 6n });
    expect(await readRoll(f, 0n)).to.deep.equal([again.root, 6n]);
    expect(await bound(f, 0n)).to.equal(6n + 3n);
    expect(await bound(f, 1n)).to.equal(6n);
  });

  it("the roll is frozen from pollingStart exactly (ElectionRollFrozen), even for a constituency never published", async () => {
    const f = await loadFixture(unpublished);
    await setRoot(f.registrar, f, 0n, f.rolls[0].root, 3n);
    await time.setNextBlockTimestamp(f.config.pollingStart);
    await expectRejectedUnchanged(
      stateOf(f),
      () => setRoot(f.registrar, f, 1n, f.rolls[1].root, 3n),
      "ElectionRollFrozen",
      [f.config.pollingStart],
    );
    expect(await readRoll(f, 1n)).to.deep.equal([`0x${"00".repeat(32)}`, 0n]);
    expect(await time.latest()).to.equal(Number(f.config.pollingStart));
    // The freeze is checked first: no other rule matters after the opening.
    await expectRejected(setRoot(f.registrar, f, 9n, SOME_ROOT, 0n), "ElectionRollFrozen", [
      f.config.pollingStart,
    ]);
  });

  it("roots cannot be changed after opening: a voter added by the rejected root cannot vote, the published ones can", async () => {
    const f = await loadFixture(sealedAndPublished);
    await openPolls(f);
    const intruder = newVoter(0);
    const tampered = buildRolls(
      [
        ...f.voters
          .filter((v) => v.constituency === 0)
          .map((v) => ({ credential: v.account.address, constituency: 0 })),
        { credential: intruder.account.address, constituency: 0 },
      ],
      2,
    )[0];
    for (const [root, count] of [
      [tampered.root, 4n],
      [f.rolls[0].root, 100n],
    ] as const) {
      await expectRejectedUnchanged(
        stateOf(f),
        () => setRoot(f.registrar, f, 0n, root, count),
        "ElectionRollFrozen",
        [f.config.pollingStart],
      );
    }
    expect(await readRoll(f, 0n)).to.deep.equal([f.rolls[0].root, 3n]);
    expect(await bound(f, 1n)).to.equal(3n);

    const vote = async (voter: typeof intruder, roll: ConstituencyRoll) => {
      const prepared = prepareBallot(f.state, voter.account.address, 0, [
        [1, 0, 0],
        [0, 1, 0, 0],
      ]);
      const signed = await signBallot(f.state, prepared, voter.account);
      return castBallot(
        f.gateway,
        f.addresses.election,
        signed,
        eligibilityProof(roll, voter.account.address),
      );
    };
    await expectRejected(vote(intruder, tampered), "ElectionNotEligible", [
      intruder.account.address,
      0n,
    ]);
    await vote(f.voters[0], f.rolls[0]);

    // Still frozen after polling ends.
    await time.increaseTo(f.config.pollingEnd + 1n);
    await expectRejectedUnchanged(
      stateOf(f),
      () => setRoot(f.registrar, f, 0n, tampered.root, 4n),
      "ElectionRollFrozen",
      [f.config.pollingStart],
    );
  });

  it("the commission grants and revokes REGISTRAR and GATEWAY roles but cannot set roots without the role", async () => {
    const f = await loadFixture(published);
    const commission = addressOf(f.commission);
    const outsider = addressOf(f.outsider);
    const registrar = addressOf(f.registrar);
    const role = (caller: Clients, fn: "grantRole" | "revokeRole", r: Hex, account: Address) =>
      transact(caller, {
        address: f.addresses.election,
        abi: electionAbi,
        functionName: fn,
        args: [r, account],
      });

    // The commission (DEFAULT_ADMIN_ROLE) is not a registrar.
    expect(await hasRole(f, DEFAULT_ADMIN_ROLE, commission)).to.equal(true);
    await expectRejectedUnchanged(
      stateOf(f),
      () => setRoot(f.commission, f, 0n, SOME_ROOT, 9n),
      "AccessControlUnauthorizedAccount",
      [commission, REGISTRAR_ROLE],
    );

    // Grant the registrar role to another account: it can publish.
    await role(f.commission, "grantRole", REGISTRAR_ROLE, outsider);
    expect(await hasRole(f, REGISTRAR_ROLE, outsider)).to.equal(true);
    await setRoot(f.outsider, f, 0n, SOME_ROOT, 9n);
    expect(await readRoll(f, 0n)).to.deep.equal([SOME_ROOT, 9n]);

    // Revoke the original registrar: it no longer can.
    await role(f.commission, "revokeRole", REGISTRAR_ROLE, registrar);
    expect(await hasRole(f, REGISTRAR_ROLE, registrar)).to.equal(false);
    await expectRejectedUnchanged(
      stateOf(f),
      () => setRoot(f.registrar, f, 0n, f.rolls[0].root, 3n),
      "AccessControlUnauthorizedAccount",
      [registrar, REGISTRAR_ROLE],
    );
    await role(f.commission, "revokeRole", REGISTRAR_ROLE, outsider);
    await expectRejectedUnchanged(
      stateOf(f),
      () => setRoot(f.outsider, f, 0n, f.rolls[0].root, 3n),
      "AccessControlUnauthorizedAccount",
      [outsider, REGISTRAR_ROLE],
    );

    // Gateways likewise.
    expect(await hasRole(f, GATEWAY_ROLE, outsider)).to.equal(false);
    await role(f.commission, "grantRole", GATEWAY_ROLE, outsider);
    expect(await hasRole(f, GATEWAY_ROLE, outsider)).to.equal(true);
    await role(f.commission, "revokeRole", GATEWAY_ROLE, addressOf(f.gateway));
    expect(await hasRole(f, GATEWAY_ROLE, addressOf(f.gateway))).to.equal(false);
    await role(f.commission, "revokeRole", GATEWAY_ROLE, outsider);
    expect(await hasRole(f, GATEWAY_ROLE, outsider)).to.equal(false);

    // Neither registrars nor gateways can manage roles.
    for (const caller of [f.registrar, f.gateway, f.outsider]) {
      for (const r of [REGISTRAR_ROLE, GATEWAY_ROLE]) {
        await expectRejected(
          role(caller, "grantRole", r, addressOf(caller)),
          "AccessControlUnauthorizedAccount",
          [addressOf(caller), DEFAULT_ADMIN_ROLE],
        );
      }
    }

    // Only by granting the role to itself can the commission publish a root.
    await role(f.commission, "grantRole", REGISTRAR_ROLE, commission);
    await setRoot(f.commission, f, 1n, SOME_ROOT, 2n);
    expect(await readRoll(f, 1n)).to.deep.equal([SOME_ROOT, 2n]);
  });
});
