// Where each file of the e-paper site goes, relative to its folder. An issue's files live in a
// folder named by its date; page pictures carry their page's key in the name, so a browser or a
// CDN that keeps files forever never shows an old picture of a corrected page.

const two = (n: number) => String(n).padStart(2, "0");

export const SITE = {
  manifest: "site.json",
  home: "index.html",
  feed: "feed.xml",
  sitemap: "sitemap.xml",
  stylesheet: "assets/epaper.css",
  paperStylesheet: "assets/paper.css",
  script: "assets/epaper.js",
} as const;

/** Paths inside an issue's folder. */
export const ISSUE = {
  index: "index.html",
  json: "issue.json",
  page: (n: number) => `page-${two(n)}.html`,
  pageImage: (n: number, key: string, width: number) => `images/page-${two(n)}-${key.slice(0, 10)}-${width}.webp`,
  pagePdf: (n: number) => `pdf/page-${two(n)}.pdf`,
  story: (id: string) => `story/${id}.html`,
  photo: (id: string, index: number, hash: string, width: number) => `photos/${id}-${index + 1}-${hash}-${width}.webp`,
};

/** The folder of an issue: its date, YYYY-MM-DD. */
export const issueFolder = (date: string): string => date;
