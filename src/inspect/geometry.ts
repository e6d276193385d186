import {
  type BookedBox,
  type BoxClash,
  cellOf,
  fromIssuePin,
  type GridRect,
  type GridSize,
  isBoxClash,
  type PlacedBox,
  placeBox,
  rectLabel,
  standClash,
} from "../grid";
import { type AdData, adOrigin, type Issue, type IssueProblem, type PageFormat } from "../load";
import { adRows, earOf, earRect, mastheadRect } from "../typeset/ads";

// The ads' and pins' geometry as build's make-up checks it (the grid's one placement of boxes,
// src/grid/boxes.ts), short of the browser: the masthead's height is measured, so here it is its
// first line, an ear as high as its ad, and the front page's edge ads (which slide under the
// masthead) are left to the make-up. Every refusal here is one the make-up would make.

type Obstacle = GridRect & { ad?: string; article?: string; masthead?: true };

const obstacleWords = (o: Obstacle) =>
  o.ad !== undefined ? `ad "${o.ad}"` : o.article !== undefined ? `article "${o.article}"` : "the masthead";

function boxWords(size: GridSize, box: BookedBox, clash: BoxClash): { expected: string; found: string } {
  const grid = `${size.columns} columns × ${size.rows} lines`;
  switch (clash.kind) {
    case "too-large":
      return {
        expected: `an ad no larger than the type area (${grid})`,
        found: `${box.span} columns × ${box.rows} lines`,
      };
    case "no-room":
      return {
        expected: `room on the ${clash.edge} edge beside the page's other ads`,
        found: `none left for ${box.span} columns × ${box.rows} lines`,
      };
    case "ear-off-front":
      return { expected: "the ear (报眼) on the front page only", found: "another page" };
    case "leaves-grid":
      return { expected: `an ad inside the grid of ${grid}`, found: rectLabel(clash.rect) };
    case "overlaps-box":
      return {
        expected: "an ad clear of the page's other ads",
        found: `${rectLabel(clash.rect)}, over ad "${clash.other}"`,
      };
    case "overlaps-reserved":
      return { expected: "an ad clear of the masthead", found: `${rectLabel(clash.rect)}, over the masthead` };
  }
}

/** Every ad and pin of the issue that build's make-up refuses whatever the measurements. */
export function geometryProblems(issue: Issue, shown: string): IssueProblem[] {
  const f = issue.format;
  const size = { columns: f.columns, rows: f.rows };
  const ear = earOf(issue.data, f);
  const problems: IssueProblem[] = [];
  issue.data.pages.forEach((page, p) => {
    const front = p === 0;
    const reserved: Obstacle[] = front ? [{ ...mastheadRect(f, ear, 1), masthead: true }] : [];
    const placed: PlacedBox[] = [];
    page.ads.forEach((ad, i) => {
      const box = bookedBox(f, ad);
      const result = placeBox(size, p + 1, box, reserved, placed);
      // On the front page an edge ad slides under the masthead, whose height is not known yet.
      const measured = front && (box.position === "top" || box.position === "bottom");
      if (!isBoxClash(result)) {
        if (!measured) placed.push(result);
        return;
      }
      if (measured && result.kind !== "too-large") return;
      const at = adOrigin(ad) ?? { file: shown, path: `pages[${p}].ads[${i}]` };
      problems.push({ ...at, ...boxWords(size, box, result), adId: ad.id });
    });
    if (Array.isArray(page.layout)) return;
    const obstacles: Obstacle[] = [...reserved, ...placed.map((b) => ({ ...b, ad: b.id }))];
    page.articles.forEach((a, i) => {
      if (a.place === undefined) return;
      let rect: GridRect;
      if (a.place === "ear") {
        if (!front || ear?.id !== a.id) return;
        rect = earRect(f, ear, 1);
      } else {
        const pin = fromIssuePin(a.place);
        rect = { ...pin, rows: pin.rows ?? 1 };
      }
      const clash = standClash(rect, size, obstacles);
      obstacles.push({ ...rect, article: a.id });
      if (!clash) return;
      const path = `pages[${p}].articles[${i}].place`;
      const expected =
        clash.kind === "leaves-grid"
          ? `a pin inside the grid of ${size.columns} columns × ${size.rows} lines`
          : "a pin clear of the page's ads, the masthead and the other pins";
      const found =
        clash.kind === "leaves-grid" ? rectLabel(rect) : `${rectLabel(rect)}, over ${obstacleWords(clash.obstacle)}`;
      problems.push({ file: shown, path, expected, found, articleId: a.id });
    });
  });
  return problems;
}

function bookedBox(f: PageFormat, ad: AdData): BookedBox {
  const position = typeof ad.position === "string" ? ad.position : cellOf(ad.position);
  return { id: ad.id, span: ad.span, rows: adRows(f, ad), position };
}
