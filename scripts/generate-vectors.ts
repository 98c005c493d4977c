/**
 * Writes the protocol test vectors (test/vectors/*.json) from the fixed seed of
 * src/testing/test-vectors.ts. Deterministic: running it twice gives byte-identical files, and
 * test/vectors.test.ts fails if the committed files differ from what this would write.
 *
 *     npm run vectors
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { generateVectorFile } from "../src/testing/test-vectors";
import { stringifyVectors } from "../src/testing/vector-json";
import { VECTOR_NAMES } from "../src/testing/vector-types";

const VECTOR_DIR = path.join(__dirname, "..", "test", "vectors");

function main(): void {
  mkdirSync(VECTOR_DIR, { recursive: true });
  for (const name of VECTOR_NAMES) {
    const file = path.join(VECTOR_DIR, `${name}.json`);
    const vectors = generateVectorFile(name);
    const text = stringifyVectors(vectors);
    const unchanged = existsSync(file) && readFileSync(file, "utf8") === text;
    if (!unchanged) writeFileSync(file, text);
    console.log(
      `${unchanged ? "unchanged" : "written  "} ${path.relative(process.cwd(), file)}  ` +
        `${vectors.cases.length} cases, ${Buffer.byteLength(text)} bytes`,
    );
  }
}

main();
