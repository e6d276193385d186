import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { appFile } from "../app-root";
import { NEWSPRINT_VERSION } from "../version";

// What must be the same on every worker for the make-up to come out the same: where Chromium
// breaks a line depends on its version and the fonts; the page frame on Paged.js, the templates
// and the styles; the rest on newsprint's own code. A worker computes this set-up once, and the
// queue runs only with workers whose set-up is the same (see claim.ts).

export interface SetupParts {
  /** As Chromium reports itself, e.g. "HeadlessChrome/131.0.6778.85". */
  chromium: string;
  newsprint: string;
  /** The @fontsource packages of package-lock.json: versions and integrity hashes. */
  fonts: string;
  /** Paged.js's version from package-lock.json. */
  pagedjs: string;
  /** Hashes of the designer's folders. */
  templates: string;
  styles: string;
}

export interface Setup {
  /** Short hash of the parts: one string to compare and to show. */
  id: string;
  parts: SetupParts;
}

const PART_NAMES: (keyof SetupParts)[] = ["chromium", "newsprint", "fonts", "pagedjs", "templates", "styles"];

export function setupOf(parts: SetupParts): Setup {
  // Fixed key order: the same parts give the same id and the same JSON everywhere.
  const ordered = Object.fromEntries(PART_NAMES.map((name) => [name, parts[name]])) as unknown as SetupParts;
  const id = createHash("sha256").update(JSON.stringify(ordered)).digest("hex").slice(0, 12);
  return { id, parts: ordered };
}

/** One line per part that differs: "chromium: X here, Y in the queue". Empty when they agree. */
export function setupDifferences(mine: Setup, theirs: Setup, where = "in the queue"): string[] {
  return PART_NAMES.filter((name) => mine.parts[name] !== theirs.parts[name]).map(
    (name) => `${name}: ${mine.parts[name]} here, ${theirs.parts[name]} ${where}`,
  );
}

/** The set-up as stored in Redis or a job, or undefined if it is not one. */
export function parseSetup(value: unknown): Setup | undefined {
  const v = typeof value === "string" ? safeJson(value) : value;
  if (!v || typeof v !== "object") return undefined;
  const parts = (v as { parts?: Record<string, unknown> }).parts;
  if (!parts || !PART_NAMES.every((name) => typeof parts[name] === "string")) return undefined;
  return setupOf(parts as unknown as SetupParts);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Entries of package-lock.json whose key matches: name → "version integrity". */
export function lockedPackages(lockText: string, match: RegExp): Record<string, string> {
  const lock = JSON.parse(lockText) as { packages?: Record<string, { version?: string; integrity?: string }> };
  const found: Record<string, string> = {};
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const name = key.replace(/^.*node_modules\//, "");
    if (key.startsWith("node_modules/") && match.test(name)) {
      found[name] = `${entry.version ?? "?"} ${entry.integrity ?? ""}`.trim();
    }
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** Hash of every file below `dir`: names and contents. */
export async function folderHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
  for (const name of names) {
    hash.update(`${name}\0`);
    hash.update(await readFile(join(dir, name)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const shortHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** This machine's set-up; `chromiumVersion` from the worker's running browser (browser.version()). */
export async function localSetup(chromiumVersion: string): Promise<Setup> {
  const lockText = await readFile(appFile("package-lock.json"), "utf8");
  const fonts = lockedPackages(lockText, /^@fontsource\//);
  const pagedjs = lockedPackages(lockText, /^pagedjs$/).pagedjs ?? "absent";
  return setupOf({
    chromium: chromiumVersion,
    newsprint: NEWSPRINT_VERSION,
    fonts: `${Object.keys(fonts).join(",")} ${shortHash(fonts)}`,
    pagedjs: pagedjs.split(" ")[0] ?? pagedjs,
    templates: await folderHash(appFile("templates")),
    styles: await folderHash(appFile("styles")),
  });
}
