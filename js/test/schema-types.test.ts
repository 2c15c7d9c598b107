import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

// Bundled into lib/test/, two folders below js/.
const generator = fileURLToPath(new URL("../../scripts/schema-types.mjs", import.meta.url));

describe("generated wire types", () => {
  it("match schema/ (else run `node scripts/schema-types.mjs`, which the build runs first)", () => {
    let output = "";
    try {
      execFileSync(process.execPath, [generator, "--check"], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = String((error as { stderr?: string }).stderr ?? error);
    }
    assert.equal(output, "");
  });
});
