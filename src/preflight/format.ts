import { type PreflightReport, where } from "./types";

// The report for people: one line per check, its findings indented under it.

const MARK = { pass: "ok  ", warn: "warn", fail: "FAIL" } as const;

export function formatReport(report: PreflightReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (!f.readable) {
      lines.push(`FAIL ${f.file} ${f.error ?? "cannot be read"} (unreadable)`);
      continue;
    }
    lines.push(`${f.ok ? "ok  " : "FAIL"} ${f.file} (${f.pages} page${f.pages === 1 ? "" : "s"}, ${f.ms} ms)`);
    for (const c of f.checks) {
      lines.push(`  ${MARK[c.status]} ${c.name.padEnd(16)} ${c.message}`);
      for (const finding of c.findings) lines.push(`         - ${where(finding)}`);
    }
  }
  const failed = report.files.filter((f) => !f.ok).length;
  lines.push(failed === 0 ? "preflight passed" : `preflight failed: ${failed} of ${report.files.length} files`);
  return lines.join("\n");
}
