import { runTool } from "../pdf/run-tool";

// Poppler's pdffonts and pdfimages, run and parsed. Their tables are fixed-width under a line of
// dashes; pdffonts' names and types may hold spaces, so its columns are cut at the dash runs.

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
}

export interface ImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
  /** pdfimages' colour: gray, rgb, cmyk, lab, icc, index, sep, devn … */
  colour: string;
  components: number;
  encoding: string;
  xPpi: number;
  yPpi: number;
}

/** Splits a fixed-width table by the runs of dashes in its rule line. */
export function parseTable(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  const ruleAt = lines.findIndex((l) => /^-+( -+)*\s*$/.test(l));
  if (ruleAt < 0) return [];
  const spans = [...(lines[ruleAt] as string).matchAll(/-+/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return lines
    .slice(ruleAt + 1)
    .filter((l) => l.trim() !== "")
    .map((l) =>
      spans.map(([a, b], i) => l.slice(a, i === spans.length - 1 ? undefined : (spans[i + 1]?.[0] ?? b)).trim()),
    );
}

export function parsePdffonts(text: string): FontRow[] {
  return parseTable(text).map(([name = "", type = "", encoding = "", emb = "", sub = ""]) => ({
    name,
    type,
    encoding,
    embedded: emb === "yes",
    subset: sub === "yes",
  }));
}

export function parsePdfimages(text: string): ImageRow[] {
  const lines = text.split(/\r?\n/);
  const ruleAt = lines.findIndex((l) => /^-{10,}\s*$/.test(l));
  return lines
    .slice(ruleAt + 1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 14 && /^\d+$/.test(f[0] ?? ""))
    .map((f) => ({
      page: Number(f[0]),
      type: f[2] ?? "",
      width: Number(f[3]),
      height: Number(f[4]),
      colour: f[5] ?? "",
      components: Number(f[6]),
      encoding: f[8] ?? "",
      xPpi: Number(f[12]),
      yPpi: Number(f[13]),
    }));
}

export async function listFonts(pdf: string): Promise<FontRow[]> {
  return parsePdffonts((await runTool("pdffonts", [pdf], { timeoutMs: 60_000 })).stdout);
}

export async function listImages(pdf: string): Promise<ImageRow[]> {
  return parsePdfimages((await runTool("pdfimages", ["-list", pdf], { timeoutMs: 120_000 })).stdout);
}
