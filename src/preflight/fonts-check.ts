import type { FontRow } from "./poppler";
import { type CheckResult, checkResult, type Finding } from "./types";

// Every font must travel inside the file, as outlines a RIP can rasterise at plate resolution:
// embedded, and not Type 3 (bitmap or procedure glyphs, as Chromium makes of CFF system fonts).
// And none may be a system fallback: the faces a browser reaches for when the chosen font lacks a
// character (an emoji, a rare ideograph). On a newspaper page that is a glyph in the wrong type, or
// a box; newsprint's own pages cannot have one (every printed character is checked against the
// house style's fonts), so one found in a file means the text was set with fonts it did not have.

const FALLBACKS =
  /(^|\+)(DejaVu|Liberation|FreeSans|FreeSerif|FreeMono|Droid|NotoColorEmoji|NotoEmoji|Symbola|Unifont|WenQuanYi|AR ?PL|Lohit)/i;

export function checkFonts(fonts: FontRow[]): CheckResult {
  const findings: Finding[] = [];
  for (const f of fonts) {
    const name = f.name === "[none]" ? "(unnamed)" : f.name;
    if (f.type.startsWith("Type 3")) findings.push({ severity: "fail", message: `${name} is a Type 3 font` });
    if (!f.embedded) findings.push({ severity: "fail", message: `${name} (${f.type}) is not embedded` });
    if (FALLBACKS.test(f.name)) {
      findings.push({
        severity: "fail",
        message: `${name} is a system fallback font: text was set with fonts it lacked`,
      });
    }
  }
  const types = [...new Set(fonts.map((f) => f.type))].join(", ");
  return checkResult(
    "fonts",
    findings,
    fonts.length === 0 ? "no fonts" : `${fonts.length} fonts, all embedded, none Type 3 (${types})`,
  );
}
