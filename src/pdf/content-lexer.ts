// A lexer for PDF content streams, just enough to find operators and their operands without
// disturbing anything else: every token keeps its byte offsets so that a rewriter can copy the
// untouched text verbatim. Streams are handled as latin1 strings (one char per byte).

export type TokenKind = "number" | "name" | "string" | "hex" | "array-open" | "array-close" | "dict" | "op";

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

/** One operator with its operands; `start` is where its first operand (or the operator) begins. */
export interface Instruction {
  op: string;
  operands: Token[];
  start: number;
  end: number;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));

function isRegular(code: number): boolean {
  return !WHITESPACE.has(code) && !DELIMITERS.has(code);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export class ContentLexer {
  private pos = 0;

  constructor(private readonly src: string) {}

  /** Next token, or undefined at the end. Comments and whitespace are skipped. */
  next(): Token | undefined {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && WHITESPACE.has(s.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= s.length) return undefined;
      if (s[this.pos] !== "%") break;
      while (this.pos < s.length && s[this.pos] !== "\n" && s[this.pos] !== "\r") this.pos++;
    }
    const start = this.pos;
    const c = s[start];
    if (c === "(") return this.token("string", start, this.endOfLiteralString(start));
    if (c === "<" && s[start + 1] === "<") return this.token("dict", start, start + 2);
    if (c === ">" && s[start + 1] === ">") return this.token("dict", start, start + 2);
    if (c === "<") {
      const close = s.indexOf(">", start);
      return this.token("hex", start, close < 0 ? s.length : close + 1);
    }
    if (c === "[") return this.token("array-open", start, start + 1);
    if (c === "]") return this.token("array-close", start, start + 1);
    if (c === "{" || c === "}" || c === ")" || c === ">") return this.token("op", start, start + 1);
    let end = start + 1;
    if (c === "/") {
      while (end < s.length && isRegular(s.charCodeAt(end))) end++;
      return this.token("name", start, end);
    }
    while (end < s.length && isRegular(s.charCodeAt(end))) end++;
    const text = s.slice(start, end);
    return this.token(NUMBER.test(text) ? "number" : "op", start, end);
  }

  /** After an `ID` operator: skips the binary data of an inline image up to and including `EI`. */
  skipInlineImageData(): number {
    const s = this.src;
    // One whitespace byte follows ID; the data ends at whitespace + EI + whitespace/end.
    let i = this.pos + 1;
    for (;;) {
      const at = s.indexOf("EI", i);
      if (at < 0) {
        this.pos = s.length;
        return this.pos;
      }
      const before = s.charCodeAt(at - 1);
      const after = at + 2 >= s.length ? 0x20 : s.charCodeAt(at + 2);
      if (WHITESPACE.has(before) && (WHITESPACE.has(after) || DELIMITERS.has(after))) {
        this.pos = at + 2;
        return this.pos;
      }
      i = at + 2;
    }
  }

  private token(kind: TokenKind, start: number, end: number): Token {
    this.pos = end;
    return { kind, text: this.src.slice(start, end), start, end };
  }

  private endOfLiteralString(start: number): number {
    const s = this.src;
    let depth = 0;
    for (let i = start; i < s.length; i++) {
      const ch = s[i];
      if (ch === "\\") i++;
      else if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0) return i + 1;
    }
    return s.length;
  }
}

/**
 * Splits a content stream into instructions. Arrays and dictionaries become single operand tokens
 * (their full text); inline images (BI … ID … EI) become one instruction with op "BI" whose
 * operands are the tokens of the image dictionary.
 */
export function* instructions(src: string): Generator<Instruction> {
  const lexer = new ContentLexer(src);
  let operands: Token[] = [];
  let depth = 0;
  let groupStart = 0;
  for (let tok = lexer.next(); tok; tok = lexer.next()) {
    if (tok.kind === "array-open" || (tok.kind === "dict" && tok.text === "<<")) {
      if (depth++ === 0) groupStart = tok.start;
      continue;
    }
    if (tok.kind === "array-close" || (tok.kind === "dict" && tok.text === ">>")) {
      if (depth > 0 && --depth === 0) {
        const text = src.slice(groupStart, tok.end);
        operands.push({ kind: tok.kind === "dict" ? "dict" : "array-open", text, start: groupStart, end: tok.end });
      }
      continue;
    }
    if (depth > 0) continue;
    if (tok.kind !== "op") {
      operands.push(tok);
      continue;
    }
    const start = operands[0]?.start ?? tok.start;
    if (tok.text === "BI") {
      // The image dictionary's keys and values up to ID become the operands; the data is skipped.
      const dict: Token[] = [];
      let t = lexer.next();
      while (t && !(t.kind === "op" && t.text === "ID")) {
        dict.push(t);
        t = lexer.next();
      }
      const end = lexer.skipInlineImageData();
      yield { op: "BI", operands: dict, start, end };
    } else {
      yield { op: tok.text, operands, start, end: tok.end };
    }
    operands = [];
  }
}
