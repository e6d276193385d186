import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAD_CSS, MASTHEAD_CSS } from "../../src/measure/head-css";

// The Node side adds up heads, captions and the masthead from HEAD_CSS and MASTHEAD_CSS; Chromium
// prints them from the stylesheets. Each number must be the stylesheet's, or the two part.

const STYLES = join(import.meta.dirname, "..", "..", "styles");

/** The declarations of a rule whose selector list is exactly `selector`. */
function rule(file: string, selector: string): string {
  const css = readFileSync(join(STYLES, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = new RegExp(`(?:^|})\\s*${escaped}\\s*{([^}]*)}`).exec(css);
  if (!found) throw new Error(`${file} has no rule ${selector}`);
  return found[1] as string;
}

const decl = (body: string, property: string) =>
  new RegExp(`(?:^|;)\\s*${property}:\\s*([^;]+);`).exec(body)?.[1]?.trim();

describe("the numbers Node sets heads and captions by are the stylesheets'", () => {
  it("article.css", () => {
    const c = HEAD_CSS;
    const head = rule("article.css", ".np-head");
    expect(decl(head, "padding")).toBe(
      `calc(var(--pitch) * ${c.head.paddingTop}) 0 calc(var(--pitch) * ${c.head.paddingBottom})`,
    );
    const label = rule("article.css", ".np-label");
    expect(decl(label, "line-height")).toBe(`${c.label.lineHeight}`);
    expect(decl(label, "margin-bottom")).toBe(`${c.label.marginBottom}em`);
    expect(decl(label, "border-bottom")).toBe(`${c.label.borderBottomPt}pt solid var(--color-accent)`);
    expect(decl(rule("article.css", ".np-label span"), "padding")).toBe(`${c.label.paddingY}em ${c.label.paddingX}em`);
    expect(decl(rule("article.css", ".np-kicker"), "line-height")).toBe(`${c.kicker.lineHeight}`);
    const headline = rule("article.css", ".np-headline");
    expect(decl(headline, "line-height")).toBe(`${c.headline.lineHeight}`);
    expect(decl(headline, "letter-spacing")).toBe(`${c.headline.letterSpacing}em`);
    expect(decl(rule("article.css", ".np-headline--short"), "font-size")).toBe(
      `calc(var(--body) * ${c.shortHeadline.size})`,
    );
    const subhead = rule("article.css", ".np-subhead");
    expect(decl(subhead, "line-height")).toBe(`${c.subhead.lineHeight}`);
    expect(decl(subhead, "margin-top")).toBe(`${c.subhead.marginTop}em`);
    const caption = rule("article.css", ".np-caption");
    expect(decl(caption, "line-height")).toBe(`${c.caption.lineHeight}`);
    expect(decl(caption, "padding-top")).toBe(`${c.caption.paddingTop}em`);
    // Every mark full width in heads and captions: the rule Node counts their lines by.
    expect(decl(rule("article.css", ".np-head,\n.np-caption"), "text-spacing-trim")).toBe("space-all");
  });

  it("masthead.css", () => {
    const m = MASTHEAD_CSS;
    const name = rule("masthead.css", ".np-paper-name");
    expect(decl(name, "line-height")).toBe(`${m.name.lineHeight}`);
    expect(decl(name, "letter-spacing")).toBe(`${m.name.letterSpacing}em`);
    const line = rule("masthead.css", ".np-issue-line");
    expect(decl(line, "font-size")).toBe(`calc(var(--body) * ${m.issueLine.size})`);
    expect(decl(line, "line-height")).toBe(`${m.issueLine.lineHeight}`);
    expect(decl(line, "gap")).toBe(`0 ${m.issueLine.gap}em`);
    expect(decl(rule("masthead.css", ".np-issue-line--small"), "font-size")).toBe(
      `calc(var(--body) * ${m.issueLine.smallSize})`,
    );
    const index = rule("masthead.css", ".np-index");
    expect(decl(index, "font-size")).toBe(`calc(var(--body) * ${m.index.size})`);
    expect(decl(index, "line-height")).toBe(`${m.index.lineHeight}`);
    expect(decl(index, "padding")).toBe(`${m.index.paddingY}em 0 ${m.index.paddingY}em var(--gutter)`);
    expect(decl(index, "border-left")).toBe(`${m.index.borderPt}pt solid var(--color-rules)`);
    const title = rule("masthead.css", ".np-index-title");
    expect(decl(title, "margin")).toBe(`0 0 ${m.index.titleMargin}em`);
    expect(decl(title, "font-size")).toBe(`calc(var(--body) * ${m.index.titleSize})`);
    const entry = rule("masthead.css", ".np-index li");
    expect(decl(entry, "gap")).toBe(`${m.index.entryGap}em`);
    expect(decl(entry, "border-bottom")).toBe(`${m.index.ruleBelowPt}pt dotted var(--color-rules)`);
    expect(decl(rule("masthead.css", ".np-masthead"), "border-bottom")).toBe(
      `${m.ruleBelowPt}pt solid var(--color-accent)`,
    );
  });
});
