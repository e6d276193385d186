// The parts of lunar-javascript (no bundled types) that newsprint uses.
declare module "lunar-javascript" {
  interface Lunar {
    getYearInGanZhi(): string;
    getMonthInChinese(): string;
    getDayInChinese(): string;
  }
  interface Solar {
    getLunar(): Lunar;
    getWeekInChinese(): string;
  }
  const lunar: { Solar: { fromYmd(year: number, month: number, day: number): Solar } };
  export default lunar;
}
