import { isNode, parseDocument, visit } from "yaml";

// Markdown front matter is YAML and nothing else. gray-matter, which read it before, also runs a
// front matter that opens with ---js or ---javascript as JavaScript: a reporter's file could run
// any command on the desk's machine. Here the opening line names no language or YAML's, and the
// YAML is read with the yaml package's core schema: plain strings, numbers, booleans, lists and maps, no
// tags that build objects or run code.

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  content: string;
  /** Lines the front matter took (its delimiters included): the content's first line is this + 1. */
  lines: number;
}

/** Why the front matter cannot be read; the caller names the file. */
export class FrontMatterProblem extends Error {
  override name = "FrontMatterProblem";
}

const OPENING = /^---[ \t]*([^\s-][^\r\n]*?)?[ \t]*\r?\n/;

export function splitFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, "");
  const open = OPENING.exec(text);
  if (!open) return { data: {}, content: text, lines: 0 };
  const language = open[1]?.trim();
  if (language && !/^ya?ml$/i.test(language))
    throw new FrontMatterProblem(
      `the front matter is marked "${language.slice(0, 20)}": only YAML front matter is read (a front matter in ${language.slice(0, 20)} could run code)`,
    );
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  // Without a closing --- the opening one is a rule between stories, not a front matter.
  if (!close) return { data: {}, content: text, lines: 0 };
  const yamlText = rest.slice(0, close.index);
  const after = rest.slice(close.index + close[0].length).replace(/^\r?\n/, "");
  const lines = text.slice(0, text.length - after.length).match(/\n/g)?.length ?? 0;
  const doc = parseDocument(yamlText, { schema: "core", logLevel: "silent", prettyErrors: false });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? "" : ` at line ${(yamlText.slice(0, offset).match(/\n/g)?.length ?? 0) + 2}`;
  const fault = doc.errors[0];
  if (fault)
    throw new FrontMatterProblem(
      `the front matter is not valid YAML${lineOf(fault.pos[0])}: ${fault.message.split("\n")[0]}`,
    );
  // Any explicit tag (!!js/function, !!binary…) builds something other than plain data: refused,
  // whether or not the library knows it.
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag)
      throw new FrontMatterProblem(
        `the front matter has an unknown tag${lineOf(node.range?.[0])}: ${node.tag.slice(0, 40)}`,
      );
  });
  let data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new FrontMatterProblem("the front matter is not a list of fields (key: value lines)");
  return { data: data as Record<string, unknown>, content: after, lines };
}
