import type { IssueProblem } from "./errors";
import type { IssueData } from "./schema";

// Rules across fields of the make-up that the schema cannot say on its own: ids unique across
// articles, fillers and ads; one ear, on the front page; jumps that go forward.

export function checkMakeupRules(file: string, data: IssueData): IssueProblem[] {
  const problems: IssueProblem[] = [];
  const problem = (path: string, expected: string, found: string) => problems.push({ file, path, expected, found });
  const seen = new Map<string, string>();
  const unique = (id: string, path: string) => {
    const first = seen.get(id);
    if (first) problem(path, "an id unique in the issue (articles, fillers and ads)", `"${id}", also at ${first}`);
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
