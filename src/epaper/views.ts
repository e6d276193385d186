import { fillWords } from "../config/langs";
import { type Edition, type EditionPage, jumpLine } from "./edition";
import { svgNumber } from "./geometry";
import { ISSUE, issueFolder, SITE } from "./site-paths";
import { bylineText, type Story } from "./stories";
import { EPAPER_WORDS } from "./words";

// What the e-paper's templates (templates/epaper/) are filled with. Every URL is relative to the
// file it appears in, so the site works from any folder of any host, and from disk.

/** Scripts, styles, pictures only from the site itself; nothing inline but SVG attributes. */
export const SITE_CSP =
  "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'";

/** An issue in the site's archive (往期), as the front door lists it. */
export interface ArchiveEntry {
  date: string;
  dateLine: string;
  number?: string;
}

interface Link {
  href: string;
  label: string;
  title?: string;
}

/** The parts every page of the site shares: head, masthead, 版面导航. `root` leads to the site's
 *  folder from the file's, `base` to the issue's folder. */
function common(edition: Edition, root: string, base: string, title: string, currentPage?: number) {
  return {
    title,
    htmlLang: edition.htmlLang,
    csp: SITE_CSP,
    stylesheets: [`${root}${SITE.stylesheet}`, `${root}${SITE.paperStylesheet}`],
    script: `${root}${SITE.script}`,
    feed: `${root}${SITE.feed}`,
    home: `${root}${SITE.home}`,
    archive: `${root}${SITE.home}#archive`,
    issueHome: `${base}${ISSUE.index}`,
    paper: edition.paper,
    dateLine: edition.dateLine,
    lunar: edition.lunar,
    number: edition.number,
    words: EPAPER_WORDS[edition.lang],
    pageNav: edition.pages.map((p) => ({
      href: `${base}${p.href}`,
      folio: p.folio,
      section: p.section,
      current: p.number === currentPage,
    })),
  };
}

/** A page's picture with its zones: the smaller picture by default, the larger where the screen
 *  has the pixels; the SVG's viewBox is the page box, so the zones scale with the picture. */
export function pictureView(edition: Edition, page: EditionPage, base: string) {
  const small = page.images[0];
  const large = page.images.at(-1);
  if (!small || !large) throw new Error(`page ${page.number} has no picture`);
  const stories = new Map(edition.stories.map((s) => [s.id, s]));
  const words = EPAPER_WORDS[edition.lang];
  return {
    alt: [page.folio, page.section].filter(Boolean).join(" "),
    src: `${base}${small.src}`,
    srcset: page.images.map((i) => `${base}${i.src} ${i.width}w`).join(", "),
    width: large.width,
    height: large.height,
    large: `${base}${large.src}`,
    viewBox: `0 0 ${svgNumber(page.size.width)} ${svgNumber(page.size.height)}`,
    zonesLabel: fillWords(words.storiesOfPage, { folio: page.folio }),
    zones: page.zones.map((z) => ({
      href: `${base}${z.href}`,
      label: zoneLabel(z, stories.get(z.story)?.title ?? z.title),
      x: svgNumber(z.rect.x),
      y: svgNumber(z.rect.y),
      width: svgNumber(z.rect.width),
      height: svgNumber(z.rect.height),
    })),
  };
}

/** A continued part says so: the same story's name, and where it comes from. */
function zoneLabel(z: EditionPage["zones"][number], title: string): string {
  if (z.continuedFrom === undefined || !z.jump) return title;
  // A full-width parenthesis (（上接第2版）) needs no space before it.
  return `${title}${/^[（(]/.test(z.jump) ? "" : " "}${z.jump}`;
}

export function pageView(edition: Edition, page: EditionPage) {
  const i = edition.pages.indexOf(page);
  const words = EPAPER_WORDS[edition.lang];
  const near = (p: EditionPage | undefined, label: string): Link | undefined =>
    p && { href: p.href, label, title: p.folio };
  return {
    ...common(
      edition,
      "../",
      "",
      `${edition.title} ${page.folio}${page.section ? ` ${page.section}` : ""}`,
      page.number,
    ),
    page: { folio: page.folio, section: page.section, pdf: page.pdf },
    picture: pictureView(edition, page, ""),
    prev: near(edition.pages[i - 1], words.prevPage),
    next: near(edition.pages[i + 1], words.nextPage),
    stories: pageStories(edition, page, ""),
  };
}

/** The stories of a page as its list names them: each part, with its jump line. */
function pageStories(edition: Edition, page: EditionPage, base: string) {
  const stories = new Map(edition.stories.map((s) => [s.id, s]));
  return page.zones.map((z) => ({
    href: `${base}${z.href}`,
    title: stories.get(z.story)?.title ?? z.title,
    continued: z.continuedFrom !== undefined,
    note: z.jump,
  }));
}

export function storyView(edition: Edition, stories: Story[], index: number) {
  const story = stories[index] as Story;
  const data = edition.stories[index];
  if (!data || data.id !== story.id) throw new Error(`story ${story.id} out of step with issue.json`);
  const words = EPAPER_WORDS[edition.lang];
  const lang = story.typeset.style.lang;
  const a = story.typeset.article;
  const first = edition.pages.find((p) => p.number === data.pages[0]) as EditionPage;
  const near = (s: Story | undefined, label: string): Link | undefined =>
    s && { href: `../${ISSUE.story(s.id)}`, label, title: s.title };
  const parts = story.parts.map((part) => {
    const page = edition.pages.find((p) => p.number === part.page) as EditionPage;
    return { href: `../${page.href}`, folio: page.folio, section: page.section, note: jumpLine(story, part.module) };
  });
  return {
    ...common(edition, "../../", "../", `${story.title} - ${edition.title}`, first.number),
    story: {
      lang: story.typeset.lang,
      label: a.label,
      kicker: a.kicker,
      headline: a.headline,
      title: story.title,
      subhead: a.subhead && `${lang.words.subheadLead}${a.subhead}`,
      blocks: story.blocks.map((b) =>
        b.kind === "subhead"
          ? { subhead: b.text }
          : { text: b.text, dateline: b.dateline, datelineAfter: b.dateline && b.text ? lang.words.datelineAfter : "" },
      ),
      byline: bylineText(story),
      photos: data.photos.map((p) => ({
        src: `../${p.src}`,
        width: p.width,
        height: p.height,
        alt: p.caption ?? story.title,
        caption: p.caption,
        credit: p.credit && fillWords(lang.words.photoCredit, { credit: p.credit }),
      })),
    },
    onPage: fillWords(words.onPage, { folio: first.folio }),
    parts,
    backToPage: { href: `../${first.href}`, label: fillWords(words.backToPage, { folio: first.folio }) },
    prev: near(stories[index - 1], words.prevStory),
    next: near(stories[index + 1], words.nextStory),
  };
}

/** The issue's own front page (<date>/index.html): every page and every story. */
export function issueView(edition: Edition, archive: ArchiveEntry[]) {
  return {
    ...common(edition, "../", "", edition.title),
    ...pagesAndStories(edition, ""),
    archiveList: archiveView(archive, "../", edition.date),
  };
}

/** The site's front door: the latest issue's front page with its zones, its pages, and 往期. */
export function homeView(edition: Edition, archive: ArchiveEntry[]) {
  const base = `${issueFolder(edition.date)}/`;
  const front = edition.pages[0] as EditionPage;
  return {
    ...common(edition, "", base, edition.paper.name),
    front: {
      href: `${base}${front.href}`,
      folio: front.folio,
      section: front.section,
      picture: pictureView(edition, front, base),
      stories: pageStories(edition, front, base),
    },
    ...pagesAndStories(edition, base),
    archiveList: archiveView(archive, "", edition.date),
  };
}

function pagesAndStories(edition: Edition, base: string) {
  return {
    pages: edition.pages.map((p) => {
      const thumb = p.images[0] as EditionPage["images"][number];
      return {
        href: `${base}${p.href}`,
        folio: p.folio,
        section: p.section,
        thumb: { src: `${base}${thumb.src}`, width: thumb.width, height: thumb.height },
        alt: [p.folio, p.section].filter(Boolean).join(" "),
        stories: edition.stories
          .filter((s) => s.pages[0] === p.number)
          .map((s) => ({ href: `${base}${s.href}`, title: s.title })),
      };
    }),
  };
}

function archiveView(archive: ArchiveEntry[], root: string, current: string) {
  return archive.map((e) => ({
    href: `${root}${issueFolder(e.date)}/${ISSUE.index}`,
    dateLine: e.dateLine,
    number: e.number,
    current: e.date === current,
  }));
}
