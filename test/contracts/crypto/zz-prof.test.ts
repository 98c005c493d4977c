import fs from "fs";
import { ethers, network } from "hardhat";
import { ELECTION_ID, VOTER, singlePartyKey } from "../../helpers/crypto";
import { seededRandom } from "../../helpers/random";
import { makeContest, makeOption } from "./fixture";

function profile(
  buildDir: string,
  code: string,
  logs: Array<{ op: string; pc: number; gasCost: number; depth: number; gas: number }>,
  startIdx: number,
  endIdx: number,
) {
  for (const f of fs.readdirSync(buildDir)) {
    const b = JSON.parse(fs.readFileSync(buildDir + f, "utf8"));
    const c = b.output.contracts["contracts/test/GasProbe.sol"]?.GasProbe;
    if (!c || "0x" + c.evm.deployedBytecode.object !== code) continue;
    const bytes = Buffer.from(c.evm.deployedBytecode.object, "hex");
    const pcToIdx = new Map<number, number>();
    let idx = 0;
    for (let pc = 0; pc < bytes.length; idx++) {
      pcToIdx.set(pc, idx);
      const op = bytes[pc];
      pc += op >= 0x60 && op <= 0x7f ? op - 0x5e : 1;
    }
    const entries = c.evm.deployedBytecode.sourceMap.split(";");
    let s = 0,
      l = 0,
      fi = 0;
    const decoded: Array<[number, number, number]> = [];
    for (const e of entries) {
      const parts = e.split(":");
      if (parts[0]) s = +parts[0];
      if (parts[1]) l = +parts[1];
      if (parts[2]) fi = +parts[2];
      decoded.push([s, l, fi]);
    }
    const files: Record<number, string> = {};
    for (const [name, src] of Object.entries<any>(b.output.sources)) files[src.id] = name;
    const sums = new Map<string, number>();
    for (let i = startIdx; i < endIdx; i++) {
      const lg = logs[i];
      if (lg.depth !== 1) continue;
      const cost = lg.op === "STATICCALL" ? lg.gas - logs[i + 1].gas : lg.gasCost;
      const [ss, , ff] = decoded[pcToIdx.get(lg.pc)!];
      const name = files[ff];
      let key = "generated";
      if (name) {
        const text = b.input.sources[name].content as string;
        const line = text.slice(0, ss).split("\n").length;
        key = `${name.split("/").pop()}:${line}`;
      }
      if (lg.op === "STATICCALL") key += " [STATICCALL]";
      sums.set(key, (sums.get(key) ?? 0) + cost);
    }
    return [...sums].sort((a, b) => b[1] - a[1]);
  }
  return [];
}

describe("profile", function () {
  it("zero-one", async function () {
    const random = seededRandom("gas probe");
    const { key } = singlePartyKey(random);
    const probe = await (await ethers.getContractFactory("GasProbe")).deploy();
    const { ciphertext, proof } = makeOption(key, ELECTION_ID, 0, VOTER, 3, 1, random);
    const which = process.env.PROF ?? "zeroOne";
    let data = probe.interface.encodeFunctionData("zeroOne", [
      ELECTION_ID,
      0,
      VOTER,
      3,
      key.point,
      ciphertext,
      proof,
    ]);
    if (which === "range") {
      const params = { contestIndex: 2, options: 2, minSelections: 1, maxSelections: 1 };
      const { contest, aggregate } = makeContest(key, ELECTION_ID, VOTER, params, [0, 1], random);
      data = probe.interface.encodeFunctionData("rangeProof", [
        ELECTION_ID,
        2,
        VOTER,
        1,
        1,
        key.point,
        aggregate,
        contest.selectionProof,
      ]);
    }
    void which;
    const [signer] = await ethers.getSigners();
    const tx = await signer.sendTransaction({ to: await probe.getAddress(), data });
    const trace = await network.provider.send("debug_traceTransaction", [
      tx.hash,
      { disableStorage: true, disableMemory: true },
    ]);
    const logs = trace.structLogs;
    const gasIdx: number[] = [];
    logs.forEach((l: any, i: number) => {
      if (l.op === "GAS" && l.depth === 1) gasIdx.push(i);
    });
    const start = gasIdx[0];
    const end = gasIdx[gasIdx.length - 1];
    const code = await ethers.provider.getCode(await probe.getAddress());
    const rows = profile("artifacts/build-info/", code, logs, start, end);
    let total = 0;
    for (const [, v] of rows) total += v;
    console.log("total", total);
    for (const [k, v] of rows.slice(0, 40)) console.log(String(v).padStart(7), k);
  });
});
