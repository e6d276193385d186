import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { appFile } from "../app-root";

// The e-paper's templates, which a designer edits: templates/epaper/*.hbs, their partials in
// templates/epaper/partials/. Read per call, like the pages' templates.

export type Template = (context: unknown) => string;

export interface EpaperTemplates {
  home: Template;
  issue: Template;
  page: Template;
  story: Template;
}

export const EPAPER_TEMPLATES_DIR = appFile("templates/epaper");

export function loadEpaperTemplates(dir = EPAPER_TEMPLATES_DIR): EpaperTemplates {
  const hb = Handlebars.create();
  const partials = join(dir, "partials");
  for (const file of readdirSync(partials)) {
    if (file.endsWith(".hbs")) hb.registerPartial(basename(file, ".hbs"), readFileSync(join(partials, file), "utf8"));
  }
  const compile = (name: string): Template => hb.compile(readFileSync(join(dir, `${name}.hbs`), "utf8"));
  return { home: compile("home"), issue: compile("issue"), page: compile("page"), story: compile("story") };
}
