import type { ArticleMetrics, MakeupRules, Module, RuleBreak } from "../types";

// Rule: no headline over `maxHeadLines` lines where a wider module would set it in fewer — a
// narrow module under a tall stack of headline lines. The search pays RULE_BREAK for such a
// module (module/fit-cache.ts); a headline too long for any width is not the make-up's to fix.

/** Lines of the article's headline `span` columns wide, if measured. */
export function headLinesAt(article: ArticleMetrics, span: number): number | undefined {
  const lines = article.headLines;
  if (lines === undefined || lines.length === 0) return undefined;
  return lines[span - 1] ?? lines.at(-1);
}

/** Whether `span` columns set the headline in more lines than allowed while some wider module of
 *  the grid's `columns` would not. */
export function tallHead(article: ArticleMetrics, span: number, columns: number, rules: MakeupRules): boolean {
  const lines = headLinesAt(article, span);
  if (lines === undefined || lines <= rules.maxHeadLines || article.sideHead) return false;
  for (let wider = span + 1; wider <= columns; wider++) {
    if ((headLinesAt(article, wider) ?? lines) <= rules.maxHeadLines) return true;
  }
  return false;
}

/** The rule over a finished page: each module whose headline is too tall for its width. */
export function tallHeads(
  modules: Module[],
  articles: Map<string, ArticleMetrics>,
  columns: number,
  rules: MakeupRules,
): RuleBreak[] {
  return modules.flatMap((m) => {
    const article = articles.get(m.articleId);
    if (article === undefined || m.continuedFrom !== undefined || m.headRows === 0) return [];
    if (!tallHead(article, m.span, columns, rules)) return [];
    const measure = headLinesAt(article, m.span) ?? 0;
    return [{ rule: "tall-head" as const, article: m.articleId, measure, limit: rules.maxHeadLines }];
  });
}
