import { fillWords } from "../config/langs";
import type { Edition } from "./edition";
import type { IssueEntry } from "./manifest";
import { ISSUE, issueFolder, SITE } from "./site-paths";
import { EPAPER_WORDS } from "./words";

// The feed (Atom, RFC 4287) of the latest issue, one entry per story, and the sitemap of every
// page of the site. Both want absolute URLs: with a base URL they get them; without one their
// links are relative to the site's folder, which feed readers resolve against the feed's own URL.

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `path` (relative to the site) as a link: under the base URL when there is one. */
const link = (baseUrl: string | undefined, path: string) => (baseUrl ? new URL(path, baseUrl).href : path);

/** An Atom id: the URL where there is one, else a URN of the paper, the date and the story. */
const atomId = (baseUrl: string | undefined, path: string, edition: Edition) =>
  baseUrl
    ? new URL(path, baseUrl).href
    : `urn:newsprint:epaper:${encodeURIComponent(edition.paper.name)}:${path.split("/").map(encodeURIComponent).join(":")}`;

export function atomFeed(edition: Edition, entry: IssueEntry, baseUrl?: string): string {
  const base = `${issueFolder(edition.date)}/`;
  const title = fillWords(EPAPER_WORDS[edition.lang].feedTitle, { paper: edition.paper.name });
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(edition.htmlLang)}">`,
    `  <title>${escapeXml(title)}</title>`,
    `  <subtitle>${escapeXml(`${edition.dateLine}${edition.number ? ` ${edition.number}` : ""}`)}</subtitle>`,
    `  <id>${escapeXml(atomId(baseUrl, SITE.feed, edition))}</id>`,
    `  <link rel="self" href="${escapeXml(link(baseUrl, SITE.feed))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(link(baseUrl, SITE.home))}"/>`,
    `  <updated>${entry.updated}</updated>`,
    `  <author><name>${escapeXml(edition.paper.publisher ?? edition.paper.name)}</name></author>`,
    ...edition.stories.map((s) =>
      [
        "  <entry>",
        `    <title>${escapeXml(s.title)}</title>`,
        `    <id>${escapeXml(atomId(baseUrl, `${base}${s.href}`, edition))}</id>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(link(baseUrl, `${base}${s.href}`))}"/>`,
        `    <updated>${entry.updated}</updated>`,
        `    <summary>${escapeXml(s.summary)}</summary>`,
        "  </entry>",
      ].join("\n"),
    ),
    "</feed>",
  ];
  return `${lines.join("\n")}\n`;
}

/** Every HTML page of the site: the front door, then each issue's pages, newest issue first. */
export function sitemap(issues: IssueEntry[], baseUrl?: string): string {
  const urls = [
    { loc: SITE.home, lastmod: issues[0]?.updated },
    ...issues.flatMap((i) =>
      [`${issueFolder(i.date)}/${ISSUE.index}`, ...i.files.filter((f) => f.endsWith(".html"))]
        .filter((f, k, all) => all.indexOf(f) === k)
        .map((loc) => ({ loc, lastmod: i.updated })),
    ),
  ];
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls.map(
      (u) =>
        `  <url><loc>${escapeXml(link(baseUrl, u.loc))}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`,
    ),
    "</urlset>",
  ];
  return `${lines.join("\n")}\n`;
}
