import { DEFAULTS } from "../config/defaults";
import type { Diagnostic } from "../diagnostics";
import type { IssueData } from "../load";
import { type Advice, adviseFixes, type Fix, type Overflow, PageMemo } from "../makeup";
import type { MakeupInput, MakeupResult } from "../makeup/types";
import type { TypesetModel } from "../typeset/model";

// The make-up's computed fixes for material that does not fit, told as edits of the issue file:
// what to move where, which field to change, which paragraphs to mark (with the characters and
// lines that takes out), with their JSON paths — as lines for people and as typed edits a tool
// can apply (`newsprint plan --json`, layout.json of a build that exits 3).

/** One change of issue.json. Paths name the file as it is: resolve every path of a combination
 *  first, then make the changes. */
export type JsonEdit =
  /** Take the article at `from` out of its list and append it to the list at `to`, without the
   *  fields in `drop` (a pool story's "section" on a page) and with the fields in `add` (the
   *  priority it had by default where it was: a page's first story would otherwise lead). */
  | { op: "move"; from: string; to: string; drop?: string[]; add?: { priority: number } }
  | { op: "set"; path: string; value: number }
  | { op: "remove"; path: string }
  /** Make each body item at `paths` `{ "text": …, "cut": true }`. */
  | { op: "mark-cut"; paths: string[] };

export interface AdviceEdit {
  fix: Fix;
  edit: JsonEdit;
  /** For a cut: the characters (字) of the paragraphs, as the editor counts them. */
  chars?: number;
  text: string;
}

/** What does not fit, where there is room, and the combinations of edits that make it fit. */
export interface AdviceReport {
  overflows: Overflow[];
  /** Each combination makes the whole issue fit, the least destructive first. */
  combinations: AdviceEdit[][];
  /** Make-ups tried, and whether every combination of up to three of the edits was. */
  tried: number;
  complete: boolean;
}

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

function adviceEdit(fix: Fix, model: TypesetModel): AdviceEdit {
  const data = model.issue.data;
  const at = articleJsonPath(data, fix.articleId);
  switch (fix.kind) {
    case "move": {
      const to = `pages[${fix.to - 1}].articles`;
      const pooled = fix.from === undefined && at.startsWith("articles[");
      const section = pooled ? ', without its "section"' : "";
      // A default priority depends on the place (a page's first story is its lead): say it.
      const typeset = model.articles.get(fix.articleId);
      const add = typeset && typeset.article.priority === undefined ? { priority: typeset.priority } : undefined;
      const priority = add ? `, with "priority": ${add.priority}` : "";
      const text = `move ${fix.articleId} (${fix.lines} lines) to page ${fix.to}: from ${at} to the end of ${to}${section}${priority}`;
      const edit: JsonEdit = {
        op: "move",
        from: at,
        to,
        ...(pooled ? { drop: ["section"] } : {}),
        ...(add ? { add } : {}),
      };
      return { fix, edit, text };
    }
    case "jump":
      if (fix.change === "maxJumps") {
        const path = `pages[${fix.page - 1}].maxJumps`;
        const text = `allow ${fix.maxJumps} jumps off page ${fix.page}: "maxJumps": ${fix.maxJumps} at pages[${fix.page - 1}]`;
        return { fix, edit: { op: "set", path, value: fix.maxJumps ?? 0 }, text };
      }
      return fix.change === "jump"
        ? {
            fix,
            edit: { op: "remove", path: `${at}.jump` },
            text: `allow ${fix.articleId} to jump to a later page: remove "jump": false at ${at}`,
          }
        : {
            fix,
            edit: { op: "remove", path: `${at}.jumpTo` },
            text: `let ${fix.articleId} jump to any later page: remove "jumpTo" at ${at}`,
          };
    case "cut": {
      const paragraphs = model.articles.get(fix.articleId)?.paragraphs ?? [];
      const paths = fix.paragraphs.map((p) => `${at}.body[${paragraphs[p]?.source ?? p}]`);
      const chars = fix.paragraphs.reduce(
        (n, p) => n + (paragraphs[p]?.runs.map((r) => r.text.replace(/\u2060/g, "")).join("").length ?? 0),
        0,
      );
      const n = fix.paragraphs.length;
      const text = `cut ${chars} characters (字), ${fix.lines} lines, from ${fix.articleId}: mark ${n} paragraph${n > 1 ? "s" : ""} cuttable, ${paths.join(", ")} as { "text": …, "cut": true }`;
      return { fix, edit: { op: "mark-cut", paths }, chars, text };
    }
    case "any-section":
      return {
        fix,
        edit: { op: "remove", path: `${at}.section` },
        text: `let ${fix.articleId} go on any page: remove "section": "${fix.section}" at ${at}`,
      };
  }
}

/** The search for what would make the issue fit, bounded by a count of make-ups (deterministic),
 *  with a generous clock as a safety net only, sharing the page make-ups already done (`memo`). */
export function advise(
  input: MakeupInput,
  result: MakeupResult,
  model: TypesetModel,
  memo: PageMemo = new PageMemo(),
): AdviceReport {
  const deadline = performance.now() + DEFAULTS.adviceSafetyCapMs;
  const advice = adviseFixes(input, result, { memo, timeLeft: () => performance.now() < deadline });
  return adviceReport(advice, model);
}

/** The make-up's advice as typed edits of the issue file. */
export function adviceReport(advice: Advice, model: TypesetModel): AdviceReport {
  return {
    overflows: advice.overflows,
    combinations: advice.combinations.map((fixes) => fixes.map((fix) => adviceEdit(fix, model))),
    tried: advice.tried,
    complete: advice.complete,
  };
}

/** Per overflow how far over and where there is room; then the combinations of edits that make
 *  the whole issue fit, one an item (its further edits indented under it), or that none does. */
export function overflowAdvice(report: AdviceReport): Diagnostic[] {
  const overflows = report.overflows.map((o): Diagnostic => {
    const what =
      o.page !== undefined
        ? `page ${o.page} is ${o.lines} lines over`
        : `${o.articles.join(", ")} (${o.lines} lines) found no page`;
    const room = o.roomiest ? `; page ${o.roomiest.page} has about ${o.roomiest.lines} free lines` : "";
    return { severity: "error", message: `${what}${room}` };
  });
  const { combinations } = report;
  if (combinations.length === 0) {
    const none = report.complete
      ? "no combination of up to three edits fits"
      : `none of the ${report.tried} combinations of edits tried fits`;
    return [...overflows, { severity: "error", message: none, hint: "take stories out, shorten them, or add pages" }];
  }
  const single = combinations.every((c) => c.length === 1);
  const heading =
    combinations.length === 1
      ? `${single ? "this makes" : "these edits together make"} the issue fit:`
      : `any one of these ${single ? "makes" : "combinations makes"} the issue fit (the least destructive first):`;
  const items = combinations.flatMap((edits, i) =>
    edits.map((e, k) => (k === 0 ? `${i > 0 ? "or " : ""}${e.text}` : `  and ${e.text}`)),
  );
  return [...overflows, { severity: "error", message: heading, problems: items }];
}
