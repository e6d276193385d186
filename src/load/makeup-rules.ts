import type { IssueProblem } from "./errors";
import type { IssueData } from "./schema";

// Rules across fields of the make-up that the schema cannot say on its own: ids unique across
// articles (on pages and in the pool), fillers and ads; pool stories of a section some automatic
// page has; one ear, on the front page; jumps that go forward.

export function checkMakeupRules(file: string, data: IssueData): IssueProblem[] {
  const problems: IssueProblem[] = [];
  const problem = (path: string, expected: string, found: string) => problems.push({ file, path, expected, found });
  const seen = new Map<string, string>();
  const unique = (id: string, path: string) => {
    const first = seen.get(id);
    if (first)
      problem(path, "an id unique in the issue (articles, the pool, fillers and ads)", `"${id}", also at ${first}`);
    else seen.set(id, path);
  };
  const pages = data.pages.length;
  data.pages.forEach((page, p) => {
    page.articles.forEach((a, i) => {
      const at = `pages[${p}].articles[${i}]`;
      // Duplicates among articles are reported with the other checks of the page (load.ts).
      if (!seen.has(a.id)) seen.set(a.id, `${at}.id`);
      if (a.place === "ear" && p !== 0)
        problem(`${at}.place`, 'the ear ("ear") on the front page only', `page ${p + 1}`);
      if (a.place !== undefined && Array.isArray(page.layout)) {
        problem(`${at}.place`, "a pin on an automatic page (this page has an explicit layout)", "a pin");
      }
      if (a.jumpTo !== undefined && (a.jumpTo <= p + 1 || a.jumpTo > pages)) {
        problem(`${at}.jumpTo`, `a later page of the issue (${p + 2}–${pages})`, `page ${a.jumpTo}`);
      }
      if (a.jumpTo !== undefined && a.jump === false) problem(`${at}.jumpTo`, 'no jumpTo with "jump": false', "both");
    });
    page.ads.forEach((ad, i) => {
      unique(ad.id, `pages[${p}].ads[${i}].id`);
      const ear = ad.position === "ear-left" || ad.position === "ear-right";
      if (ear && p !== 0)
        problem(`pages[${p}].ads[${i}].position`, "the ear (报眼) on the front page only", ad.position as string);
    });
  });
  poolProblems(data, unique, problem);
  data.fillers.forEach((a, i) => {
    unique(a.id, `fillers[${i}].id`);
    if (a.place !== undefined)
      problem(`fillers[${i}].place`, "no place: the make-up chooses a filler's page", "a place");
  });
  const front = data.pages[0];
  const ears = [
    ...(front?.ads ?? []).filter((a) => a.position === "ear-left" || a.position === "ear-right").map((a) => a.id),
    ...(front?.articles ?? []).filter((a) => a.place === "ear").map((a) => a.id),
  ];
  if (ears.length > 1) problem("pages[0]", "one ear (报眼) on the front page", `${ears.length}: ${ears.join(", ")}`);
  return problems;
}

type Problem = (path: string, expected: string, found: string) => void;

/** The story pool: each story names a section an automatic page has (or none), and no place or
 *  page of its own, since the make-up chooses its page. */
function poolProblems(data: IssueData, unique: (id: string, path: string) => void, problem: Problem): void {
  const sections = new Map<string, boolean>();
  for (const page of data.pages) {
    if (page.section === undefined) continue;
    sections.set(page.section, (sections.get(page.section) ?? false) || !Array.isArray(page.layout));
  }
  const named = [...sections.keys()].map((s) => `"${s}"`).join(", ");
  if (data.articles.length > 0 && data.pages.every((page) => Array.isArray(page.layout))) {
    problem("articles", "an automatic page for the pool's stories", "only pages with an explicit layout");
  }
  data.articles.forEach((a, i) => {
    const at = `articles[${i}]`;
    unique(a.id, `${at}.id`);
    if (a.section !== undefined) {
      const automatic = sections.get(a.section);
      if (automatic === undefined)
        problem(`${at}.section`, `the section of a page (${named || "no page has one"})`, `"${a.section}"`);
      else if (!automatic)
        problem(
          `${at}.section`,
          "a section with an automatic page (the make-up places pool stories)",
          `"${a.section}"`,
        );
    }
    if (a.place !== undefined) problem(`${at}.place`, "no place: the make-up chooses a pool story's page", "a place");
    if (a.jumpTo !== undefined)
      problem(`${at}.jumpTo`, "no jumpTo: the make-up chooses a pool story's page and its jumps", `page ${a.jumpTo}`);
  });
}
