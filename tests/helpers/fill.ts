import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import type { PageFormat } from "../../src/load";
import type { Layout } from "../../src/makeup/types";

const run = promisify(execFile);

// The empty share of the type area, measured on the PDF itself: the type area is cut into grid
// cells (a column × a body line, gutters left out). A cell that no module covers is a hole; a
// cell of a text column with no ink at all is empty. Head blocks, photos with their captions and
// reserved areas (the masthead) are design space and count as used.

export interface PageFill {
  page: number;
  emptyCells: number;
  cells: number;
  emptyShare: number;
}

/** Per page, per cell: "design" (head, photo, reserved), "text" (must show ink) or undefined (hole). */
function cellRoles(
  layout: Layout,
  f: PageFormat,
  page: number,
  reservedRows: number,
): ("design" | "text" | undefined)[] {
  const roles: ("design" | "text" | undefined)[] = new Array(f.rows * f.columns).fill(undefined);
  const set = (col: number, row: number, role: "design" | "text") => {
    if (col >= 0 && col < f.columns && row >= 0 && row < f.rows) roles[row * f.columns + col] = role;
  };
  for (let row = 0; row < reservedRows; row++) for (let col = 0; col < f.columns; col++) set(col, row, "design");
  for (const m of layout.pages[page - 1]?.modules ?? []) {
    for (let r = 0; r < m.rows; r++)
      for (let c = 0; c < m.span; c++) set(m.col + c, m.row + r, r < m.headRows ? "design" : "text");
    for (const img of m.images) {
      for (let r = 0; r < img.photoRows + img.captionRows; r++) {
        for (let c = 0; c < img.span; c++) set(m.col + img.col + c, m.row + img.row + r, "design");
      }
    }
  }
  return roles;
}

export async function measureFill(
  pdf: string,
  f: PageFormat,
  layout: Layout,
  reserved: Map<number, number> = new Map(),
): Promise<PageFill[]> {
  const dpi = 72; // 1 px = 1 pt: a 10 pt line is 15 px high, enough to see ink.
  const dir = await mkdtemp(join(tmpdir(), "newsprint-fill-"));
  try {
    await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", pdf, join(dir, "p")], { timeout: 120_000 });
    const files = (await readdir(dir)).filter((n) => n.endsWith(".png")).sort();
    const out: PageFill[] = [];
    for (const [i, file] of files.entries()) {
      const { data, info } = await sharp(join(dir, file)).greyscale().raw().toBuffer({ resolveWithObject: true });
      const page = i + 1;
      const roles = cellRoles(layout, f, page, reserved.get(page) ?? 0);
      let empty = 0;
      let cells = 0;
      for (let row = 0; row < f.rows; row++) {
        for (let col = 0; col < f.columns; col++) {
          const role = roles[row * f.columns + col];
          cells++;
          if (role === "design") continue;
          if (role === undefined) {
            empty++;
            continue;
          }
          const x0 = Math.round(f.areaLeft + col * (f.columnWidth + f.gutter));
          const y0 = Math.round(f.areaTop + row * f.linePitch);
          const x1 = Math.round(x0 + f.columnWidth);
          const y1 = Math.round(y0 + f.linePitch);
          let ink = false;
          for (let y = y0 + 1; y < y1 - 1 && !ink; y++) {
            for (let x = x0 + 1; x < x1 - 1; x++) {
              if ((data[y * info.width + x] ?? 255) < 200) {
                ink = true;
                break;
              }
            }
          }
          if (!ink) empty++;
        }
      }
      out.push({ page, emptyCells: empty, cells, emptyShare: cells ? empty / cells : 0 });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
