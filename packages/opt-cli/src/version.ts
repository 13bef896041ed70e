// The version line allo-opt, allo-translate and allo-run print for --version.
import { readFileSync } from "node:fs";

/// `allo-ts version X.Y.Z`, X.Y.Z being this package's version (as LLVM's tools print `LLVM version ...`).
export const versionText = `allo-ts version ${(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version}`;
