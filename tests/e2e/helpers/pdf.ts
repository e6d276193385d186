import { execFileSync } from "node:child_process";

// Reading a PDF back the way a person checking it would: poppler's command-line tools.

export function pdfInfo(file: string): { pages: number; widthPt: number; heightPt: number } {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const out = execFileSync("pdffonts", [file], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      const cols = line.trim().split(/\s{2,}|\s(?=yes|no)/);
      const type = /(Type 3|Type 1C?|CID TrueType|CID Type 0C?|TrueType)/.exec(line)?.[1] ?? "?";
      return { name: cols[0] ?? "", type, embedded: /\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+/.test(line) };
    });
}

/**
 * The PDF's text with all white space and invisible joiners removed, to compare with sources.
 * `raw` keeps content order: the default order interleaves a head's lines with the columns beside it.
 */
export function pdfTextCompact(file: string, pages?: [number, number], order: "layout" | "raw" = "layout"): string {
  const range = pages ? ["-f", String(pages[0]), "-l", String(pages[1])] : [];
  const raw = order === "raw" ? ["-raw"] : [];
  return compact(
    execFileSync("pdftotext", [...range, ...raw, "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );
}

export function compact(text: string): string {
  return text.replace(/[\s\u2060\u200b\u00ad]/g, "");
}

export function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}
