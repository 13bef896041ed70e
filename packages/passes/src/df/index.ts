// The dataflow passes and the `df-to-hw` pipeline; importing this module registers them.
import { lookupPass, Pass, registerPass, registerPassPipeline } from "@allo/ir-core";
import { HwPartition } from "../hw/partition.js";
import { DfCheckStreams } from "./check-streams.js";
import { DfExpandHierarchy } from "./expand-hierarchy.js";
import { DfInlineRegions } from "./inline-regions.js";
import { DfInstantiate } from "./instantiate.js";
import { DfLowerStreams } from "./lower-streams.js";
import { DfShard } from "./shard.js";
import { DfSpecialize } from "./specialize.js";

export * from "../hw/partition.js";
export * from "./check-streams.js";
export * from "./common.js";
export * from "./diag.js";
export * from "./expand-hierarchy.js";
export * from "./inline-regions.js";
export * from "./instantiate.js";
export * from "./lower-streams.js";
export * from "./shard.js";
export * from "./specialize.js";
export * from "./stream-elements.js";

for (const p of [DfInstantiate, DfSpecialize, DfInlineRegions, DfShard, DfLowerStreams, DfCheckStreams, DfExpandHierarchy, HwPartition]) registerPass(p);

registerPassPipeline("df-to-hw", "Lower df regions to an hw design: expand the hierarchy (instantiate, canonicalize, specialize, inline) to a fixed point, then shard, lower streams and canonicalize", (pm) => {
  pm.addPass(new Pass(DfExpandHierarchy));
  pm.addPass(new Pass(DfShard));
  pm.addPass(new Pass(DfLowerStreams));
  const canon = lookupPass("canonicalize");
  if (canon !== null) pm.addPass(new Pass(canon));
});
