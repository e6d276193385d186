import type { FontRole, FontSpec, Lang, WordsData } from "./style-schema";

// What a paper in each language prints when its style file says nothing: fonts, every label, the date.
// A style file overrides any of it; these are the defaults, once.

export interface LangDefaults {
  /** The html lang attribute: Chromium picks glyph forms and line breaking by it. */
  htmlLang: string;
  /** Latin script: hyphenation, word spaces checked. */
  latin: boolean;
  /** First-line indent of a paragraph, in body sizes. */
  indent: number;
  fonts: Record<FontRole, Required<FontSpec>>;
  words: Required<WordsData>;
  /** Characters of the lunar calendar's names written otherwise in this script. */
  lunarChars?: Record<string, string>;
}

const ZH_WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"].map((d) => `星期${d}`);
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const zhHansWords: Required<WordsData> = {
  folio: "第{n}版",
  index: "导读",
  indexPage: "第{n}版",
  editor: "责任编辑：{name}",
  designer: "美术编辑：{name}",
  proofreader: "校对：{name}",
  jumpTo: "（下转第{n}版）",
  jumpFrom: "（上接第{n}版）",
  ad: "广告",
  issueNumber: "总第{n}期",
  pageCount: "今日{n}版",
  serial: "国内统一连续出版物号 {serial}",
  publisher: "{publisher}主办",
  byline: "（{name}）",
  photoCredit: "（{credit}）",
  subheadLead: "——",
  datelineAfter: "\u3000",
  date: "{year}年{month}月{day}日",
  dateLine: "{date} {weekday}",
  weekdays: ZH_WEEKDAYS,
  months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  lunar: "农历{year}年{month}月{day}",
  titleDate: "{date}",
  titleSeparator: " ",
};

const zhHantWords: Required<WordsData> = {
  ...zhHansWords,
  index: "導讀",
  editor: "責任編輯：{name}",
  designer: "美術編輯：{name}",
  proofreader: "校對：{name}",
  jumpTo: "（下轉第{n}版）",
  jumpFrom: "（上接第{n}版）",
  ad: "廣告",
  issueNumber: "總第{n}期",
  serial: "{serial}",
  publisher: "{publisher}出版",
  lunar: "農曆{year}年{month}月{day}",
};

const enWords: Required<WordsData> = {
  folio: "Page {n}",
  index: "Inside",
  indexPage: "Page {n}",
  editor: "Editor: {name}",
  designer: "Design: {name}",
  proofreader: "Proofs: {name}",
  jumpTo: "Continued on Page {n}",
  jumpFrom: "Continued from Page {n}",
  ad: "Advertisement",
  issueNumber: "No. {n}",
  pageCount: "{n} pages",
  serial: "{serial}",
  publisher: "Published by {publisher}",
  byline: "{name}",
  photoCredit: " {credit}",
  subheadLead: "",
  datelineAfter: "\u00a0— ",
  date: "{monthName} {day}, {year}",
  dateLine: "{weekday}, {date}",
  weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  months: MONTHS_EN,
  lunar: false,
  titleDate: "{weekday}, {date}",
  titleSeparator: ", ",
};

const cjkFonts = (serif: string, sans: string): LangDefaults["fonts"] => ({
  body: { family: serif, weight: 400 },
  deck: { family: serif, weight: 700 },
  head: { family: sans, weight: 900 },
  label: { family: sans, weight: 700 },
  caption: { family: serif, weight: 400 },
  masthead: { family: serif, weight: 700 },
});

export const LANG_DEFAULTS: Record<Lang, LangDefaults> = {
  "zh-Hans": {
    htmlLang: "zh-CN",
    latin: false,
    indent: 2,
    fonts: cjkFonts("Noto Serif SC", "Noto Sans SC"),
    words: zhHansWords,
  },
  "zh-Hant": {
    htmlLang: "zh-Hant",
    latin: false,
    indent: 2,
    fonts: cjkFonts("Noto Serif TC", "Noto Sans TC"),
    words: zhHantWords,
    lunarChars: { 腊: "臘", 闰: "閏" },
  },
  en: {
    htmlLang: "en",
    latin: true,
    indent: 1,
    fonts: {
      body: { family: "Libre Caslon Text", weight: 400 },
      deck: { family: "Libre Caslon Text", weight: 700 },
      head: { family: "Libre Franklin", weight: 800 },
      label: { family: "Libre Franklin", weight: 700 },
      caption: { family: "Libre Franklin", weight: 400 },
      masthead: { family: "Libre Caslon Text", weight: 700 },
    },
    words: enWords,
  },
};

/** A date (YYYY-MM-DD) in a paper's words: "2022年11月14日" and "星期一"; "November 30, 2026" and "Monday". */
export function writtenDate(
  iso: string,
  words: Pick<Required<WordsData>, "date" | "months" | "weekdays">,
): { solar: string; weekday: string } {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const weekday = words.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? "";
  const solar = fillWords(words.date, { year: y, month: m, day: d, monthName: words.months[m - 1] ?? String(m) });
  return { solar, weekday };
}

/** The house style's words a PDF's title is written in. */
export type TitleWords = Pick<
  Required<WordsData>,
  "date" | "months" | "weekdays" | "issueNumber" | "folio" | "titleDate" | "titleSeparator"
>;

/**
 * The paper, the date, the issue number and the page where given, in the paper's words:
 * "东昌府新闻 2022年12月30日 总第1234期 第3版", "The Riverside Weekly, Monday, November 30, 2026, No. 418".
 */
export function newspaperTitle(
  t: { paperName: string; date: string; issueNumber?: number; page?: number },
  words: TitleWords,
): string {
  const { solar, weekday } = writtenDate(t.date, words);
  const parts = [t.paperName, fillWords(words.titleDate, { date: solar, weekday })];
  if (t.issueNumber !== undefined) parts.push(fillWords(words.issueNumber, { n: t.issueNumber }));
  if (t.page !== undefined) parts.push(fillWords(words.folio, { n: t.page }));
  return parts.join(words.titleSeparator);
}

/** `{key}` placeholders filled from `values`; an unknown key stays as written. */
export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}
