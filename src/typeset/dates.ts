import lunar from "lunar-javascript";

// Dates as Chinese newspapers print them: 2022年11月14日 星期一, 农历壬寅年十月廿一.
export interface PrintedDate {
  solar: string;
  weekday: string;
  lunar: string;
}

export function printedDate(iso: string): PrintedDate {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const solar = lunar.Solar.fromYmd(y, m, d);
  const l = solar.getLunar();
  return {
    solar: `${y}年${m}月${d}日`,
    weekday: `星期${solar.getWeekInChinese()}`,
    lunar: `农历${l.getYearInGanZhi()}年${l.getMonthInChinese()}月${l.getDayInChinese()}`,
  };
}
