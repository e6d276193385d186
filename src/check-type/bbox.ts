// Parses the XHTML that `pdftotext -bbox-layout` writes: pages of blocks of lines of words, each with
// its box in PDF points measured from the page's top-left corner. For CJK text a "word" is a run of
// characters that pdftotext found close together, so a justified line may come as several words.
// The words are exact; pdftotext's lines and blocks are not always (see columns.ts).

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface BboxWord extends Box {
  text: string;
}

export interface BboxLine extends Box {
  words: BboxWord[];
}

export interface BboxBlock extends Box {
  lines: BboxLine[];
}

export interface BboxPage {
  /** 1-based number of the page in the PDF. */
  number: number;
  width: number;
  height: number;
  blocks: BboxBlock[];
}

const TAG = /<(page|block|line|word)\b([^>]*)>(?:([^<]*)<\/word>)?/g;
const ATTR = /(\w+)="([^"]*)"/g;

/** Reads the pages of a bbox-layout document; `firstPage` numbers them when pdftotext ran with -f. */
export function parseBboxLayout(xhtml: string, firstPage = 1): BboxPage[] {
  const pages: BboxPage[] = [];
  let block: BboxBlock | undefined;
  let line: BboxLine | undefined;
  for (const m of xhtml.matchAll(TAG)) {
    const attrs = parseAttrs(m[2] ?? "");
    switch (m[1]) {
      case "page":
        pages.push({
          number: firstPage + pages.length,
          width: attrs.width ?? 0,
          height: attrs.height ?? 0,
          blocks: [],
        });
        block = undefined;
        line = undefined;
        break;
      case "block":
        block = { ...toBox(attrs), lines: [] };
        pages.at(-1)?.blocks.push(block);
        line = undefined;
        break;
      case "line":
        line = { ...toBox(attrs), words: [] };
        block?.lines.push(line);
        break;
      case "word":
        line?.words.push({ ...toBox(attrs), text: decodeEntities(m[3] ?? "") });
        break;
    }
  }
  return pages;
}

function parseAttrs(source: string): Record<string, number> {
  const attrs: Record<string, number> = {};
  for (const [, name, value] of source.matchAll(ATTR)) {
    if (name !== undefined) attrs[name] = Number(value);
  }
  return attrs;
}

function toBox(attrs: Record<string, number>): Box {
  return { xMin: attrs.xMin ?? 0, yMin: attrs.yMin ?? 0, xMax: attrs.xMax ?? 0, yMax: attrs.yMax ?? 0 };
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

// Invisible characters pdftotext passes through (U+2060 from protectBreaks, soft hyphens, ZWSP).
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014-\u2026\u00b7]/u;

/** The line's visible text: words joined with a space only between two non-CJK words. */
export function lineText(line: BboxLine): string {
  let text = "";
  for (const word of line.words) {
    const w = word.text.replace(INVISIBLE, "");
    if (w === "") continue;
    const last = [...text].at(-1);
    const needsSpace = last !== undefined && !WIDE.test(last) && !WIDE.test([...w][0] ?? "");
    text += needsSpace ? ` ${w}` : w;
  }
  return text.trim();
}

/** True for a character set in a full-width (CJK) cell. */
export function isWide(char: string): boolean {
  return WIDE.test(char);
}
