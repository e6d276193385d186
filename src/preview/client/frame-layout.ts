import { fromIssueRect, type Grid, type GridRect } from "../../grid";
import type { LayoutReport } from "../../pipeline/summary";

// The pages' make-up as the editor sees it: the typed layout the server serves beside each version
// of the pages (/pages/<version>.layout.json, the build's layout.json), with the grid and every
// module's rectangle and origin. Only where the pointer is comes from pixels.

export type ModuleOrigin = LayoutReport["pages"][number]["modules"][number]["placed"];

/** A module or ad on a page shown, its rectangle 0-based (src/grid). */
export interface ShownModule {
  kind: "article" | "ad";
  id: string;
  /** Printed page number. */
  page: number;
  rect: GridRect;
  origin: ModuleOrigin;
  /** A continued part of a story begun on that page. */
  continuedFrom?: number;
}

const PX_PER_PT = 4 / 3;

export class ShownLayout {
  constructor(
    readonly grid: Grid,
    readonly modules: ShownModule[],
  ) {}

  static fromReport(report: LayoutReport): ShownLayout {
    const modules = report.pages.flatMap((page) =>
      page.modules.map((m): ShownModule => {
        const rect = fromIssueRect(m);
        if ("ad" in m) return { kind: "ad", id: m.ad, page: page.page, rect, origin: m.placed };
        const continued = m.continuedFrom !== undefined ? { continuedFrom: m.continuedFrom } : {};
        return { kind: "article", id: m.article, page: page.page, rect, origin: m.placed, ...continued };
      }),
    );
    return new ShownLayout(report.grid, modules);
  }

  /** The layout of version `version` of the pages, or undefined when the server no longer has it. */
  static async load(version: number): Promise<ShownLayout | undefined> {
    const res = await fetch(`/pages/${version}.layout.json`, { cache: "no-store" }).catch(() => undefined);
    if (!res?.ok) return undefined;
    return ShownLayout.fromReport((await res.json()) as LayoutReport);
  }

  /** A module by id: on `page` if it is there, else where it is not a continuation. */
  module(kind: ShownModule["kind"], id: string, page?: number): ShownModule | undefined {
    const all = this.modules.filter((m) => m.kind === kind && m.id === id);
    return all.find((m) => m.page === page) ?? all.find((m) => m.continuedFrom === undefined) ?? all[0];
  }

  onPage(page: number): ShownModule[] {
    return this.modules.filter((m) => m.page === page);
  }

  /** Column width, gutter and line pitch in CSS px of the unscaled page. */
  get px(): { column: number; gutter: number; pitch: number } {
    const { columnWidth, gutter, linePitch } = this.grid;
    return { column: columnWidth * PX_PER_PT, gutter: gutter * PX_PER_PT, pitch: linePitch * PX_PER_PT };
  }
}

/** Places an overlay box on the grid: its CSS (frame.css) turns these into lengths. */
export function placeBox(el: HTMLElement, r: GridRect): void {
  el.style.setProperty("--c", String(r.col));
  el.style.setProperty("--l", String(r.row));
  el.style.setProperty("--s", String(r.span));
  el.style.setProperty("--h", String(r.rows));
}
