import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { TEMPLATES_DIR } from "./assets";

// One Handlebars environment for the measuring page and the final pages, so both set the same
// markup. Templates are read per call: the live preview picks up a designer's edits.

export type Template = (context: unknown) => string;

/** The measuring page and the issue's pages, both made of the same partials. */
export interface Templates {
  issue: Template;
  measure: Template;
}

export function loadTemplates(dir = TEMPLATES_DIR): Templates {
  const hb = Handlebars.create();
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  // A head's lines as the editor broke them (标题转行).
  hb.registerHelper("headLines", (text: unknown) => String(text ?? "").split("\n"));
  hb.registerHelper("phrases", (text: unknown) =>
    String(text ?? "")
      .split(/[\s\u3000]+/)
      .filter(Boolean),
  );
  const partials = join(dir, "partials");
  for (const file of readdirSync(partials)) {
    if (file.endsWith(".hbs")) hb.registerPartial(basename(file, ".hbs"), readFileSync(join(partials, file), "utf8"));
  }
  const compile = (name: string): Template =>
    hb.compile(readFileSync(join(dir, `${name}.hbs`), "utf8"), { strict: false, noEscape: false });
  return { issue: compile("issue"), measure: compile("measure") };
}
