import type { PreflightConfig } from "../config/resolve";

// The preflight report: for every file, every named check with its verdict and what it found.

export type CheckName =
  | "page-boxes"
  | "bleed"
  | "fonts"
  | "colour-spaces"
  | "image-resolution"
  | "ink-limit"
  | "black-on-k"
  | "pdfx";

export type Status = "pass" | "warn" | "fail";

export interface Finding {
  severity: "warn" | "fail";
  /** 1-based page number, where the finding belongs to one page. */
  page?: number;
  message: string;
}

export interface CheckResult {
  name: CheckName;
  status: Status;
  /** One line: what passed, or a summary of the findings. */
  message: string;
  findings: Finding[];
}

export interface FileReport {
  file: string;
  /** False when the file could not be opened as a PDF at all (then checks is empty). */
  readable: boolean;
  /** Why it could not be read, as a phrase after the file name: "is a folder, not a PDF". */
  error?: string;
  ok: boolean;
  pages: number;
  checks: CheckResult[];
  ms: number;
}

export interface PreflightReport {
  ok: boolean;
  files: FileReport[];
  /** The limits the files were checked against. */
  options: Pick<PreflightConfig, "minPpi" | "maxInk" | "bleedMm">;
}

/** A check's result from its findings: the worst severity wins. */
export function checkResult(name: CheckName, findings: Finding[], passMessage: string): CheckResult {
  const fails = findings.filter((f) => f.severity === "fail").length;
  const warns = findings.length - fails;
  const status: Status = fails > 0 ? "fail" : warns > 0 ? "warn" : "pass";
  const message =
    status === "pass"
      ? passMessage
      : [fails && `${fails} error${fails > 1 ? "s" : ""}`, warns && `${warns} warning${warns > 1 ? "s" : ""}`]
          .filter(Boolean)
          .join(", ");
  return { name, status, message, findings };
}

/** "page 3: …" or just the message. */
export const where = (f: Finding) => (f.page ? `page ${f.page}: ${f.message}` : f.message);
