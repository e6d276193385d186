// The checksum manifest written beside delivered pages, in `sha256sum` format so that the plant
// (or anyone) can check a delivery with `sha256sum -c <stem>.sha256`.

import { extname } from "node:path";

export interface ManifestEntry {
  /** File name as delivered (no directory). */
  name: string;
  /** Lower-case hex SHA-256 of the delivered bytes. */
  sha256: string;
  /** The newspaper page the file is, when the delivery is of an issue's pages. */
  page?: number;
  /** Its version at this destination: 1, then 2 for a corrected page sent again… */
  version?: number;
  /** The zoned edition whose own page it is (none: the base issue's page, which every edition
   *  that shares it prints). */
  edition?: string;
}

/** One `sha256sum` line. Names with a backslash or line break are escaped the way GNU coreutils does. */
export function manifestLine({ name, sha256 }: ManifestEntry): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
  if (/[\\\n\r]/.test(name)) {
    const escaped = name.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
    return `\\${sha256}  ${escaped}\n`;
  }
  return `${sha256}  ${name}\n`;
}

export function manifestText(entries: readonly ManifestEntry[]): string {
  return entries.map(manifestLine).join("");
}

/** The versions manifest (`<stem>.json`) of an issue's pages: every version of every page with
 *  its checksum, the highest version marked current. */
export interface VersionsManifest {
  pages: PageVersions[];
  /** Zoned editions: each page it prints, with the current file — its own for the pages it
   *  replaces, the base's for those it shares. Absent when no edition page was delivered. */
  editions?: { id: string; pages: { page: number; current: string; edition: boolean }[] }[];
}

interface PageVersions {
  page: number;
  current: string;
  versions: { version: number; name: string; sha256: string; current: boolean }[];
}

export function versionsManifest(entries: readonly ManifestEntry[]): VersionsManifest {
  const base = pageVersions(entries.filter((e) => e.edition === undefined));
  const ids = [...new Set(entries.flatMap((e) => (e.edition === undefined ? [] : [e.edition])))].sort();
  if (ids.length === 0) return { pages: base };
  const editions = ids.map((id) => {
    const own = pageVersions(entries.filter((e) => e.edition === id));
    const numbers = [...new Set([...base, ...own].map((p) => p.page))].sort((a, b) => a - b);
    return {
      id,
      pages: numbers.map((page) => {
        const mine = own.find((p) => p.page === page);
        return { page, current: (mine ?? base.find((p) => p.page === page))?.current ?? "", edition: !!mine };
      }),
    };
  });
  return { pages: base, editions };
}

function pageVersions(entries: readonly ManifestEntry[]): PageVersions[] {
  const pages = [...new Set(entries.flatMap((e) => (e.page === undefined ? [] : [e.page])))].sort((a, b) => a - b);
  return pages.map((page) => {
    const versions = entries
      .filter((e) => e.page === page)
      .map((e) => ({ version: e.version ?? 1, name: e.name, sha256: e.sha256 }))
      .sort((a, b) => a.version - b.version);
    const top = versions.at(-1);
    return {
      page,
      current: top?.name ?? "",
      versions: versions.map((v) => ({ ...v, current: v === top })),
    };
  });
}

const separators = /[-_. ]+$/;

/**
 * `<stem>.sha256`, where the stem is what the page names share: `issue-0501-p01.pdf` and
 * `issue-0501-p02.pdf` give `issue-0501.sha256`; a single file gives its own stem.
 */
export function defaultManifestName(fileNames: readonly string[]): string {
  const stems = fileNames.map((name) => name.slice(0, name.length - extname(name).length));
  const [first, ...rest] = stems;
  if (first === undefined) return "manifest.sha256";
  if (rest.length === 0) return `${first || "manifest"}.sha256`;
  let prefix = first;
  for (const stem of rest) {
    let i = 0;
    while (i < prefix.length && i < stem.length && prefix[i] === stem[i]) i++;
    prefix = prefix.slice(0, i);
  }
  // Cut back to a word boundary so "issue-p01"/"issue-p02" give "issue", not "issue-p0".
  const allContinue = stems.every((stem) => stem.length > prefix.length && !separators.test(stem[prefix.length] ?? ""));
  if (allContinue) {
    const boundary = prefix.search(/[-_. ][^-_. ]*$/);
    prefix = boundary >= 0 ? prefix.slice(0, boundary) : "";
  }
  const stem = prefix.replace(separators, "");
  return `${stem || "manifest"}.sha256`;
}
