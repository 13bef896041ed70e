// Generates the simulator benchmark inputs: the spec's systolic array scaled up, and a long producer/consumer.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { producerConsumer, systolic } from "../../test/dist/tools/df-programs.js";

/// Writes the benchmark inputs into `dir`; returns their descriptions.
export function generate(dir) {
  mkdirSync(dir, { recursive: true });
  const cases = [
    { name: "systolic 16x16 PEs, K = 256", file: "systolic_16x16_k256.mlir", text: systolic(16, 16, 256), dims: { A: [16, 256], B: [256, 16] } },
    { name: "systolic 16x16 PEs, K = 2048 (scaling check)", file: "systolic_16x16_k2048.mlir", text: systolic(16, 16, 2048), dims: { A: [16, 2048], B: [2048, 16] } },
    { name: "producer/consumer, 1M elements", file: "producer_consumer_1m.mlir", text: producerConsumer(1024, 1024), dims: { A: [1024, 1024] } },
  ];
  for (const c of cases) writeFileSync(join(dir, c.file), c.text);
  return cases.map((c) => ({ ...c, path: join(dir, c.file) }));
}
