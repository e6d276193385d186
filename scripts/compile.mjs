#!/usr/bin/env node
// Bundles the CLI into dist/ with esbuild (packages stay external, commands load lazily), so that
// `newsprint` starts without compiling TypeScript on every run. bin/newsprint.js falls back to
// running src/ through tsx whenever dist/ is missing or older than the sources.
import { rename, rm } from "node:fs/promises";
import { build } from "esbuild";

// Built beside dist/ and swapped in whole, so a running newsprint never sees half a bundle.
await rm("dist.tmp", { recursive: true, force: true });
await build({
  entryPoints: ["src/cli/index.ts"],
  outdir: "dist.tmp",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
  entryNames: "newsprint",
  chunkNames: "chunks/[name]-[hash]",
});
await rm("dist", { recursive: true, force: true });
await rename("dist.tmp", "dist");
