import { describe, expect, it } from "vitest";
import { tempNameFor } from "../../src/deliver/staged-delivery";
import { publishingOrder } from "../../src/deliver/tree-delivery";

// A site goes out in an order that keeps the live copy whole: what a page links to before it.

describe("delivering a folder tree", () => {
  it("sends the deepest files first and each folder's index.html after its other files", () => {
    const order = publishingOrder([
      "index.html",
      "site.json",
      "2022-12-30/index.html",
      "2022-12-30/page-01.html",
      "2022-12-30/story/a.html",
      "2022-12-30/images/page-01-k-800.webp",
      "assets/epaper.css",
      "feed.xml",
    ]);
    expect(order).toEqual([
      "2022-12-30/images/page-01-k-800.webp",
      "2022-12-30/story/a.html",
      "2022-12-30/page-01.html",
      "assets/epaper.css",
      "2022-12-30/index.html",
      "feed.xml",
      "site.json",
      "index.html",
    ]);
  });

  it("stages a file under a hidden name in its own folder", () => {
    expect(tempNameFor("page.pdf")).toBe(".page.pdf.part");
    expect(tempNameFor("2022-12-30/story/a.html")).toBe("2022-12-30/story/.a.html.part");
  });
});
