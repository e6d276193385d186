#!/usr/bin/env node
// First-run set-up behind `npm start` and `npm test`: installs what is missing and nothing else.
//  - npm packages: `npm ci` when node_modules is absent or older than package-lock.json;
//  - Debian packages the pipeline (and, for tests, the test servers) need, with apt-get.
// As non-root without them, it prints the exact command to run and exits 1.
// Plain Node with no dependencies: it runs before node_modules exists.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const forTests = process.env.npm_lifecycle_event === "pretest" || process.argv.includes("--test");

const RUNTIME = ["chromium", "poppler-utils", "ghostscript"];
const TESTING = ["cups-ipp-utils", "dbus", "openssh-server", "openssh-client", "strace", "redis-server"];

function say(msg) {
  process.stderr.write(`setup: ${msg}\n`);
}

function ensureNodeModules() {
  const lock = join(root, "package-lock.json");
  const stamp = join(root, "node_modules", ".newsprint-lock");
  const hash = createHash("sha256").update(readFileSync(lock)).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  say("installing npm packages (npm ci)…");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    say("npm ci failed");
    process.exit(1);
  }
  writeFileSync(stamp, hash);
}

function missingDebianPackages(names) {
  return names.filter((name) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
    const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
    return r.status !== 0 || !r.stdout.includes("install ok installed");
  });
}

function ensureDebianPackages() {
  if (!existsSync("/usr/bin/dpkg-query")) return; // not Debian: the README lists what to install
  const missing = missingDebianPackages(forTests ? [...RUNTIME, ...TESTING] : RUNTIME);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    say(`missing Debian packages: ${missing.join(", ")}. Run as root:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  say(`installing Debian packages: ${missing.join(", ")}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-q"], { stdio: ["ignore", "ignore", "inherit"], env });
  execFileSync("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...missing], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
}

/** The CLI bundle (dist/), rebuilt when a source is newer: newsprint then starts in ~0.2 s. */
function ensureBundle() {
  const bundle = join(root, "dist", "newsprint.js");
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
      0,
    );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest(join(root, "src"))) return;
  const r = spawnSync(process.execPath, [join(root, "scripts", "compile.mjs")], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) say("could not bundle the CLI; it will run from src/ through tsx");
}

ensureNodeModules();
ensureDebianPackages();
ensureBundle();
