import "@nomicfoundation/hardhat-toolbox";
import "@nomicfoundation/hardhat-viem";
import { subtask } from "hardhat/config";
import { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } from "hardhat/builtin-tasks/task-names";
import type { HardhatUserConfig } from "hardhat/config";
import type { SolcBuild } from "hardhat/types";

// Hardhat only prompts for telemetry on an interactive, non-CI TTY (and then times out
// after 10 s); this env var is read after the config is loaded, so setting it here is
// early enough and keeps every run prompt-free.
process.env.HARDHAT_DISABLE_TELEMETRY_PROMPT ??= "true";

const SOLC_VERSION = "0.8.28";

// Use the solc-js compiler from node_modules ("solc" npm package) instead of letting
// Hardhat download a compiler: builds and tests must work without internet access.
let localSolcBuild: SolcBuild | undefined;
subtask(
  TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD,
  async (args: { solcVersion: string }): Promise<SolcBuild> => {
    if (localSolcBuild === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const solc = require("solc") as { version(): string };
      const fullVersion = solc.version(); // e.g. "0.8.28+commit.7893614a.Emscripten.clang"
      const longVersion = /^\d+\.\d+\.\d+\+commit\.[0-9a-f]+/.exec(fullVersion)?.[0];
      if (longVersion === undefined) {
        throw new Error(`Unrecognised version string from the solc package: ${fullVersion}`);
      }
      localSolcBuild = {
        compilerPath: require.resolve("solc/soljson.js"),
        isSolcJs: true,
        version: longVersion.split("+")[0],
        longVersion,
      };
    }
    if (args.solcVersion !== localSolcBuild.version) {
      throw new Error(
        `Solidity ${args.solcVersion} was requested but the installed npm package "solc" is ` +
          `${localSolcBuild.version}; compilers are never downloaded. Align the pragma / ` +
          `hardhat.config.ts with the "solc" version in package.json.`,
      );
    }
    return localSolcBuild;
  },
);

const config: HardhatUserConfig = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      // The target chain is a geth Clique network frozen at London/Paris rules:
      // no PUSH0 (Shanghai), no MCOPY / transient storage (Cancun).
      evmVersion: "paris",
      viaIR: false,
    },
  },
  networks: {
    hardhat: {
      allowUnlimitedContractSize: false,
      // Same rules as the validators' Clique chain (London/Paris): gas figures measured here,
      // e.g. modexp under EIP-2565 rather than Osaka's EIP-7883, are the production figures.
      hardfork: "merge",
    },
  },
  typechain: {
    outDir: "typechain-types",
    target: "ethers-v6",
  },
  gasReporter: {
    enabled: process.env.REPORT_GAS !== undefined,
    offline: true,
  },
  mocha: {
    timeout: 600_000,
  },
};

export default config;
