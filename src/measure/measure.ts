import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { appFile } from "../app-root";
import type { Session } from "../browser/session";
import type { Issue } from "../load";
import type { ArticleMetrics, BodyLine } from "../makeup/types";
import { PAGEDJS_SCRIPT, STYLES_DIR, STYLESHEETS } from "../render/assets";
import { bodyOf } from "../render/html-parts";
import type { Template } from "../render/templates";
import { type Paragraph, paragraphsOf } from "./content";
import { headView, type MastheadView, priorityOf, spanWidth } from "./views";

// One measuring pass per build: every article's body at the column width (where Chromium breaks
// each line), its head at every span, its captions at every span, and the masthead. The make-up
// then solves from these numbers without asking the browser again.

export interface MeasuredArticle {
  metrics: ArticleMetrics;
  paragraphs: Paragraph[];
  /** Per paragraph, text offsets where its lines start. */
  lineStarts: number[][];
}

export interface Measurements {
  articles: Map<string, MeasuredArticle>;
  mastheadRows: number;
}

export interface MeasureInput {
  issue: Issue;
  session: Session;
  template: Template;
  protect: (text: string) => string;
  /** Source aspect ratio (width / height) of each article's photos. */
  aspects: Map<string, number[]>;
  masthead?: MastheadView;
}

const MEASURE_SCRIPT = readFileSync(appFile("src/measure/measure.browser.js"), "utf8");

interface RawArticle {
  paragraphs: { starts: number[]; lines: number }[];
  heads: Record<string, number>;
  captions: Record<string, number>;
}

export async function measure(input: MeasureInput): Promise<Measurements> {
  const { issue, session, template } = input;
  const f = issue.format;
  const spans = Array.from({ length: f.columns }, (_, i) => i + 1);
  const prepared = issue.data.pages.flatMap((page, p) =>
    page.articles.map((article, i) => ({
      article,
      page: p,
      priority: priorityOf(article, i),
      order: i,
      paragraphs: paragraphsOf(article, input.protect),
    })),
  );
  const html = template({
    stylesheets: STYLESHEETS,
    pagedScript: PAGEDJS_SCRIPT,
    masthead: input.masthead,
    articles: prepared.map(({ article, priority, paragraphs }) => ({
      id: article.id,
      paragraphs: paragraphs.map((p) => ({ kind: p.kind, runs: p.runs })),
      heads: spans.flatMap((span) => [
        { span, width: spanWidth(f, span), ...headView(article, priority, span, f) },
        { span, width: spanWidth(f, span), ...headView(article, priority, span, f, 0) },
      ]),
      captions: article.images.flatMap((img, image) =>
        img.caption || img.credit
          ? spans.map((span) => ({
              image,
              span,
              width: spanWidth(f, span),
              caption: img.caption,
              credit: img.credit,
            }))
          : [],
      ),
    })),
  });
  session.server.setDocument("/measure.html", html);
  // The session's working page stays open: the render reuses its decoded fonts, and a later
  // measure (the preview's rebuilds) swaps the body in place while the stylesheets are unchanged.
  const { page, errors } = await session.workPage();
  const version = stylesVersion(html, issue);
  const reusable = page.url().endsWith("/measure.html") && (await page.evaluate("window.__npVersion")) === version;
  if (reusable) {
    await page.evaluate(`(body => { document.body.innerHTML = body; })(${JSON.stringify(bodyOf(html))})`);
  } else {
    await page.goto(`${session.server.url}/measure.html`, { waitUntil: "load" });
    await page.evaluate(`window.__npVersion = ${JSON.stringify(version)}`);
  }
  const raw = (await page.evaluate(`${MEASURE_SCRIPT}\nmeasureAll()`)) as {
    pitchPx: number;
    masthead: number;
    articles: Record<string, RawArticle>;
  };
  if (errors.length) throw new Error(`measuring page failed: ${errors.join("; ")}`);
  const pitch = raw.pitchPx;
  const rows = (px: number) => Math.ceil(px / pitch - 0.02);
  const articles = new Map<string, MeasuredArticle>();
  for (const item of prepared) {
    const m = raw.articles[item.article.id];
    if (!m) throw new Error(`article ${item.article.id} was not measured`);
    const lines = bodyLines(
      item.paragraphs,
      m.paragraphs.map((p) => p.starts.length),
    );
    const aspects = input.aspects.get(item.article.id) ?? [];
    articles.set(item.article.id, {
      paragraphs: item.paragraphs,
      lineStarts: m.paragraphs.map((p) => p.starts),
      metrics: {
        id: item.article.id,
        priority: item.priority,
        order: item.order,
        headRows: spans.map((s) => rows(m.heads[`${s}`] ?? 0)),
        continuationHeadRows: spans.map((s) => rows(m.heads[`${s}c`] ?? 0)),
        lines,
        images: item.article.images.map((_, i) => ({
          aspect: aspects[i] ?? 1.5,
          captionRows: spans.map((s) => rows(m.captions[`${i}:${s}`] ?? 0)),
        })),
        columns: item.article.columns,
        minLines: item.article.minLines,
      },
    });
  }
  return { articles, mastheadRows: rows(raw.masthead) };
}

/** What the measuring page's layout depends on besides its body: head, stylesheets, format. */
function stylesVersion(html: string, issue: Issue): string {
  const hash = createHash("sha256")
    .update(html.slice(0, html.indexOf("<body")))
    .update(JSON.stringify(issue.format));
  for (const file of readdirSync(STYLES_DIR).sort()) hash.update(`${file}:${statSync(join(STYLES_DIR, file)).mtimeMs}`);
  return hash.digest("hex");
}

function bodyLines(paragraphs: Paragraph[], counts: number[]): BodyLine[] {
  const lines: BodyLine[] = [];
  paragraphs.forEach((p, index) => {
    const n = counts[index] ?? 1;
    for (let i = 0; i < n; i++) {
      lines.push({ paragraph: index, first: i === 0, last: i === n - 1, keepWithNext: p.kind === "subhead" });
    }
  });
  return lines;
}
