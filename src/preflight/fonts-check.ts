import type { FontRow } from "./poppler";
import { type CheckResult, checkResult, type Finding } from "./types";

// Every font must travel inside the file, as outlines a RIP can rasterise at plate resolution:
// embedded, and not Type 3 (bitmap or procedure glyphs, as Chromium makes of CFF system fonts).

export function checkFonts(fonts: FontRow[]): CheckResult {
  const findings: Finding[] = [];
  for (const f of fonts) {
    const name = f.name === "[none]" ? "(unnamed)" : f.name;
    if (f.type.startsWith("Type 3")) findings.push({ severity: "fail", message: `${name} is a Type 3 font` });
    if (!f.embedded) findings.push({ severity: "fail", message: `${name} (${f.type}) is not embedded` });
  }
  const types = [...new Set(fonts.map((f) => f.type))].join(", ");
  return checkResult(
    "fonts",
    findings,
    fonts.length === 0 ? "no fonts" : `${fonts.length} fonts, all embedded, none Type 3 (${types})`,
  );
}
