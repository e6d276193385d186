import { InputError } from "../errors";
import { bodyText, type IssueData } from "../load";
import { missingGlyphs } from "../typography/coverage";

// A character the bundled fonts lack would print as a box or fall back to a system font (which
// Chromium may embed as Type 3). Report it with the article instead, before anything is made up.

export interface MissingGlyph {
  articleId: string;
  chars: string[];
}

export class GlyphError extends InputError {
  override name = "GlyphError";
  constructor(readonly missing: MissingGlyph[]) {
    super(
      missing
        .map(
          (m) =>
            `article ${m.articleId}: the fonts have no glyph for ${m.chars
              .map((c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`)
              .join(", ")}`,
        )
        .join("\n"),
    );
  }
}

function articleText(a: IssueData["pages"][number]["articles"][number]): string {
  const body = a.body.map(bodyText);
  const images = a.images.flatMap((i) => [i.caption ?? "", i.credit ?? ""]);
  return [a.kicker, a.headline, a.subhead, a.label, a.dateline, a.byline, ...body, ...images].join("");
}

export function findMissingGlyphs(issue: IssueData): MissingGlyph[] {
  const out: MissingGlyph[] = [];
  for (const page of issue.pages) {
    for (const a of page.articles) {
      const chars = missingGlyphs(articleText(a));
      if (chars.length) out.push({ articleId: a.id, chars });
    }
  }
  const paperChars = missingGlyphs(
    [
      issue.paper.name,
      issue.paper.publisher ?? "",
      ...issue.pages.map((p) => `${p.section ?? ""}${p.editor ?? ""}${p.designer ?? ""}${p.proofreader ?? ""}`),
    ].join(""),
  );
  if (paperChars.length) out.push({ articleId: "(paper and page fields)", chars: paperChars });
  return out;
}
