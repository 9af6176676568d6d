// Bundles the admin page's script: admin/main.js and the modules it imports (ours and CodeMirror's, from
// node_modules) into one file, <out>/admin.js. Maven runs it in generate-resources with
// <out> = target/classes/web/assets, so the jar serves /assets/admin.js; nothing is fetched at run time and no
// copy of a library is kept in src/. Installs the locked packages first (npm ci) only when node_modules is missing
// or older than package-lock.json, so a repeated build is fast and works offline.
import {execFileSync} from "node:child_process";
import {existsSync, readFileSync, statSync, writeFileSync} from "node:fs";
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
  legalComments: "none", // the packages' licences go beside the bundle whole (below)
  banner: {js: "// Kontakt's admin page, with CodeMirror and its parts (MIT); their licences: /assets/admin.js.LICENSES.txt"},
  logLevel: "warning",
  metafile: true,
});
// The licence of every package that went into the bundle, as each package ships it.
const packages = new Set(Object.keys(result.metafile.inputs).map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f))
  .filter(Boolean).map((m) => m[1]));
const licences = [...packages].sort().map((name) => {
  const dir = join(here, "node_modules", name);
  const {version, license} = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt"].map((f) => join(dir, f)).find(existsSync);
  return `${name} ${version} (${license})\n\n${file ? readFileSync(file, "utf8").trim() : "(no licence file shipped)"}\n`;
});
writeFileSync(join(out, "admin.js.LICENSES.txt"), licences.join("\n" + "-".repeat(72) + "\n\n"));

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`admin.js: ${Object.keys(result.metafile.inputs).length} modules, ${Math.round(bytes / 1024)} KiB -> ${out}`);
