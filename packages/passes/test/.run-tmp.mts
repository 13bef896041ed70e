import { ensureConstantMaterializers } from "/work/main/packages/passes/test/support.ts";
import { alloOptMain } from "@allo/opt-cli";
ensureConstantMaterializers();
const r = alloOptMain(process.argv.slice(2));
process.stderr.write(r.stderr); process.stdout.write(r.stdout); process.exitCode = r.exitCode;
