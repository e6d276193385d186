import type { PageFormat } from "../load";

// The format's numbers as CSS: the page size for Paged.js and custom properties for the
// stylesheets, which thus stay free of magic sizes.
export function formatCss(f: PageFormat): string {
  const vars: Record<string, string> = {
    "--page-w": `${f.widthMm}mm`,
    "--page-h": `${f.heightMm}mm`,
    "--area-left": `${f.areaLeft}pt`,
    "--area-top": `${f.areaTop}pt`,
    "--area-width": `${f.areaWidth}pt`,
    "--area-height": `${f.areaHeight}pt`,
    "--body": `${f.bodySize}pt`,
    "--pitch": `${f.linePitch}pt`,
    "--pitch-px": `${(f.linePitch * 4) / 3}`,
    "--col-w": `${f.columnWidth}pt`,
    "--gutter": `${f.gutter}pt`,
  };
  const decls = Object.entries(vars)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join("\n");
  // The paged-media rules Paged.js reads (it reads only this sheet): the page size, and a page for
  // each made-up page.
  const paged = `@page { size: ${f.widthMm}mm ${f.heightMm}mm; margin: 0; }\n.np-page { break-after: page; }\n`;
  return `${paged}:root {\n${decls}\n}\n`;
}
