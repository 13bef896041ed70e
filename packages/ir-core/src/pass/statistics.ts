// Pass statistics as mlir-opt's --mlir-pass-statistics prints them (pipeline or list display).
import { Pass } from "./pass.js";
import { OpToOpPassAdaptor, type OpPassManager } from "./pass-manager.js";

/// How statistics are laid out (`--mlir-pass-statistics-display`).
export type StatisticsDisplay = "pipeline" | "list";

interface Stat { name: string; desc: string; value: number }

function entry(indent: number, name: string, stats: Stat[]): string {
  let out = " ".repeat(indent) + name + "\n";
  if (stats.length === 0) return out;
  stats.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nw = Math.max(...stats.map((s) => s.name.length));
  const vw = Math.max(...stats.map((s) => String(s.value).length));
  for (const s of stats) out += " ".repeat(indent + 2) + `(S) ${String(s.value).padStart(vw)} ${s.name.padEnd(nw)} - ${s.desc}\n`;
  return out;
}

function statsOf(p: Pass): Stat[] {
  return Object.entries(p.def.statistics).map(([k, s]) => ({ name: s.name, desc: s.desc, value: p.stats[k] ?? 0 }));
}

/// The statistics report of a (finalized, run) pipeline.
export function statisticsReport(pm: OpPassManager, display: StatisticsDisplay): string {
  const title = "... Pass statistics report ...";
  const rule = "===" + "-".repeat(73) + "===\n";
  let out = rule + " ".repeat(Math.floor((80 - title.length) / 2)) + title + "\n" + rule;
  if (display === "list") {
    const merged = new Map<string, Stat[]>();
    for (const p of pm.allPasses()) {
      const ss = statsOf(p);
      if (ss.length === 0) continue;
      const prior = merged.get(p.name);
      if (prior === undefined) merged.set(p.name, ss);
      else ss.forEach((s, i) => { prior[i].value += s.value; });
    }
    for (const name of [...merged.keys()].sort()) out += entry(2, name, merged.get(name)!);
  } else {
    const visit = (m: OpPassManager, indent: number): void => {
      for (const e of m.elements) {
        if (e instanceof OpToOpPassAdaptor) {
          let ind = indent;
          if (e.managers.length > 1) { out += entry(ind, e.adaptorName, []); ind += 2; }
          for (const sub of e.managers) {
            out += entry(ind, `'${sub.anchorName}' Pipeline`, []);
            visit(sub, ind + 2);
          }
        } else out += entry(indent, e.name, statsOf(e));
      }
    };
    visit(pm, 0);
  }
  return out + "\n";
}
