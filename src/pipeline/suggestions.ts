import type { Diagnostic } from "../diagnostics";
import type { IssueData } from "../load";
import type { Fix, Overflow } from "../makeup";
import type { TypesetModel } from "../typeset/model";

// The make-up's computed fixes for material that does not fit, told as edits of the issue file:
// what to move where, which field to change, which paragraphs to mark, with their JSON paths.

/** pages[p].articles[a], articles[i] (the pool) or fillers[i] of an article; "" if unknown. */
export function articleJsonPath(data: IssueData, id: string): string {
  for (const [p, page] of data.pages.entries()) {
    const a = page.articles.findIndex((article) => article.id === id);
    if (a >= 0) return `pages[${p}].articles[${a}]`;
  }
  const pooled = data.articles.findIndex((a) => a.id === id);
  if (pooled >= 0) return `articles[${pooled}]`;
  const filler = data.fillers.findIndex((a) => a.id === id);
  return filler >= 0 ? `fillers[${filler}]` : "";
}

function fixText(fix: Fix, model: TypesetModel): string {
  const data = model.issue.data;
  const at = articleJsonPath(data, fix.articleId);
  switch (fix.kind) {
    case "move":
      return `move ${fix.articleId} (${fix.lines} lines) to page ${fix.to}: from ${at} to the end of pages[${fix.to - 1}].articles`;
    case "jump":
      if (fix.change === "maxJumps")
        return `allow ${fix.maxJumps} jumps off page ${fix.page}: "maxJumps": ${fix.maxJumps} at pages[${fix.page - 1}]`;
      return fix.change === "jump"
        ? `allow ${fix.articleId} to jump to a later page: remove "jump": false at ${at}`
        : `let ${fix.articleId} jump to any later page: remove "jumpTo" at ${at}`;
    case "cut": {
      const paragraphs = model.articles.get(fix.articleId)?.paragraphs ?? [];
      const bodies = fix.paragraphs.map((p) => `body[${paragraphs[p]?.source ?? p}]`);
      const n = fix.paragraphs.length;
      return `mark ${n} paragraph${n > 1 ? "s" : ""} of ${fix.articleId} cuttable: ${bodies.map((b) => `${at}.${b}`).join(", ")} as { "text": …, "cut": true }`;
    }
    case "any-section":
      return `let ${fix.articleId} go on any page: remove "section": "${fix.section}" at ${at}`;
  }
}

/** Per overflow: how far over and where there is room, then each change that would make the
 *  whole issue fit, one an item. */
export function overflowAdvice(overflows: Overflow[], model: TypesetModel): Diagnostic[] {
  return overflows.map((o): Diagnostic => {
    const what =
      o.page !== undefined
        ? `page ${o.page} is ${o.lines} lines over`
        : `${o.articles.join(", ")} (${o.lines} lines) found no page`;
    const room = o.roomiest ? `; page ${o.roomiest.page} has about ${o.roomiest.lines} free lines` : "";
    if (o.fixes.length === 0)
      return {
        severity: "error",
        message: `${what}${room}; no single change found makes the issue fit`,
        hint: "take stories out, shorten them, or add pages",
      };
    const fixes = o.fixes.map((f, i) => `${i > 0 ? "or " : ""}${fixText(f, model)}`);
    const many = o.fixes.length > 1 ? "any one of these makes" : "this makes";
    return { severity: "error", message: `${what}${room}; ${many} the issue fit:`, problems: fixes };
  });
}
