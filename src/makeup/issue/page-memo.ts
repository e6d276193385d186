import { PAGE_MEMO_SIZE } from "../limits";
import type { PageResult } from "../page/page-makeup";

/**
 * Pages already made up, by everything that decides them: a rebuild (the preview's) makes up again
 * only the pages whose material changed. Pure: what a key gives is what solving would give.
 */
export class PageMemo {
  private readonly results = new Map<string, PageResult>();
  constructor(private readonly limit = PAGE_MEMO_SIZE) {}

  get(key: string): PageResult | undefined {
    return this.results.get(key);
  }

  set(key: string, result: PageResult): void {
    if (this.results.size >= this.limit) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
    this.results.set(key, result);
  }
}
