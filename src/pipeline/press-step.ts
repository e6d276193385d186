import { join } from "node:path";
import type { Issue } from "../load";
import type { PdfxVersion } from "../press";
import { makePressFiles, type PressResult } from "../press";

// build --press: the proof PDF becomes the plant's files (one PDF/X per page plus the whole issue).

export interface PressStepOptions {
  bleedMm?: number;
  inkLimit?: number;
  profile?: string;
  pdfx?: PdfxVersion;
  pagePattern?: string;
  deterministic?: boolean;
}

export function pressDir(outDir: string, issue: Issue): string {
  return join(outDir, issue.name, "press");
}

export async function runPressStep(
  issue: Issue,
  proofPdf: string,
  outDir: string,
  opts: PressStepOptions,
): Promise<PressResult> {
  const d = issue.data;
  const pages = d.pages.map((_, i) => i + 1);
  return makePressFiles(proofPdf, {
    trim: { widthMm: issue.format.widthMm, heightMm: issue.format.heightMm },
    bleedMm: opts.bleedMm ?? issue.format.bleedMm,
    outDir: pressDir(outDir, issue),
    pagePattern: opts.pagePattern,
    metadata: {
      title: `${d.paper.name} ${d.issue.date}${d.issue.number ? ` 总第${d.issue.number}期` : ""}`,
      paperName: d.paper.name,
      paperSlug: d.paper.slug ?? asciiSlug(issue.name),
      issueDate: d.issue.date,
      pageNumbers: pages,
      sections: d.pages.map((p) => p.section),
    },
    monoPages: pages.filter((n) => (d.pages[n - 1]?.color ?? d.color) === "mono"),
    inkLimit: opts.inkLimit,
    profile: opts.profile,
    pdfx: opts.pdfx,
    deterministic: opts.deterministic,
  });
}

function asciiSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "issue"
  );
}
