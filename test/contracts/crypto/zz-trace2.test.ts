import { ethers, network } from "hardhat";
import { ELECTION_ID, VOTER, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { makeOption } from "./fixture";

describe("trace2", function () {
  it("zero-one ops", async function () {
    const random = seededRandom("gas probe");
    const { key } = singlePartyKey(random);
    const probe = await (await ethers.getContractFactory("GasProbe")).deploy();
    const { ciphertext, proof } = makeOption(key, ELECTION_ID, 0, VOTER, 3, 1, random);
    const data = probe.interface.encodeFunctionData("zeroOne", [
      ELECTION_ID,
      0,
      VOTER,
      3,
      key.point,
      ciphertext,
      proof,
    ]);
    const [signer] = await ethers.getSigners();
    const tx = await signer.sendTransaction({ to: await probe.getAddress(), data });
    const trace = await network.provider.send("debug_traceTransaction", [
      tx.hash,
      { disableStorage: true, disableMemory: true },
    ]);
    const logs = trace.structLogs as Array<{
      op: string;
      gas: number;
      gasCost: number;
      depth: number;
      pc: number;
    }>;
    let st = false;
    const out: string[] = [];
    let acc = 0;
    for (const l of logs) {
      if (!st) {
        if (l.op === "GAS" && l.depth === 1) st = true;
        continue;
      }
      if (l.depth !== 1) continue;
      acc += l.op === "STATICCALL" ? 0 : l.gasCost;
      out.push(
        `${l.pc}:${l.op}${l.gasCost > 10 && l.op !== "STATICCALL" ? "(" + l.gasCost + ")" : ""}`,
      );
      if (l.op === "STATICCALL") {
        out.push(`[acc ${acc}]`);
        acc = 0;
        break;
      }
    }
    const ranges: Array<[string, number, number]> = [
      ["validatePoint", 2988, 3060],
      ["revert-path?", 3061, 3300],
      ["validateFields", 6741, 7130],
      ["verifyValidated", 7285, 7800],
    ];
    const sums = new Map<string, number>();
    let st2 = false;
    let ops = 0;
    for (const l of logs) {
      if (!st2) {
        if (l.op === "GAS" && l.depth === 1) st2 = true;
        continue;
      }
      if (l.op === "STATICCALL") break;
      ops++;
      const name = ranges.find(([, a, b]) => l.pc >= a && l.pc <= b)?.[0] ?? "other";
      sums.set(name, (sums.get(name) ?? 0) + l.gasCost);
    }
    console.log(ops, [...sums]);
  });
});
