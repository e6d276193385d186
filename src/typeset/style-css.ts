import { cssString, type HouseStyle, type LangStyle } from "../config/house-style";
import type { Lang } from "../config/style-schema";
import { FONT_ROLES } from "../config/style-schema";
import { type Face, faceStylesheet } from "../fonts/faces";

// The house style as CSS, beside the format's numbers: custom properties the stylesheets read
// (fonts, weights, sizes, colours), scoped per language where an article is set in another one,
// and @font-face rules for font files the paper supplies. Served in /format.css.

function langVars(s: LangStyle): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const role of FONT_ROLES) {
    vars[`--font-${role}`] = s.fonts[role].stack;
    vars[`--weight-${role}`] = String(s.fonts[role].face.weight);
  }
  vars["--indent"] = `${s.indent}em`;
  return vars;
}

function block(selector: string, vars: Record<string, string>): string {
  const decls = Object.entries(vars)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join("\n");
  return `${selector} {\n${decls}\n}\n`;
}

/** The CSS of the house style for an issue whose articles use `langs` besides the issue's own. */
export function styleCss(style: HouseStyle, langs: Iterable<Lang>, fileUrl: (file: string) => string): string {
  const { sizes, colors } = style;
  const root: Record<string, string> = {
    ...langVars(style.langs[style.lang]),
    "--size-caption": String(sizes.caption),
    "--size-credit": String(sizes.credit),
    "--size-label": String(sizes.label),
    "--size-masthead": String(sizes.masthead),
    "--size-header": String(sizes.header),
    "--color-masthead": colors.masthead,
    "--color-accent": colors.accent,
    "--color-rules": colors.rules,
    "--color-section": colors.section,
    "--color-text": colors.text,
  };
  const others = [...new Set(langs)].filter((l) => l !== style.lang);
  const faces = usedFaces(style, [style.lang, ...others]).filter((f) => f.kind === "file");
  const fontFaces = faces.map(
    (f) =>
      `@font-face {\n  font-family: ${cssString(f.family)};\n  font-weight: ${f.weight};\n  font-style: normal;\n  src: url(${cssString(fileUrl(f.file))});\n}\n`,
  );
  return [
    ...fontFaces,
    block(":root", root),
    ...others.map((l) => block(`[lang="${style.langs[l].htmlLang}"]`, langVars(style.langs[l]))),
  ].join("");
}

/** Every face the pages of these languages use, once. */
export function usedFaces(style: HouseStyle, langs: Lang[]): Face[] {
  const seen = new Map<string, Face>();
  for (const lang of langs) {
    for (const role of FONT_ROLES) {
      const face = style.langs[lang].fonts[role].face;
      const key = face.kind === "file" ? `${face.file}:${face.weight}` : `${face.id}:${face.weight}`;
      if (!seen.has(key)) seen.set(key, face);
    }
  }
  return [...seen.values()];
}

/** The @fontsource stylesheets to link, in a stable order. */
export function fontStylesheets(style: HouseStyle, langs: Lang[]): string[] {
  return usedFaces(style, langs)
    .flatMap((f) => (f.kind === "fontsource" ? [faceStylesheet(f)] : []))
    .sort();
}
