import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lexer, type Token, type Tokens, walkTokens } from "marked";
import { describe, expect, it } from "vitest";

// The README is the way in and docs/ the reference behind it: a link that points at a moved file or
// a renamed heading leaves the reader at a dead end. Markdown is read by marked, as GitHub would
// read it (code blocks hold no links), and headings are matched by GitHub's anchor rule.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DOCS = join(ROOT, "docs");
const docFiles = readdirSync(DOCS)
  .filter((name) => name.endsWith(".md"))
  .map((name) => join(DOCS, name));
const markdownFiles = [join(ROOT, "README.md"), ...docFiles];

/** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replaceAll(" ", "-");
}

function plainText(tokens: Token[]): string {
  return tokens.map((t) => ("tokens" in t && t.tokens ? plainText(t.tokens) : "text" in t ? t.text : "")).join("");
}

/** The anchors of a Markdown text's headings; a repeated one gets -1, -2… as on GitHub. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const token of lexer(markdown)) {
    if (token.type !== "heading") continue;
    const base = anchorOf(plainText((token as Tokens.Heading).tokens));
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** The relative links and images of `markdown` (the text of `file`) that lead nowhere. */
function brokenLinks(file: string, markdown: string): string[] {
  const targets: string[] = [];
  walkTokens(lexer(markdown), (token) => {
    if (token.type === "link" || token.type === "image") targets.push((token as Tokens.Link).href);
  });
  return targets
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href)) // http:, https:, mailto: …
    .filter((href) => {
      const [path = "", fragment] = href.split("#");
      if (path === "") return !anchorsOf(markdown).has(fragment ?? "");
      const target = resolve(dirname(file), decodeURIComponent(path));
      if (relative(ROOT, target).startsWith("..") || !existsSync(target)) return true;
      if (fragment === undefined) return false;
      return !statSync(target).isFile() || !anchorsOf(readFileSync(target, "utf8")).has(fragment);
    })
    .map((href) => `${relative(ROOT, file)}: ${href}`);
}

describe("links between the README and docs/", () => {
  it("are checked for their file and their heading", () => {
    const page = join(DOCS, "example.md");
    const text = [
      "# The flatplan: `newsprint plan`",
      "[here](#the-flatplan-newsprint-plan) [gone](#no-such-heading) [site](https://example.org/x.md)",
      "[readme](../README.md) [src](../src/load) [moved](missing.md) [outside](../../elsewhere.md)",
      "[a heading there](../README.md#no-such-heading)",
      "    [in a code block](not-a-link.md)",
    ].join("\n\n");
    expect(brokenLinks(page, text)).toEqual([
      "docs/example.md: #no-such-heading",
      "docs/example.md: missing.md",
      "docs/example.md: ../../elsewhere.md",
      "docs/example.md: ../README.md#no-such-heading",
    ]);
  });

  it("all lead somewhere", () => {
    expect(markdownFiles.flatMap((file) => brokenLinks(file, readFileSync(file, "utf8")))).toEqual([]);
  });

  it("reach every page of docs/ from the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(docFiles.length).toBeGreaterThan(0);
    expect(docFiles.map((f) => relative(ROOT, f)).filter((f) => !readme.includes(`(${f})`))).toEqual([]);
  });
});
