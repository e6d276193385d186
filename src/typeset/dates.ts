import lunar from "lunar-javascript";
import type { LangStyle } from "../config/house-style";
import { fillWords, writtenDate } from "../config/langs";

// Dates as the paper prints them, in its words: 2022年11月14日 星期一, 农历壬寅年十月廿一; or
// Monday, November 30, 2026.
export interface PrintedDate {
  solar: string;
  weekday: string;
  /** Date and weekday as the page header and the masthead print them. */
  line: string;
  /** The lunar date, when the paper prints one. */
  lunar?: string;
}

export function printedDate(iso: string, style: LangStyle): PrintedDate {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const words = style.words;
  const { solar, weekday } = writtenDate(iso, words);
  const printed: PrintedDate = { solar, weekday, line: fillWords(words.dateLine, { date: solar, weekday }) };
  if (words.lunar !== false) {
    const l = lunar.Solar.fromYmd(y, m, d).getLunar();
    const chars = (text: string) => [...text].map((c) => style.lunarChars[c] ?? c).join("");
    printed.lunar = fillWords(words.lunar, {
      year: l.getYearInGanZhi(),
      month: chars(l.getMonthInChinese()),
      day: chars(l.getDayInChinese()),
    });
  }
  return printed;
}
