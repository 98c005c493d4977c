import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import hre from "hardhat";
import {
  encodeErrorResult,
  keccak256,
  stringToHex,
  zeroAddress,
  type Abi,
  type AbiParameter,
  type Hex,
} from "viem";
import {
  explainRevert,
  explainedErrorNames,
  hasErrorTemplate,
  SHAFAF_ERROR_ABI,
  ShafafContractError,
  toShafafError,
  type AbiError,
  type ShafafRevert,
} from "../../../src/chain/errors";
import { findRevertData } from "../../../src/chain/revert";
import { formatPkt, formatPktWindow, PKT_OFFSET_SECONDS } from "../../../src/chain/time";

const ARTIFACT_DIRS = ["election", "crypto"].map((dir) =>
  join(__dirname, "..", "..", "..", "artifacts", "contracts", dir),
);

function artifactFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return artifactFiles(path);
    return entry.endsWith(".json") && !entry.endsWith(".dbg.json") ? [path] : [];
  });
}

/** Every error of every artifact ABI under artifacts/contracts/{election,crypto}. */
function artifactErrors(): { contract: string; item: AbiError }[] {
  return ARTIFACT_DIRS.flatMap(artifactFiles).flatMap((path) => {
    const artifact = JSON.parse(readFileSync(path, "utf8")) as { contractName: string; abi: Abi };
    return artifact.abi
      .filter((item): item is AbiError => item.type === "error")
      .map((item) => ({ contract: artifact.contractName, item }));
  });
}

const ADDRESS = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const HASH = keccak256(stringToHex("a ballot"));

/** A plausible argument of the parameter's type. */
function sample(parameter: AbiParameter, index: number): unknown {
  if (parameter.type === "address") return ADDRESS;
  if (parameter.type === "bytes32") return HASH;
  if (parameter.type === "string") return "roll";
  if (parameter.type === "bool") return true;
  if (parameter.type.startsWith("uint")) return BigInt(index + 2);
  throw new Error(`no sample for ${parameter.type}`);
}

function encode(item: AbiError, args: readonly unknown[]): Hex {
  return encodeErrorResult({ abi: [item], errorName: item.name, args } as never);
}

function encodeByName(errorName: string, args: readonly unknown[] = []): Hex {
  const item = SHAFAF_ERROR_ABI.find((error) => error.name === errorName);
  if (!item) throw new Error(`${errorName} not in the Shafaf error ABI`);
  return encode(item, args);
}

function explain(errorName: string, args: readonly unknown[] = []): ShafafRevert {
  const revert = explainRevert({ cause: { data: encodeByName(errorName, args) } });
  if (!revert) throw new Error(`${errorName} not explained`);
  return revert;
}

function expectOneSentence(message: string, label: string): void {
  expect(message, label).to.match(/^[A-Z0-9"].*\.$/s);
  expect(message, label).not.to.match(/\n|undefined|NaN|\[object|\.\s+[A-Z]/);
}

/** Unix seconds of a PKT wall-clock time. */
function pktTime(date: string, time: string): number {
  return Date.parse(`${date}T${time}Z`) / 1000 - PKT_OFFSET_SECONDS;
}

describe("src/chain/time", () => {
  it("formats Unix seconds in Pakistan time (UTC+05:00)", () => {
    expect(formatPkt(0)).to.equal("1970-01-01 05:00 PKT");
    expect(formatPkt(Date.parse("2026-11-23T08:05:00Z") / 1000)).to.equal("2026-11-23 13:05 PKT");
    expect(formatPkt(BigInt(Date.parse("2026-11-23T19:30:00Z") / 1000))).to.equal(
      "2026-11-24 00:30 PKT",
    );
  });

  it("shows seconds only when they are not zero", () => {
    expect(formatPkt(pktTime("2026-11-23", "17:59:59"))).to.equal("2026-11-23 17:59:59 PKT");
  });

  it("formats a same-day window compactly and a multi-day window in full", () => {
    const start = pktTime("2026-11-23", "08:00:00");
    expect(formatPktWindow(start, pktTime("2026-11-23", "18:00:00"))).to.equal(
      "08:00–18:00 PKT (2026-11-23)",
    );
    expect(formatPktWindow(start, pktTime("2026-11-24", "18:00:00"))).to.equal(
      "2026-11-23 08:00 PKT – 2026-11-24 18:00 PKT",
    );
  });

  it("rejects non-integral times", () => {
    expect(() => formatPkt(1.5)).to.throw(RangeError);
    expect(() => formatPkt(2n ** 64n)).to.throw(RangeError);
  });
});

describe("src/chain/errors", () => {
  describe("coverage of the artifacts", () => {
    const found = artifactErrors();

    it("finds the errors of the election and crypto artifacts", () => {
      const contracts = new Set(found.map(({ contract }) => contract));
      for (const name of ["Election", "KeyCeremony", "ElectionTally", "ProofVerifier", "BN254"]) {
        expect(contracts, name).to.include(name);
      }
      expect(new Set(found.map(({ item }) => item.name)).size).to.be.greaterThan(60);
    });

    it("has a sentence for every error of every artifact ABI", () => {
      const missing = [
        ...new Set(
          found.filter(({ item }) => !hasErrorTemplate(item.name)).map(({ item }) => item.name),
        ),
      ];
      expect(missing, "errors without a message template in src/chain/errors.ts").to.deep.equal([]);
    });

    it("decodes every error of every artifact ABI into one sentence with its arguments", () => {
      for (const { contract, item } of found) {
        const label = `${contract}.${item.name}`;
        const args = item.inputs.map(sample);
        const revert = explainRevert(encode(item, args));
        expect(
          revert,
          `${label} is not decoded: add its artifact to src/chain/errors.ts`,
        ).to.not.equal(undefined);
        expect(revert!.errorName, label).to.equal(item.name);
        expect(Object.keys(revert!.args), label).to.deep.equal(
          item.inputs.map((input, i) => input.name || `arg${i}`),
        );
        expectOneSentence(revert!.message, label);
        if (revert!.section !== undefined)
          expect(revert!.section, label).to.match(/^§\d+(\.\d+)*$/);
      }
    });

    it("explains the OpenZeppelin errors and Solidity's Error and Panic too", () => {
      for (const item of SHAFAF_ERROR_ABI) {
        expect(hasErrorTemplate(item.name), item.name).to.equal(true);
        expectOneSentence(explainRevert(encode(item, item.inputs.map(sample)))!.message, item.name);
      }
      for (const name of [
        "AccessControlUnauthorizedAccount",
        "InvalidInitialization",
        "ECDSAInvalidSignature",
        "ECDSAInvalidSignatureLength",
        "ECDSAInvalidSignatureS",
      ]) {
        expect(SHAFAF_ERROR_ABI.map((item) => item.name)).to.include(name);
      }
    });

    it("has no template for an error it cannot decode", () => {
      const decodable = new Set([...SHAFAF_ERROR_ABI.map((item) => item.name), "Error", "Panic"]);
      expect(explainedErrorNames().filter((name) => !decodable.has(name))).to.deep.equal([]);
    });

    it("has no two errors sharing a selector", () => {
      const selectors = SHAFAF_ERROR_ABI.map((item) =>
        encode(item, item.inputs.map(sample)).slice(0, 10),
      );
      expect(new Set(selectors).size).to.equal(selectors.length);
    });
  });

  describe("sentences", () => {
    const start = pktTime("2026-11-23", "08:00:00");
    const end = pktTime("2026-11-23", "18:00:00");

    it("ElectionPollingClosed after the close, in PKT", () => {
      const revert = explain("ElectionPollingClosed", [
        BigInt(pktTime("2026-11-23", "18:05:00")),
        BigInt(start),
        BigInt(end),
      ]);
      expect(revert.message).to.equal(
        "Polling is closed: the block time 2026-11-23 18:05 PKT is outside the polling window 08:00–18:00 PKT (2026-11-23).",
      );
      expect(revert.section).to.equal("§10.2");
      expect(revert.args).to.deep.equal({
        timestamp: BigInt(pktTime("2026-11-23", "18:05:00")),
        start: BigInt(start),
        end: BigInt(end),
      });
    });

    it("ElectionPollingClosed before the opening", () => {
      const revert = explain("ElectionPollingClosed", [
        BigInt(pktTime("2026-11-23", "07:59:59")),
        BigInt(start),
        BigInt(end),
      ]);
      expect(revert.message).to.equal(
        "Polling is closed: the block time 2026-11-23 07:59:59 PKT is outside the polling window 08:00–18:00 PKT (2026-11-23), which has not opened yet.",
      );
    });

    it("ElectionNotEligible with a shortened checksummed address", () => {
      const revert = explain("ElectionNotEligible", [ADDRESS, 3n]);
      expect(revert.message).to.equal(
        "The credential 0x5FbD…0aa3 is not on the eligibility roll of constituency 3; check the voter's constituency and the Merkle proof against the published roll.",
      );
      expect(revert.section).to.equal("§10.3");
    });

    it("ElectionRollFrozen with the opening time", () => {
      expect(explain("ElectionRollFrozen", [BigInt(start)]).message).to.contain(
        "since polling opened at 2026-11-23 08:00 PKT",
      );
    });

    it("ElectionProofInvalid tells the option proof from the selection proof", () => {
      const option = explain("ElectionProofInvalid", [2n, 4n]);
      expect(option.message).to.contain("option proof of option 4 in contest 2");
      expect(option.section).to.equal("§5.2");
      const selection = explain("ElectionProofInvalid", [2n, 2n ** 256n - 1n]);
      expect(selection.message).to.contain("selection proof of contest 2");
      expect(selection.section).to.equal("§5.3");
    });

    it("ElectionContestMismatch for a wrong count and for a wrong contest", () => {
      expect(explain("ElectionContestMismatch", [1n, 3n, 2n ** 256n - 1n]).message).to.equal(
        "The ballot has 3 contests but constituency 1 lists a different number, so include exactly the constituency's contests, in order.",
      );
      expect(explain("ElectionContestMismatch", [1n, 0n, 5n]).message).to.contain(
        "contest at position 0 is contest 5",
      );
    });

    it("ElectionBallotShapeInvalid for a contest and for an opened ballot", () => {
      const contest = explain("ElectionBallotShapeInvalid", [4n, 5n, 3n]);
      expect(contest.message).to.contain("Contest 4 of the ballot has 3 ciphertexts");
      expect(contest.section).to.equal("§8.1");
      const proofs = explain("ElectionBallotShapeInvalid", [4n, 5n, 5n]);
      expect(proofs.message).to.contain("a different number of option proofs");
      const opened = explain("ElectionBallotShapeInvalid", [2n ** 256n - 1n, 7n, 1n]);
      expect(opened.message).to.contain("gives 1 nonce but its contests have 7 options");
      expect(opened.section).to.equal("§12.7");
    });

    it("ElectionConfigInvalid names the field and its section", () => {
      const roll = explain("ElectionConfigInvalid", ["roll", 2n]);
      expect(roll.message).to.equal(
        "The eligibility roll of constituency 2 needs a non-zero Merkle root and at least one registered voter.",
      );
      expect(roll.section).to.equal("§10.3");
      expect(explain("ElectionConfigInvalid", ["credentialKdfLog2N", 9n]).section).to.equal(
        "§11.1",
      );
      const other = explain("ElectionConfigInvalid", ["somethingNew", 1n]);
      expect(other.message).to.contain("somethingNew (index 1)");
      expect(other.section).to.equal("§10");
    });

    it("ElectionPreviousBallotMismatch and ElectionBallotSpoiled shorten hashes", () => {
      const first = explain("ElectionPreviousBallotMismatch", [ADDRESS, `0x${"0".repeat(64)}`]);
      expect(first.message).to.contain("previous receipt (zero, a first vote)");
      expect(first.section).to.equal("§12.5");
      const revote = explain("ElectionPreviousBallotMismatch", [ADDRESS, HASH]);
      expect(revote.message).to.contain(`(${HASH.slice(0, 10)}…${HASH.slice(-4)})`);
      expect(explain("ElectionBallotSpoiled", [HASH]).message).to.contain(
        `(${HASH.slice(0, 10)}…${HASH.slice(-4)})`,
      );
    });

    it("KeyCeremonyNotReady and ElectionTallyPollingNotEnded", () => {
      expect(explain("KeyCeremonyNotReady", [3n, 2n, 1n]).message).to.equal(
        "The key ceremony cannot be sealed yet: 3 trustees posted commitments, 2 posted shares and 1 confirmed, and every trustee must do all three.",
      );
      const tally = explain("ElectionTallyPollingNotEnded", [BigInt(end)]);
      expect(tally.message).to.contain("before polling closes at 2026-11-23 18:00 PKT");
      expect(tally.section).to.equal("§14.1");
    });

    it("BN254 errors shorten field elements", () => {
      const p = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;
      const revert = explain("BN254PointNotOnCurve", [p - 1n, 2n]);
      expect(revert.message).to.contain("(0x30644e72…fd46, 2)");
      expect(revert.section).to.equal("§2.2");
      expect(explain("BN254PrecompileFailed", [7n]).message).to.contain("ecMul precompile");
    });

    it("AccessControlUnauthorizedAccount names the role", () => {
      const gateway = keccak256(stringToHex("GATEWAY_ROLE"));
      expect(explain("AccessControlUnauthorizedAccount", [ADDRESS, gateway]).message).to.equal(
        "0x5FbD…0aa3 lacks the gateway role (GATEWAY_ROLE) this call needs, so send it from an account holding that role or ask the role's admin to grant it.",
      );
      expect(
        explain("AccessControlUnauthorizedAccount", [ADDRESS, `0x${"0".repeat(64)}`]).message,
      ).to.contain("commission role (DEFAULT_ADMIN_ROLE)");
      expect(explain("AccessControlUnauthorizedAccount", [ADDRESS, HASH]).message).to.contain(
        `role ${HASH.slice(0, 10)}`,
      );
    });

    it("Solidity's Error(string) and Panic(uint256)", () => {
      const error = explainRevert(
        encodeErrorResult({
          abi: [{ type: "error", name: "Error", inputs: [{ name: "message", type: "string" }] }],
          errorName: "Error",
          args: ["nope"],
        }),
      );
      expect(error?.message).to.equal('The contract reverted with the reason "nope".');
      const panic = explainRevert(
        encodeErrorResult({
          abi: [{ type: "error", name: "Panic", inputs: [{ name: "reason", type: "uint256" }] }],
          errorName: "Panic",
          args: [0x11n],
        }),
      );
      expect(panic?.errorName).to.equal("Panic");
      expect(panic?.message).to.contain("code 0x11 (arithmetic overflow or underflow)");
    });
  });

  describe("finding and rejecting revert data", () => {
    const data = encodeByName("ElectionKeyNotSealed");

    it("finds the data in a Hardhat-style nested cause", () => {
      const error = { message: "outer", cause: { message: "inner", cause: { data } } };
      expect(explainRevert(error)?.errorName).to.equal("ElectionKeyNotSealed");
      expect(explainRevert(error)?.section).to.equal("§13.4");
    });

    it("finds viem's raw, ethers' info.error.data.data and JSON-RPC error.data", () => {
      expect(explainRevert({ cause: { raw: data, data: { errorName: "x" } } })).to.not.equal(
        undefined,
      );
      expect(explainRevert({ info: { error: { data: { data } } } })).to.not.equal(undefined);
      expect(explainRevert({ error: { code: 3, data } })).to.not.equal(undefined);
      expect(explainRevert(data)).to.not.equal(undefined);
    });

    it("survives cyclic error objects", () => {
      const a: Record<string, unknown> = {};
      a.cause = { cause: a };
      expect(findRevertData(a)).to.equal(undefined);
    });

    it("returns undefined for unknown or missing data", () => {
      expect(explainRevert({ data: "0xdeadbeef" })).to.equal(undefined);
      expect(explainRevert({ data: "0x" })).to.equal(undefined);
      expect(explainRevert({ data: "0x1234" })).to.equal(undefined);
      expect(explainRevert({ data: "not hex at all" })).to.equal(undefined);
      expect(explainRevert(new Error("boom"))).to.equal(undefined);
      for (const value of [undefined, null, 42, "oops"])
        expect(explainRevert(value)).to.equal(undefined);
      // A known selector with its arguments cut off.
      const truncated = encodeByName("ElectionNotEligible", [ADDRESS, 1n]).slice(0, 10 + 64);
      expect(explainRevert({ data: truncated })).to.equal(undefined);
    });
  });

  describe("ShafafContractError and toShafafError", () => {
    it("wraps a decodable error, keeping the original as the cause", () => {
      const original = new Error("execution reverted", {
        cause: { data: encodeByName("KeyCeremonyTooLate", [1_795_000_000n]) },
      });
      const error = toShafafError(original);
      expect(error).to.be.instanceOf(ShafafContractError);
      const contractError = error as ShafafContractError;
      expect(contractError.name).to.equal("ShafafContractError");
      expect(contractError.errorName).to.equal("KeyCeremonyTooLate");
      expect(contractError.args).to.deep.equal({ pollingStart: 1_795_000_000n });
      expect(contractError.section).to.equal("§13.4");
      expect(contractError.message).to.equal(explainRevert(original)!.message);
      expect(contractError.cause).to.equal(original);
      expect(toShafafError(contractError)).to.equal(contractError);
    });

    it("returns the original error when there is nothing to decode", () => {
      const original = new TypeError("network down");
      expect(toShafafError(original)).to.equal(original);
      const wrapped = toShafafError("a string");
      expect(wrapped).to.be.instanceOf(Error);
      expect(wrapped.message).to.equal("a string");
      expect(wrapped.cause).to.equal("a string");
    });
  });

  describe("errors raised by the Hardhat network", () => {
    it("explains a constructor revert seen through viem", async () => {
      const [wallet] = await hre.viem.getWalletClients();
      const admin = wallet.account.address;
      let caught: unknown;
      try {
        await hre.viem.deployContract("ElectionRegistry", [admin, admin, admin, admin]);
      } catch (error) {
        caught = error;
      }
      const revert = explainRevert(caught);
      expect(revert?.errorName).to.equal("ElectionRegistryImplementationInvalid");
      expect(revert?.args.implementation).to.match(new RegExp(`^${admin}$`, "i"));
      expect(toShafafError(caught)).to.be.instanceOf(ShafafContractError);
    });

    it("explains a call revert seen through ethers", async () => {
      const ceremony = await hre.ethers.deployContract("KeyCeremony");
      let caught: unknown;
      try {
        await ceremony.initialize(zeroAddress, HASH, 1n, [ADDRESS], 1n);
      } catch (error) {
        caught = error;
      }
      expect(explainRevert(caught)?.errorName).to.equal("InvalidInitialization");
    });

    it("explains a call revert seen through viem", async () => {
      const ceremony = await hre.viem.deployContract("KeyCeremony");
      let caught: unknown;
      try {
        await ceremony.write.seal();
      } catch (error) {
        caught = error;
      }
      // The implementation has no trustees, so polling (start 0) has long opened.
      const revert = explainRevert(caught);
      expect(revert?.errorName).to.equal("KeyCeremonyTooLate");
      expect(revert?.message).to.contain("1970-01-01 05:00 PKT");
    });
  });
});
