import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { Refusal, RefusalCode } from "../../src/preview/edit-vocabulary";
import { shellRoute } from "../../src/preview/routes";
import {
  CATALOGUES,
  LANGUAGES,
  languageOfHeader,
  languageOfList,
  refusalText,
  type Words,
} from "../../src/preview/words";

// The preview's languages: which one a browser gets, and that every catalogue says everything.

describe("the language a browser asks for", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["zh-Hans-HK", "zh-Hans"],
    ["zh-TW,zh;q=0.9", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-hant-cn", "zh-Hant"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,fr;q=0.8", "en"],
    ["", "en"],
    [undefined, "en"],
    ["*", "en"],
  ])("Accept-Language %j → %s", (header, language) => {
    expect(languageOfHeader(header)).toBe(language);
  });

  it("honours q-values, not the order written, and skips q=0 and languages it does not speak", () => {
    expect(languageOfHeader("en;q=0.5, zh-TW;q=0.8")).toBe("zh-Hant");
    expect(languageOfHeader("zh-CN;q=0.3, en")).toBe("en");
    expect(languageOfHeader("zh-CN;q=0, zh-TW;q=0.1")).toBe("zh-Hant");
    expect(languageOfHeader("fr-FR, ja;q=0.9, zh-CN;q=0.8, en;q=0.7")).toBe("zh-Hans");
    // Equal weights keep the order given.
    expect(languageOfHeader("zh-HK;q=0.7, zh-CN;q=0.7")).toBe("zh-Hant");
    // Malformed entries are dropped, not taken as a language.
    expect(languageOfHeader("zh-CN;q=abc;, <script>, en;q=0.5")).toBe("zh-Hans");
  });

  it("takes navigator.languages in its order", () => {
    expect(languageOfList(["zh-TW", "zh-CN"])).toBe("zh-Hant");
    expect(languageOfList(["ja-JP", "zh_CN"])).toBe("zh-Hans");
    expect(languageOfList(["fr"])).toBe("en");
  });
});

/** One refusal of each code: a code without one does not compile. */
const SAMPLE_REFUSALS: { [C in RefusalCode]: Extract<Refusal, { code: C }> } = {
  "changed-on-disk": { code: "changed-on-disk", file: "issue.json" },
  "not-built-from-file": { code: "not-built-from-file", file: "issue.json" },
  "changed-while-checked": { code: "changed-while-checked", file: "issue.json" },
  "changed-while-made-up": { code: "changed-while-made-up", file: "issue.json" },
  filler: { code: "filler", article: "fill-1" },
  "no-article": { code: "no-article", article: "a1" },
  "hand-page-unpin": { code: "hand-page-unpin", page: 3, article: "a1" },
  "hand-page-height": { code: "hand-page-height", page: 3, article: "a1" },
  "hand-page-move-from": { code: "hand-page-move-from", page: 3, article: "a1" },
  "hand-page-move-to": { code: "hand-page-move-to", page: 4, article: "a1" },
  "ad-locked": { code: "ad-locked", ad: "ad-bank" },
  "not-shown": { code: "not-shown", article: "a1" },
  "no-page": { code: "no-page", page: 9 },
  "different-pages": { code: "different-pages", article: "a1", with: "b2" },
  "cannot-go-there": {
    code: "cannot-go-there",
    problems: [
      {
        path: "pages[0].articles[1].place.column",
        expected: ">= 1",
        found: "0",
        offGrid: { field: "column", value: 0 },
      },
    ],
  },
  "does-not-fit": { code: "does-not-fit", unplaced: [{ article: "a1", lines: 40, reason: "no room" }] },
  "pin-clash": {
    code: "pin-clash",
    article: "a1",
    clash: { kind: "overlaps", obstacle: { article: "b2" } },
    detail: 'page 1: article "a1" pinned at columns 1–3, line 4 overlaps article "b2"',
  },
  makeup: { code: "makeup", detail: 'article "a1" overlaps ad "ad-bank"' },
  "rebuild-failed": { code: "rebuild-failed", error: "fit", details: ["article a1: 40 lines did not fit"] },
  "forbidden-host": { code: "forbidden-host" },
  "not-own-page": { code: "not-own-page" },
  "no-token": { code: "no-token" },
  "not-json-type": { code: "not-json-type" },
  "too-large": { code: "too-large" },
  "not-json": { code: "not-json" },
  "not-an-edit": { code: "not-an-edit", where: "edits.0.kind", detail: "Invalid input" },
  "other-issue": { code: "other-issue", issue: "issues/today/issue.json" },
  "stale-pages": { code: "stale-pages" },
  "no-answer": { code: "no-answer", detail: "TypeError: Failed to fetch" },
};

/** Every entry of a catalogue by its path: strings as they are, functions by their arity. */
function entries(words: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(words as Record<string, unknown>)) {
    const path = `${prefix}${key}`;
    if (typeof value === "object" && value !== null) {
      for (const [p, v] of entries(value, `${path}.`)) found.set(p, v);
    } else found.set(path, typeof value === "function" ? `function/${value.length}` : String(value));
  }
  return found;
}

/** Every text a catalogue can show: its strings, and each refusal said once. */
const allTexts = (words: Words) => [
  ...[...entries(words).values()].filter((v) => !v.startsWith("function/")),
  ...Object.values(SAMPLE_REFUSALS).map((r) => refusalText(words, r)),
  words.status.updated("12:00:00", 1.25),
  words.editor.rect({ col: 0, row: 29, span: 4, rows: 22 }),
  words.panel.stories(5, 2),
];

// Characters whose Simplified and Traditional forms differ, as these catalogues use them.
const SIMPLIFIED_ONLY = /[预览销档栏转锁标规图为这请该没错误连务数动页点库补压调选隐题]/;
const TRADITIONAL_ONLY = /[預覽銷檔欄轉鎖標規圖為這請該沒錯誤連務數動頁點庫補壓調選隱題]/;

describe("the catalogues", () => {
  const english = entries(CATALOGUES.en);

  it.each(LANGUAGES)("%s has every entry of the English one, of the same kind, and nothing else", (language) => {
    const words = CATALOGUES[language];
    expect(words.language).toBe(language);
    const own = entries(words);
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, value] of english) {
      if (value.startsWith("function/")) expect(own.get(path), path).toBe(value);
      else expect(own.get(path), path).not.toBe("");
    }
  });

  it("says each refusal with what it names (ids, pages, files) kept as they are", () => {
    for (const words of Object.values(CATALOGUES)) {
      for (const refusal of Object.values(SAMPLE_REFUSALS)) {
        const text = refusalText(words, refusal);
        for (const [key, value] of Object.entries(refusal)) {
          // The pipeline's English sentences are the English catalogue's to show.
          const english = key === "detail" && refusal.code === "pin-clash";
          if (typeof value === "string" && key !== "code" && refusal.code !== "rebuild-failed" && !english) {
            expect(text, `${words.language} ${refusal.code}`).toContain(value);
          }
          if (typeof value === "number") expect(text, `${words.language} ${refusal.code}`).toContain(String(value));
        }
      }
    }
    // The English is the server's message as it was before there were catalogues.
    expect(refusalText(CATALOGUES.en, SAMPLE_REFUSALS["cannot-go-there"])).toBe(
      "Cannot go there: column 0 is off the grid (pages[0].articles[1].place.column: expected >= 1, found 0)",
    );
    expect(refusalText(CATALOGUES["zh-Hans"], SAMPLE_REFUSALS["ad-locked"])).toBe("广告“ad-bank”由广告部预订，已锁定");
    expect(refusalText(CATALOGUES["zh-Hans"], SAMPLE_REFUSALS["pin-clash"])).toBe("稿件“a1”固定的位置压住了稿件“b2”");
    expect(refusalText(CATALOGUES.en, SAMPLE_REFUSALS["pin-clash"])).toBe(SAMPLE_REFUSALS["pin-clash"].detail);
    expect(refusalText(CATALOGUES["zh-Hant"], SAMPLE_REFUSALS["ad-locked"])).toBe(
      "廣告「ad-bank」由廣告部預訂，已鎖定",
    );
  });

  it("writes Chinese in Chinese, Simplified and Traditional each in its own forms", () => {
    for (const language of ["zh-Hans", "zh-Hant"] as const) {
      const texts = allTexts(CATALOGUES[language]);
      const englishTexts = new Set(allTexts(CATALOGUES.en));
      // Only the zoom steps' numbers and such would read the same in both; none of the words do.
      const same = texts.filter((t) => englishTexts.has(t));
      expect(same, language).toEqual([]);
      const [ownForm, wrongForm] =
        language === "zh-Hans" ? [SIMPLIFIED_ONLY, TRADITIONAL_ONLY] : [TRADITIONAL_ONLY, SIMPLIFIED_ONLY];
      expect(
        texts.filter((t) => wrongForm.test(t)),
        language,
      ).toEqual([]);
      expect(texts.filter((t) => ownForm.test(t)).length, language).toBeGreaterThan(texts.length / 2);
    }
    expect(CATALOGUES["zh-Hans"].status.undoing).toContain("撤销");
    expect(CATALOGUES["zh-Hant"].status.undoing).toContain("撤銷");
    expect(CATALOGUES["zh-Hant"].shell.title).toContain("預覽");
    expect(CATALOGUES["zh-Hant"].error.titles.issue).toContain("檔案");
    expect(CATALOGUES["zh-Hans"].editor.rect({ col: 0, row: 29, span: 4, rows: 22 })).toBe("第1–4栏，第30–51行");
    expect(CATALOGUES.en.editor.rect({ col: 0, row: 29, span: 4, rows: 22 })).toBe("columns 1–4, lines 30–51");
  });
});

describe("the editor's page", () => {
  async function shell(acceptLanguage?: string): Promise<string> {
    const route = shellRoute("tok_en-1");
    const server = createServer((req, res) => {
      void Promise.resolve(route(req, res)).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address() as AddressInfo;
    try {
      return await new Promise<string>((ok, fail) => {
        const headers = acceptLanguage === undefined ? {} : { "Accept-Language": acceptLanguage };
        get({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c) => {
            body += c;
          });
          res.on("end", () => ok(body));
        }).on("error", fail);
      });
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  }

  it.each([
    [undefined, "en", "Single", "Warnings by page"],
    ["zh-CN,zh;q=0.9", "zh-Hans", "单版", "各版提示"],
    ["zh-TW,zh;q=0.9", "zh-Hant", "單版", "各版提示"],
  ])("with Accept-Language %j is in %s, <html lang> and toolbar", async (header, language, single, panel) => {
    const page = await shell(header);
    expect(page).toContain(`<html lang="${language}">`);
    expect(page).toContain(`aria-pressed="true">${single}</button>`);
    expect(page).toContain(`<h2>${panel}</h2>`);
    expect(page).toContain('<meta name="npv-edit-token" content="tok_en-1">');
    expect(page).not.toContain("{{");
    // Traditional words in the Traditional face.
    expect(page.includes("/fonts/noto-sans-tc/400.css")).toBe(language === "zh-Hant");
  });

  it("escapes the words as HTML", async () => {
    expect(await shell("en")).toContain("Trim &amp; bleed");
  });
});
