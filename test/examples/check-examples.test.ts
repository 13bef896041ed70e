// The spec examples against NumPy through allo-run (../shared/tools/check_examples.py), per target and pipeline.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const tool = resolve(root, "../shared/tools/check_examples.py");
const python = process.env.ALLO_PYTHON ?? "python3";
const names = ["producer_consumer", "systolic", "tiled_gemm", "hierarchical", "layout_gemm", "vadd_shard", "block_stream", "shard_rows_cols", "stream_ui16", "splitk_gemm_3d"];

const configs: { title: string; args: string[]; needs: string | null }[] = [
  { title: "simulator on the df program", args: ["--target", "sim"], needs: null },
  { title: "simulator after df-to-hw", args: ["--target", "sim", "--pipeline", "builtin.module(df-to-hw)"], needs: null },
  { title: "HLS C-simulation", args: ["--target", "hls-csim"], needs: "/usr/bin/g++" },
];

for (const c of configs) {
  describe(`spec examples vs NumPy: ${c.title}`, function () {
    this.timeout(600_000);
    const lines = new Map<string, string>();
    before(function () {
      const numpy = spawnSync(python, ["-c", "import numpy"]);
      if (!existsSync(tool) || numpy.status !== 0) { console.log("      skipped: numpy not found"); this.skip(); }
      if (c.needs !== null && !existsSync(c.needs)) { console.log(`      skipped: ${c.needs.split("/").pop()} not found`); this.skip(); }
      const p = spawnSync(python, [tool, "--project", root, ...c.args], { encoding: "utf8", cwd: root });
      for (const l of p.stdout.split("\n")) {
        const m = /^(ok|FAIL) +([a-z0-9_]+)/.exec(l);
        if (m !== null) lines.set(m[2], l);
      }
    });
    for (const n of names) {
      it(n, () => {
        const l = lines.get(n);
        expect(l, `no result for ${n}`).to.not.equal(undefined);
        expect(l!.startsWith("ok"), l).to.equal(true);
      });
    }
  });
}
