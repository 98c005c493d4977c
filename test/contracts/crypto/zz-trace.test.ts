import { ethers, network } from "hardhat";
import { ELECTION_ID, VOTER, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { makeOption } from "./fixture";

describe("trace", function () {
  it("zero-one", async function () {
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
      { disableStorage: true, disableMemory: true, disableStack: false },
    ]);
    const logs = trace.structLogs as Array<{
      op: string;
      gas: number;
      gasCost: number;
      depth: number;
      pc: number;
      stack: string[];
    }>;
    let inside = false;
    let startGas = 0;
    const byOp = new Map<string, number>();
    let gasOps = 0;
    for (let i = 0; i < logs.length; i++) {
      const l = logs[i];
      if (l.op === "GAS" && l.depth === 1) {
        gasOps++;
        if (gasOps === 1) {
          inside = true;
          startGas = l.gas;
          continue;
        }
      }
      if (!inside) continue;
      if (l.op === "STATICCALL") {
        const cost = l.gas - logs[i + 1].gas;
        const addr = BigInt("0x" + l.stack[l.stack.length - 2]);
        byOp.set("STATICCALL->" + addr, (byOp.get("STATICCALL->" + addr) ?? 0) + cost);
        byOp.set("#STATICCALL->" + addr, (byOp.get("#STATICCALL->" + addr) ?? 0) + 1);
        continue;
      }
      byOp.set(l.op, (byOp.get(l.op) ?? 0) + l.gasCost);
      byOp.set("#" + l.op, (byOp.get("#" + l.op) ?? 0) + 1);
      if (l.op === "GAS" && l.depth === 1 && gasOps > 1) {
      }
    }
    // segments between staticcalls
    {
      let seg = 0;
      let segStart = 0;
      let started = false;
      let n = 0;
      const segs: string[] = [];
      for (let i = 0; i < logs.length; i++) {
        const l = logs[i];
        if (!started) {
          if (l.op === "GAS" && l.depth === 1) {
            started = true;
          }
          continue;
        }
        if (l.depth !== 1) continue;
        if (l.op === "STATICCALL") {
          segs.push(`${n}:${seg}`);
          seg = 0;
          n++;
          continue;
        }
        seg += l.gasCost;
      }
      segs.push(`end:${seg}`);
      // op histogram of segment 0
      const h = new Map<string, number>();
      let st = false;
      for (let i = 0; i < logs.length; i++) {
        const l = logs[i];
        if (!st) {
          if (l.op === "GAS" && l.depth === 1) st = true;
          continue;
        }
        if (l.op === "STATICCALL") break;
        h.set(l.op, (h.get(l.op) ?? 0) + l.gasCost);
        if (l.gasCost > 20) console.log("expensive", l.op, l.gasCost, l.pc);
      }
      console.log(
        [...h]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .join(" | "),
      );
      console.log(segs.join(" "));
    }
    const total = [...byOp].filter(([k]) => !k.startsWith("#")).reduce((s, [, v]) => s + v, 0);
    console.log("start", startGas, "total", total);
    console.log(
      [...byOp]
        .filter(([k]) => !k.startsWith("#"))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `${k} ${v} (${byOp.get("#" + k)})`)
        .join("\n"),
    );
  });
});
