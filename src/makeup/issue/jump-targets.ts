import { freeCellCount } from "../page/regions";
import type { ArticleMetrics, Grid, MakeupRules, PageInput } from "../types";
import { jumpSpan, restCells, storyCells } from "./estimate";

// Where the rest of a cut article goes: the first later page with room to spare (estimated
// from its own material, estimate.ts), those of the same section first, else the later page with
// most room; pages made up by hand only take articles they have a rectangle for; a page of a
// zoned edition only takes stories of its zone.

export class JumpTargets {
  private readonly spare: number[];

  constructor(
    private readonly pages: PageInput[],
    private readonly grid: Grid,
    private readonly rules: MakeupRules,
  ) {
    this.spare = pages.map((page) => {
      const material = page.articles.reduce((sum, a) => sum + storyCells(a, grid, rules, jumpSpan(grid)), 0);
      const booked = (page.booked ?? []).reduce((sum, b) => sum + b.span * b.rows, 0);
      return freeCellCount(grid, page.reserved) - booked - material;
    });
  }

  private canLand(from: number, index: number, articleId: string): boolean {
    // Not across zoned editions: the page it lands on must be printed with the page it leaves.
    if ((this.pages[index]?.zone ?? "") !== (this.pages[from]?.zone ?? "")) return false;
    const fixed = this.pages[index]?.fixed;
    return fixed === undefined || fixed.some((p) => p.articleId === articleId);
  }

  /** Later pages that may take the rest; only page `jumpTo` (a printed number) when given. */
  private candidates(from: number, articleId: string, jumpTo?: number): number[] {
    const number = this.pages[from]?.number ?? 0;
    const result: number[] = [];
    for (let i = from + 1; i < this.pages.length; i++) {
      const n = this.pages[i]?.number ?? 0;
      if (n > number && (jumpTo === undefined || n === jumpTo) && this.canLand(from, i, articleId)) result.push(i);
    }
    return result;
  }

  /** Some later page could take the rest of this article. */
  exists(from: number, articleId: string, jumpTo?: number): boolean {
    return this.candidates(from, articleId, jumpTo).length > 0;
  }

  /** Index of the page to jump to, or undefined; books the room taken there. */
  choose(from: number, article: ArticleMetrics, lines: number, exclude?: number): number | undefined {
    const need = restCells(article, lines, this.grid, this.rules, jumpSpan(this.grid));
    // Later pages of the same section first: a story jumps within its section where it can.
    const section = this.pages[from]?.section;
    const later = this.candidates(from, article.id, article.jumpTo).filter((i) => i !== exclude);
    const same = (i: number) => section !== undefined && this.pages[i]?.section === section;
    const options = [...later.filter(same), ...later.filter((i) => !same(i))];
    let chosen = options.find((i) => (this.spare[i] ?? 0) >= need);
    if (chosen === undefined) {
      for (const i of options) if (chosen === undefined || (this.spare[i] ?? 0) > (this.spare[chosen] ?? 0)) chosen = i;
    }
    if (chosen !== undefined) this.spare[chosen] = (this.spare[chosen] ?? 0) - need;
    return chosen;
  }
}
