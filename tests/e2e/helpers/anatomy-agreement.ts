import { type ArticleData, bodyText, type IssueData } from "../../../src/load";
import { FULL_WIDTH, findHalfWidthPunctuation } from "../../../src/typography/punctuation";

// How far imported articles agree with the sample issues made by hand from the same corpus, field
// by field; and the character count that proves nothing of a source was lost.

export const FIELDS = ["headline", "kicker", "subhead", "dateline", "byline", "label", "captions", "body"] as const;
export type Field = (typeof FIELDS)[number];

/** Without white space, and half-width punctuation between Chinese characters read as full-width:
 *  the anatomy is compared, not whether the corpus' "(街道)" was set right (issue 22, 3). */
const compact = (s: string): string => {
  const chars = s.split("");
  for (const m of findHalfWidthPunctuation(s)) chars[m.at] = FULL_WIDTH[m.mark] ?? m.mark;
  return chars.join("").replace(/\s+/g, "");
};

function value(a: ArticleData, field: Field): string {
  if (field === "captions")
    return a.images
      .map((i) => `${i.caption ?? ""}|${i.credit ?? ""}`)
      .filter((c) => c !== "|")
      .join("\n");
  if (field === "body")
    return a.body.map((b) => (typeof b === "object" && "subhead" in b ? `#${b.subhead}` : bodyText(b))).join("\n");
  return a[field] ?? "";
}

/** Text that identifies an article whatever its head: its body, else its captions. */
function key(a: ArticleData): string {
  return compact(a.body.map(bodyText).join("") || value(a, "captions"));
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export interface Agreement {
  total: number;
  agree: Record<Field, number>;
  /** Each disagreement: sample id, field, hand-made value, imported value. */
  differences: { id: string; field: Field; sample: string; imported: string }[];
  unmatched: string[];
}

/** Pairs each hand-made article with the imported one whose text it shares most, then compares. */
export function agreement(samples: ArticleData[], imported: ArticleData[]): Agreement {
  const agree = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const result: Agreement = { total: samples.length, agree, differences: [], unmatched: [] };
  for (const s of samples) {
    const k = key(s);
    let best: ArticleData | undefined;
    let bestLen = 0;
    for (const a of imported) {
      const n = commonPrefix(k, key(a));
      if (n > bestLen) [best, bestLen] = [a, n];
    }
    if (!best || bestLen < Math.min(20, k.length)) {
      result.unmatched.push(s.id);
      continue;
    }
    for (const f of FIELDS) {
      const [want, got] = [value(s, f), value(best, f)];
      if (compact(want) === compact(got)) agree[f]++;
      else result.differences.push({ id: s.id, field: f, sample: want, imported: got });
    }
  }
  return result;
}

export function formatAgreement(a: Agreement): string {
  return FIELDS.map((f) => `${f} ${a.agree[f]}/${a.total}`).join(", ");
}

/** Every article of an issue: on its pages, then in the story pool. */
export function allArticles(issue: IssueData): ArticleData[] {
  return [...issue.pages.flatMap((p) => p.articles), ...issue.articles];
}

/** Every text of an issue that prints. */
export function printedTexts(issue: IssueData): string[] {
  return [allArticles(issue)].flatMap((articles) =>
    articles.flatMap((a) => [
      a.label ?? "",
      a.kicker ?? "",
      a.headline ?? "",
      a.subhead ?? "",
      a.dateline ?? "",
      ...a.body.map(bodyText),
      a.byline ?? "",
      ...a.images.flatMap((i) => [i.caption ?? "", i.credit ?? ""]),
    ]),
  );
}

/** Characters and how often each occurs, white space and the brackets a credit is printed in left out,
 *  full- and half-width punctuation counted as one. */
export function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of compact(text).replace(/[\s（）()]/g, "")) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Characters of `source` that `target` has fewer of (nothing lost: empty). */
export function missingCharacters(source: string, target: string): string[] {
  const have = characterCounts(target);
  const missing: string[] = [];
  for (const [c, n] of characterCounts(source))
    if ((have.get(c) ?? 0) < n) missing.push(`${c}×${n - (have.get(c) ?? 0)}`);
  return missing;
}
