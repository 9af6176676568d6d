// Bundles the admin page's script: admin/main.js and the modules it imports (ours and CodeMirror's, from
// node_modules) into one file, <out>/admin.js. Maven runs it in generate-resources with
// <out> = target/classes/web/assets, so the jar serves /assets/admin.js; nothing is fetched at run time and no
// copy of a library is kept in src/. Installs the locked packages first (npm ci) only when node_modules is missing
// or older than package-lock.json, so a repeated build is fast and works offline.
import {execFileSync} from "node:child_process";
import {existsSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, "../../../target/classes/web/assets"));

const installed = join(here, "node_modules/.package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(here, "package-lock.json")).mtimeMs) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {cwd: here, stdio: "inherit"});
}

const esbuild = await import("esbuild");
const result = await esbuild.build({
  entryPoints: [join(here, "admin/main.js")],
  outfile: join(out, "admin.js"),
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: true,
  sourcemap: false,
  legalComments: "linked", // the licences of the bundled packages, beside the bundle (admin.js.LEGAL.txt)
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`admin.js: ${Object.keys(result.metafile.inputs).length} modules, ${Math.round(bytes / 1024)} KiB -> ${out}`);
