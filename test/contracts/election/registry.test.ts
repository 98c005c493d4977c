/**
 * ElectionRegistry (§10): who may create elections, which parameters are accepted, what the
 * registry records and emits, and that neither the implementations nor the clones can be
 * (re-)initialised by anyone.
 */
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { expect } from "chai";
import {
  getAddress,
  keccak256,
  parseEventLogs,
  stringToHex,
  zeroAddress,
  type Address,
} from "viem";
import { electionIdFor } from "../../../src/crypto";
import {
  bytecode,
  createElection,
  electionAbi,
  electionRegistryAbi,
  electionTallyAbi,
  keyCeremonyAbi,
  transact,
  type ElectionConfig,
  type ElectionRoles,
} from "../../../src/election";
import { deployElection, HOUR, type ElectionFixture } from "./fixture";
import { electionState, expectRejected, expectRejectedUnchanged, registryState } from "./helpers";

const COMMISSION_ROLE = keccak256(stringToHex("COMMISSION_ROLE"));
const DEFAULT_ADMIN_ROLE = `0x${"00".repeat(32)}` as const;

describe("ElectionRegistry", () => {
  async function registryFixture(): Promise<ElectionFixture> {
    return deployElection({ ceremony: "none", roll: "none" });
  }

  function rolesOf(f: ElectionFixture): ElectionRoles {
    return {
      trustees: f.trusteeClients.map((c) => getAddress(c.walletClient.account.address)),
      threshold: 2,
      registrar: getAddress(f.registrar.walletClient.account.address),
      gateways: [getAddress(f.gateway.walletClient.account.address)],
    };
  }

  /** A fresh, valid configuration whose polling opens two hours from the current block. */
  async function validConfig(f: ElectionFixture): Promise<ElectionConfig> {
    const now = BigInt(await time.latest());
    return {
      ...f.config,
      pollingStart: now + 2n * HOUR,
      pollingEnd: now + 12n * HOUR,
      manifestHash: keccak256(stringToHex("second manifest")),
    };
  }

  function create(f: ElectionFixture, config: ElectionConfig, roles?: Partial<ElectionRoles>) {
    return createElection(f.commission, f.registry, config, { ...rolesOf(f), ...roles });
  }

  const registryOf = (f: ElectionFixture) => () => registryState(f.publicClient, f.registry);

  describe("createElection", () => {
    it("deploys and wires three clones, lists them and emits ElectionCreated with their fields", async () => {
      const f = await loadFixture(registryFixture);
      const before = await registryState(f.publicClient, f.registry);
      expect(before.count).to.equal(1n);
      const config = await validConfig(f);
      const roles = rolesOf(f);
      const receipt = await transact(f.commission, {
        address: f.registry,
        abi: electionRegistryAbi,
        functionName: "createElection",
        args: [config, roles.trustees, 2n, roles.registrar, roles.gateways],
      });
      const events = parseEventLogs({
        abi: electionRegistryAbi,
        logs: receipt.logs,
        eventName: "ElectionCreated",
      });
      expect(events).to.have.length(1);
      const { index, election, electionId, ceremony, tally, manifestHash } = events[0].args;
      const chainId = BigInt(await f.publicClient.getChainId());
      expect(index).to.equal(1n);
      expect(electionId).to.equal(electionIdFor(chainId, election));
      expect(manifestHash).to.equal(config.manifestHash);
      expect(new Set([election, ceremony, tally, f.addresses.election]).size).to.equal(4);

      const after = await registryState(f.publicClient, f.registry);
      expect(after.count).to.equal(2n);
      expect(after.events).to.equal(before.events + 1);
      expect(after.elections[0]).to.deep.equal(before.elections[0]);
      expect(after.elections[1]).to.deep.equal({ election, ceremony, tally });

      const read = f.publicClient.readContract.bind(f.publicClient);
      expect(
        await read({ address: election, abi: electionAbi, functionName: "ceremony" }),
      ).to.equal(ceremony);
      expect(
        await read({ address: election, abi: electionAbi, functionName: "electionId" }),
      ).to.equal(electionId);
      expect(
        await read({ address: election, abi: electionAbi, functionName: "schedule" }),
      ).to.deep.equal([
        config.pollingStart,
        config.pollingEnd,
        config.manifestHash,
        config.credentialKdfLog2N,
      ]);
      expect(
        await read({ address: ceremony, abi: keyCeremonyAbi, functionName: "election" }),
      ).to.equal(election);
      expect(
        await read({ address: ceremony, abi: keyCeremonyAbi, functionName: "electionId" }),
      ).to.equal(electionId);
      expect(
        await read({ address: ceremony, abi: keyCeremonyAbi, functionName: "parameters" }),
      ).to.deep.equal([3n, 2n]);
      for (const [i, trustee] of roles.trustees.entries()) {
        expect(
          await read({
            address: ceremony,
            abi: keyCeremonyAbi,
            functionName: "trustee",
            args: [BigInt(i + 1)],
          }),
        ).to.equal(trustee);
      }
      expect(
        await read({ address: tally, abi: electionTallyAbi, functionName: "election" }),
      ).to.equal(election);
      const commission = f.commission.walletClient.account.address;
      expect(
        await read({
          address: election,
          abi: electionAbi,
          functionName: "hasRole",
          args: [DEFAULT_ADMIN_ROLE, commission],
        }),
      ).to.equal(true);
    });

    it("election(i) returns each deployment and rejects an unknown index with ElectionRegistryUnknownElection", async () => {
      const f = await loadFixture(registryFixture);
      const read = (i: bigint) =>
        f.publicClient.readContract({
          address: f.registry,
          abi: electionRegistryAbi,
          functionName: "election",
          args: [i],
        });
      expect(await read(0n)).to.deep.equal(f.addresses);
      await expectRejected(read(1n), "ElectionRegistryUnknownElection", [1n]);
      const second = await create(f, await validConfig(f));
      expect(await read(1n)).to.deep.equal({
        election: second.election,
        ceremony: second.ceremony,
        tally: second.tally,
      });
      expect(second.index).to.equal(1n);
      await expectRejected(read(2n), "ElectionRegistryUnknownElection", [2n]);
      await expectRejected(read(2n ** 256n - 1n), "ElectionRegistryUnknownElection", [
        2n ** 256n - 1n,
      ]);
    });

    it("only COMMISSION_ROLE creates elections (AccessControlUnauthorizedAccount); the admin can grant and revoke it", async () => {
      const f = await loadFixture(registryFixture);
      const config = await validConfig(f);
      const outsider = f.outsider.walletClient.account.address;
      for (const caller of [f.outsider, f.registrar, f.gateway, f.trusteeClients[0]]) {
        await expectRejectedUnchanged(
          registryOf(f),
          () => createElection(caller, f.registry, config, rolesOf(f)),
          "AccessControlUnauthorizedAccount",
          [caller.walletClient.account.address, COMMISSION_ROLE],
        );
      }
      await transact(f.commission, {
        address: f.registry,
        abi: electionRegistryAbi,
        functionName: "grantRole",
        args: [COMMISSION_ROLE, outsider],
      });
      const created = await createElection(f.outsider, f.registry, config, rolesOf(f));
      // The creator becomes that election's commission, not the registry admin.
      expect(
        await f.publicClient.readContract({
          address: created.election,
          abi: electionAbi,
          functionName: "hasRole",
          args: [DEFAULT_ADMIN_ROLE, outsider],
        }),
      ).to.equal(true);
      await transact(f.commission, {
        address: f.registry,
        abi: electionRegistryAbi,
        functionName: "revokeRole",
        args: [COMMISSION_ROLE, outsider],
      });
      await expectRejectedUnchanged(
        registryOf(f),
        () => createElection(f.outsider, f.registry, config, rolesOf(f)),
        "AccessControlUnauthorizedAccount",
        [outsider, COMMISSION_ROLE],
      );
      // A commission member cannot hand the role out: that is DEFAULT_ADMIN_ROLE's.
      await transact(f.commission, {
        address: f.registry,
        abi: electionRegistryAbi,
        functionName: "grantRole",
        args: [COMMISSION_ROLE, outsider],
      });
      await expectRejected(
        transact(f.outsider, {
          address: f.registry,
          abi: electionRegistryAbi,
          functionName: "grantRole",
          args: [COMMISSION_ROLE, f.gateway.walletClient.account.address],
        }),
        "AccessControlUnauthorizedAccount",
        [outsider, DEFAULT_ADMIN_ROLE],
      );
    });
  });

  describe("constructor", () => {
    it("rejects an implementation that is not a contract with ElectionRegistryImplementationInvalid", async () => {
      const f = await loadFixture(registryFixture);
      const read = (
        functionName: "electionImplementation" | "ceremonyImplementation" | "tallyImplementation",
      ) =>
        f.publicClient.readContract({
          address: f.registry,
          abi: electionRegistryAbi,
          functionName,
        });
      const good = [
        await read("electionImplementation"),
        await read("ceremonyImplementation"),
        await read("tallyImplementation"),
      ] as const;
      const eoa = getAddress(f.outsider.walletClient.account.address);
      const deploy = (impls: readonly Address[]) =>
        f.commission.walletClient.deployContract({
          abi: electionRegistryAbi,
          bytecode: bytecode.electionRegistry,
          args: [f.commission.walletClient.account.address, impls[0], impls[1], impls[2]],
        });
      for (const position of [0, 1, 2]) {
        for (const bad of [eoa, zeroAddress]) {
          const impls = good.map((a, i) => (i === position ? bad : a));
          await expectRejected(deploy(impls), "ElectionRegistryImplementationInvalid", [bad]);
        }
      }
    });
  });

  describe("invalid election parameters → ElectionConfigInvalid naming the field", () => {
    interface ConfigCase {
      name: string;
      change: (config: ElectionConfig, now: bigint) => ElectionConfig;
      reason: string;
      index: (config: ElectionConfig) => bigint;
    }
    const contest = (options: number, minSelections: number, maxSelections: number) => ({
      options,
      minSelections,
      maxSelections,
    });
    const withContest = (
      c: ElectionConfig,
      j: number,
      value: ElectionConfig["contests"][number],
    ) => ({
      ...c,
      contests: c.contests.map((old, i) => (i === j ? value : old)),
    });
    const withConstituency = (c: ElectionConfig, v: number, ids: bigint[]) => ({
      ...c,
      constituencyContests: c.constituencyContests.map((old, i) => (i === v ? ids : old)),
    });
    const cases: ConfigCase[] = [
      {
        name: "polling start in the past",
        change: (c, now) => ({ ...c, pollingStart: now - HOUR }),
        reason: "pollingWindow",
        index: (c) => c.pollingStart,
      },
      {
        name: "polling end equal to the start",
        change: (c) => ({ ...c, pollingEnd: c.pollingStart }),
        reason: "pollingWindow",
        index: (c) => c.pollingStart,
      },
      {
        name: "polling end before the start",
        change: (c) => ({ ...c, pollingEnd: c.pollingStart - 1n }),
        reason: "pollingWindow",
        index: (c) => c.pollingStart,
      },
      {
        name: "KDF cost below 2^10",
        change: (c) => ({ ...c, credentialKdfLog2N: 9 }),
        reason: "credentialKdfLog2N",
        index: () => 9n,
      },
      {
        name: "KDF cost above 2^24",
        change: (c) => ({ ...c, credentialKdfLog2N: 25 }),
        reason: "credentialKdfLog2N",
        index: () => 25n,
      },
      {
        name: "no contests",
        change: (c) => ({ ...c, contests: [] }),
        reason: "contests",
        index: () => 0n,
      },
      {
        name: "a contest with 0 options",
        change: (c) => withContest(c, 1, contest(0, 0, 0)),
        reason: "contest",
        index: () => 1n,
      },
      {
        name: "a contest with 65 options (> 64)",
        change: (c) => withContest(c, 2, contest(65, 1, 1)),
        reason: "contest",
        index: () => 2n,
      },
      {
        name: "a contest with minSelections > maxSelections",
        change: (c) => withContest(c, 1, contest(4, 2, 1)),
        reason: "contest",
        index: () => 1n,
      },
      {
        name: "a contest with maxSelections > options",
        change: (c) => withContest(c, 0, contest(3, 1, 4)),
        reason: "contest",
        index: () => 0n,
      },
      {
        name: "a contest whose selection range spans 32 counts or more",
        change: (c) => withContest(c, 0, contest(40, 0, 32)),
        reason: "contest",
        index: () => 0n,
      },
      {
        name: "no constituencies",
        change: (c) => ({ ...c, constituencyContests: [] }),
        reason: "constituencies",
        index: () => 0n,
      },
      {
        name: "a constituency with no contests",
        change: (c) => withConstituency(c, 1, []),
        reason: "constituency",
        index: () => 1n,
      },
      {
        name: "a constituency with unsorted contest ids",
        change: (c) => withConstituency(c, 1, [2n, 0n]),
        reason: "constituency",
        index: () => 1n,
      },
      {
        name: "a constituency with a duplicate contest id",
        change: (c) => withConstituency(c, 0, [0n, 0n, 1n]),
        reason: "constituency",
        index: () => 0n,
      },
      {
        name: "a constituency with an unknown contest id",
        change: (c) => withConstituency(c, 1, [0n, 3n]),
        reason: "constituency",
        index: () => 1n,
      },
    ];
    for (const { name, change, reason, index } of cases) {
      it(`${name} → ElectionConfigInvalid("${reason}")`, async () => {
        const f = await loadFixture(registryFixture);
        const now = BigInt(await time.latest());
        const config = change(await validConfig(f), now);
        await expectRejectedUnchanged(
          registryOf(f),
          () => create(f, config),
          "ElectionConfigInvalid",
          [reason, index(config)],
        );
      });
    }

    it("polling start equal to the creation block's timestamp is in the past; one second later is accepted", async () => {
      const f = await loadFixture(registryFixture);
      const config = await validConfig(f);
      await time.setNextBlockTimestamp(config.pollingStart - 1n);
      const created = await create(f, config);
      expect(created.index).to.equal(1n);
      await time.setNextBlockTimestamp(config.pollingStart);
      await expectRejectedUnchanged(
        registryOf(f),
        () => create(f, config),
        "ElectionConfigInvalid",
        ["pollingWindow", config.pollingStart],
      );
    });

    it("accepts the boundaries: 64 options, a 31-wide selection range, KDF 2^10 and 2^24, a contest shared by constituencies", async () => {
      const f = await loadFixture(registryFixture);
      const base = await validConfig(f);
      for (const config of [
        { ...base, credentialKdfLog2N: 24, contests: [contest(64, 0, 31), contest(1, 1, 1)] },
        { ...base, credentialKdfLog2N: 10, contests: [contest(64, 33, 64), contest(1, 0, 1)] },
      ]) {
        const created = await create(f, {
          ...config,
          constituencyContests: [[0n, 1n], [0n], [1n]],
        });
        expect(
          await f.publicClient.readContract({
            address: created.election,
            abi: electionAbi,
            functionName: "sizes",
          }),
        ).to.deep.equal([2n, 3n]);
      }
    });
  });

  describe("invalid trustee sets → KeyCeremonyParametersInvalid", () => {
    const cases: Array<{
      name: string;
      roles: (f: ElectionFixture) => Partial<ElectionRoles>;
      args: [bigint, bigint];
    }> = [
      { name: "no trustees", roles: () => ({ trustees: [], threshold: 1 }), args: [0n, 1n] },
      {
        name: "no trustees and threshold 0",
        roles: () => ({ trustees: [], threshold: 0 }),
        args: [0n, 0n],
      },
      { name: "threshold 0", roles: () => ({ threshold: 0 }), args: [3n, 0n] },
      { name: "threshold above n", roles: () => ({ threshold: 4 }), args: [3n, 4n] },
      {
        name: "a duplicate trustee",
        roles: (f) => {
          const [a, b] = f.trusteeClients.map((c) => c.walletClient.account.address);
          return { trustees: [a, b, a] };
        },
        args: [3n, 2n],
      },
      {
        name: "the zero address as trustee",
        roles: (f) => {
          const [a, b] = f.trusteeClients.map((c) => c.walletClient.account.address);
          return { trustees: [a, zeroAddress, b] };
        },
        args: [3n, 2n],
      },
    ];
    for (const { name, roles, args } of cases) {
      it(name, async () => {
        const f = await loadFixture(registryFixture);
        const config = await validConfig(f);
        await expectRejectedUnchanged(
          registryOf(f),
          () => create(f, config, roles(f)),
          "KeyCeremonyParametersInvalid",
          args,
        );
      });
    }

    it("accepts a single trustee with threshold 1 and n-of-n", async () => {
      const f = await loadFixture(registryFixture);
      const config = await validConfig(f);
      const [a] = rolesOf(f).trustees;
      const single = await create(f, config, { trustees: [a], threshold: 1 });
      const all = await create(f, config, { threshold: 3 });
      for (const [created, expected] of [
        [single, [1n, 1n]],
        [all, [3n, 3n]],
      ] as const) {
        expect(
          await f.publicClient.readContract({
            address: created.ceremony,
            abi: keyCeremonyAbi,
            functionName: "parameters",
          }),
        ).to.deep.equal(expected);
      }
    });
  });

  describe("initialisation", () => {
    it("the implementations cannot be initialised directly (InvalidInitialization)", async () => {
      const f = await loadFixture(registryFixture);
      const read = (
        functionName: "electionImplementation" | "ceremonyImplementation" | "tallyImplementation",
      ) =>
        f.publicClient.readContract({
          address: f.registry,
          abi: electionRegistryAbi,
          functionName,
        });
      const outsider = f.outsider.walletClient.account.address;
      const roles = rolesOf(f);
      const config = await validConfig(f);
      await expectRejected(
        transact(f.outsider, {
          address: await read("electionImplementation"),
          abi: electionAbi,
          functionName: "initialize",
          args: [config, f.addresses.ceremony, outsider, outsider, [outsider]],
        }),
        "InvalidInitialization",
      );
      await expectRejected(
        transact(f.outsider, {
          address: await read("ceremonyImplementation"),
          abi: keyCeremonyAbi,
          functionName: "initialize",
          args: [
            f.addresses.election,
            `0x${"11".repeat(32)}`,
            config.pollingStart,
            roles.trustees,
            2n,
          ],
        }),
        "InvalidInitialization",
      );
      await expectRejected(
        transact(f.outsider, {
          address: await read("tallyImplementation"),
          abi: electionTallyAbi,
          functionName: "initialize",
          args: [f.addresses.election, f.addresses.ceremony, outsider],
        }),
        "InvalidInitialization",
      );
    });

    it("a clone cannot be re-initialised, by an outsider or by the commission (InvalidInitialization)", async () => {
      const f = await loadFixture(registryFixture);
      const outsider = f.outsider.walletClient.account.address;
      const config = await validConfig(f);
      const everything = async () => ({
        election: await electionState(f),
        registry: await registryState(f.publicClient, f.registry),
        outsiderIsAdmin: await f.publicClient.readContract({
          address: f.addresses.election,
          abi: electionAbi,
          functionName: "hasRole",
          args: [DEFAULT_ADMIN_ROLE, outsider],
        }),
        parameters: await f.publicClient.readContract({
          address: f.addresses.ceremony,
          abi: keyCeremonyAbi,
          functionName: "parameters",
        }),
        trustee1: await f.publicClient.readContract({
          address: f.addresses.ceremony,
          abi: keyCeremonyAbi,
          functionName: "trustee",
          args: [1n],
        }),
      });
      for (const caller of [f.outsider, f.commission]) {
        await expectRejectedUnchanged(
          everything,
          () =>
            transact(caller, {
              address: f.addresses.election,
              abi: electionAbi,
              functionName: "initialize",
              args: [config, outsider, outsider, outsider, [outsider]],
            }),
          "InvalidInitialization",
        );
        await expectRejectedUnchanged(
          everything,
          () =>
            transact(caller, {
              address: f.addresses.ceremony,
              abi: keyCeremonyAbi,
              functionName: "initialize",
              args: [outsider, `0x${"11".repeat(32)}`, config.pollingStart, [outsider], 1n],
            }),
          "InvalidInitialization",
        );
        await expectRejectedUnchanged(
          everything,
          () =>
            transact(caller, {
              address: f.addresses.tally,
              abi: electionTallyAbi,
              functionName: "initialize",
              args: [outsider, outsider, outsider],
            }),
          "InvalidInitialization",
        );
      }
    });
  });
});
