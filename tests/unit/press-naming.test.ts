import { describe, expect, it } from "vitest";
import { LANG_DEFAULTS } from "../../src/config/langs";
import { resolveConfig } from "../../src/config/resolve";
import { expandPattern, NamingError, padPage, parseIssueDate, slugFor, toAsciiSlug } from "../../src/press/naming";
import { resolvePressOptions } from "../../src/press/options";
import { planFiles } from "../../src/press/plan";

/** The press settings of a command without options. */
const PRESS = resolveConfig({}, undefined, {}).press;

describe("ASCII slugs", () => {
  it("transliterates Latin letters with diacritics", () => {
    expect(toAsciiSlug("Süddeutsche Zeitung")).toBe("suddeutsche-zeitung");
    expect(toAsciiSlug("Le Monde — édition")).toBe("le-monde-edition");
    expect(toAsciiSlug("Łódź Straße")).toBe("lodz-strasse");
  });

  it("gives up on scripts it cannot transliterate", () => {
    expect(toAsciiSlug("东昌府报")).toBeUndefined();
    expect(toAsciiSlug("---")).toBeUndefined();
  });

  it("uses the caller's slug, else the transliteration, else fails naming the field", () => {
    expect(slugFor("paper name", "东昌府报", "dongchangfu")).toBe("dongchangfu");
    expect(slugFor("paper name", "Die Zeit")).toBe("die-zeit");
    expect(() => slugFor("paper name", "东昌府报")).toThrow(/paper name "东昌府报": give a slug/);
  });
});

describe("file name patterns", () => {
  it("expands the default patterns", () => {
    const fields = { paper: "dongchangfu", date: "2022-11-14" };
    expect(expandPattern(PRESS.pagePattern, { ...fields, page: "01" })).toBe("dongchangfu_20221114_01.pdf");
    expect(expandPattern(PRESS.issuePattern, fields)).toBe("dongchangfu_20221114_press.pdf");
  });

  it("knows date parts and sections", () => {
    expect(
      expandPattern("<yyyy>-<mm>-<dd>_<section>_<page>.pdf", {
        paper: "p",
        date: "2022-11-04",
        page: "12",
        section: "sport",
      }),
    ).toBe("2022-11-04_sport_12.pdf");
  });

  it("rejects unknown tokens, missing values, non-ASCII and paths", () => {
    const f = { paper: "p", date: "2022-11-14", page: "01" };
    expect(() => expandPattern("<paper>_<issue>.pdf", f)).toThrow(NamingError);
    expect(() => expandPattern("<paper>_<section>.pdf", f)).toThrow(/<section> has no value/);
    expect(() => expandPattern("报_<page>.pdf", f)).toThrow(/not plain ASCII/);
    expect(() => expandPattern("../<page>.pdf", f)).toThrow(/not plain ASCII/);
  });

  it("pads page numbers to two digits, three from page 100", () => {
    expect(padPage(1, 24)).toBe("01");
    expect(padPage(7, 120)).toBe("007");
  });

  it("checks the issue date", () => {
    expect(parseIssueDate("2022-11-14")).toEqual({ yyyy: "2022", mm: "11", dd: "14" });
    expect(() => parseIssueDate("2022-02-30")).toThrow(NamingError);
    expect(() => parseIssueDate("14.11.2022")).toThrow(NamingError);
  });
});

describe("file plan", () => {
  const base = {
    trim: { widthMm: 275, heightMm: 390 },
    outDir: "/tmp/x",
    metadata: {
      title: "t",
      words: LANG_DEFAULTS["zh-Hans"].words,
      paperName: "东昌府报",
      paperSlug: "dongchangfu",
      issueDate: "2022-11-14",
    },
  };

  it("names every page and the issue, and marks mono pages", () => {
    const plan = planFiles(resolvePressOptions({ ...base, monoPages: [2] }, PRESS), 3);
    expect(plan.pages.map((p) => p.fileName)).toEqual([
      "dongchangfu_20221114_01.pdf",
      "dongchangfu_20221114_02.pdf",
      "dongchangfu_20221114_03.pdf",
    ]);
    expect(plan.pages.map((p) => p.mono)).toEqual([false, true, false]);
    expect(plan.issueFileName).toBe("dongchangfu_20221114_press.pdf");
  });

  it("fails before any work on wrong page numbers or clashing names", () => {
    const opts = (extra: object) => resolvePressOptions({ ...base, ...extra }, PRESS);
    expect(() => planFiles(opts({ metadata: { ...base.metadata, pageNumbers: [1, 1] } }), 2)).toThrow(/distinct/);
    expect(() => planFiles(opts({ metadata: { ...base.metadata, pageNumbers: [1] } }), 2)).toThrow(/2 pages/);
    expect(() => planFiles(opts({ pagePattern: "<paper>.pdf" }), 2)).toThrow(/twice/);
    expect(() => planFiles(opts({ monoPages: [9] }), 2)).toThrow(/mono pages not in the issue: 9/);
  });
});

describe("zoned editions' file names", () => {
  const options = (pagePattern?: string) =>
    resolvePressOptions(
      {
        trim: { widthMm: 275, heightMm: 390 },
        outDir: "/tmp/press",
        pagePattern,
        metadata: {
          paperName: "东昌府报",
          paperSlug: "dcf",
          words: LANG_DEFAULTS["zh-Hans"].words,
          issueDate: "2022-12-30",
          pageNumbers: [2, 5],
          edition: "north",
        },
      },
      PRESS,
    );

  it("names an edition's own pages with its id before the page number", () => {
    const plan = planFiles(options(), 2);
    expect(plan.pages.map((p) => p.fileName)).toEqual(["dcf_20221230_north_02.pdf", "dcf_20221230_north_05.pdf"]);
  });

  it("keeps a pattern that places <edition> itself", () => {
    const plan = planFiles(options("<edition>-<paper>-<page>.pdf"), 2);
    expect(plan.pages.map((p) => p.fileName)).toEqual(["north-dcf-02.pdf", "north-dcf-05.pdf"]);
  });

  it("refuses <edition> in the pattern of an issue without one", () => {
    expect(() => expandPattern("<paper>_<edition>_<page>.pdf", { paper: "p", date: "2022-12-30", page: "01" })).toThrow(
      NamingError,
    );
  });
});
