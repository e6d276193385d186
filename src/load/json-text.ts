import * as jsonc from "jsonc-parser";
import { jsonPath } from "./errors";

// issue.json as a value, with what JSON.parse does not say: where a syntax error is (line, column
// and the line's text), which keys appear twice in one object (JSON.parse keeps the last one
// silently), and the literal text of a value (a number too large for a double reads as Infinity).

export interface JsonProblem {
  path: string;
  expected: string;
  found: string;
}

export interface ParsedJson {
  value?: unknown;
  problems: JsonProblem[];
  /** The literal text of the value at a path, as written in the file. */
  literalAt(path: readonly PropertyKey[]): string | undefined;
}

const STRICT: jsonc.ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export function parseJson(text: string): ParsedJson {
  let tree: jsonc.Node | undefined;
  const literalAt = (path: readonly PropertyKey[]) => {
    tree ??= jsonc.parseTree(text, [], STRICT);
    const node = tree && jsonc.findNodeAtLocation(tree, path as (string | number)[]);
    return node ? text.slice(node.offset, node.offset + node.length) : undefined;
  };
  if (text.trim() === "")
    return { problems: [{ path: "", expected: "an issue as JSON", found: "an empty file" }], literalAt };
  // A file that is not JSON at all (a text file, /etc/passwd named as a style) is not quoted.
  if (!/^\s*[{[]/.test(text))
    return {
      problems: [{ path: "", expected: "valid JSON: an object in { }", found: "a file that does not start with {" }],
      literalAt,
    };
  const tooDeep = nestingTooDeep(text);
  if (tooDeep) return { problems: [tooDeep], literalAt };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problems: [syntaxProblem(text, err as Error)], literalAt };
  }
  return { value, problems: duplicateKeys(text), literalAt };
}

function position(text: string, offset: number): { line: number; column: number; lineText: string } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const start = before.lastIndexOf("\n") + 1;
  const end = text.indexOf("\n", offset);
  const lineText = text.slice(start, end < 0 ? undefined : end).replace(/\r$/, "");
  return { line, column: [...text.slice(start, offset)].length + 1, lineText };
}

const EXPECTED: Record<string, string> = {
  InvalidSymbol: "a JSON value",
  InvalidNumberFormat: "a number",
  PropertyNameExpected: "a field name in double quotes",
  ValueExpected: "a value",
  ColonExpected: "a colon after the field name",
  CommaExpected: "a comma",
  CloseBraceExpected: "a closing }",
  CloseBracketExpected: "a closing ]",
  EndOfFileExpected: "the end of the file",
  InvalidCommentToken: "no comments (JSON has none)",
  UnexpectedEndOfComment: "no comments (JSON has none)",
  UnexpectedEndOfString: "a closing double quote",
  UnexpectedEndOfNumber: "a number",
  InvalidUnicode: "a \\uXXXX escape of four hex digits",
  InvalidEscapeCharacter: 'an escape such as \\n, \\t, \\" or \\\\',
  InvalidCharacter: "no control characters inside a string",
};

function syntaxProblem(text: string, err: Error): JsonProblem {
  let first: { code: string; offset: number; length: number } | undefined;
  jsonc.visit(
    text,
    {
      onError(code, offset, length) {
        first ??= { code: jsonc.printParseErrorCode(code), offset, length };
      },
    },
    STRICT,
  );
  // jsonc-parser and JSON.parse agree on what JSON is; should they not, JSON.parse's word stands.
  if (!first) return { path: "", expected: "valid JSON", found: err.message };
  const { line, column, lineText } = position(text, first.offset);
  const token = text.slice(first.offset, first.offset + Math.max(first.length, 1));
  const shown = first.offset >= text.length ? "the end of the file" : JSON.stringify(token.slice(0, 20));
  let expected = EXPECTED[first.code] ?? "valid JSON";
  const trailingComma = /,\s*$/.test(text.slice(0, first.offset)) && (token === "}" || token === "]");
  if (trailingComma) expected = `no comma before ${token}`;
  return { path: "", expected: `valid JSON: ${expected}`, found: `${shown} at ${where(line, column, lineText)}` };
}

function where(line: number, column: number, lineText: string): string {
  const text = lineText.trim();
  const quoted = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `line ${line}, column ${column}${quoted ? `: ${quoted}` : ""}`;
}

/** An issue nests a few levels; thousands would overflow the stack of every recursive reader. */
const MAX_DEPTH = 64;

function nestingTooDeep(text: string): JsonProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (++depth > MAX_DEPTH) {
        const { line, column, lineText } = position(text, i);
        return {
          path: "",
          expected: `objects and arrays nested at most ${MAX_DEPTH} deep`,
          found: `deeper nesting at ${where(line, column, lineText)}`,
        };
      }
    } else if (c === "}" || c === "]") depth--;
  }
  return undefined;
}

/** Keys written twice in one object, each with every line and column it appears at. */
function duplicateKeys(text: string): JsonProblem[] {
  const open: { path: jsonc.JSONPath; keys: Map<string, { line: number; column: number }[]> }[] = [];
  const problems: JsonProblem[] = [];
  jsonc.visit(
    text,
    {
      onObjectBegin(_offset, _length, _line, _character, pathSupplier) {
        open.push({ path: pathSupplier(), keys: new Map() });
      },
      onObjectProperty(key, _offset, _length, line, character) {
        const keys = open.at(-1)?.keys;
        const seen = keys?.get(key) ?? [];
        seen.push({ line: line + 1, column: character + 1 });
        keys?.set(key, seen);
      },
      onObjectEnd() {
        const object = open.pop();
        for (const [key, seen] of object?.keys ?? []) {
          if (seen.length < 2) continue;
          const where = seen.map((s) => `line ${s.line}, column ${s.column}`).join(" and ");
          problems.push({
            path: jsonPath([...(object?.path ?? []), key]),
            expected: "each field once in an object",
            found: `"${key}" ${seen.length} times, at ${where} (only the last would count)`,
          });
        }
      },
    },
    STRICT,
  );
  return problems;
}
