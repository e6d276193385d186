import type { Lang } from "../config/style-schema";

// Which section of the paper a story belongs in, when the source says so: a line of its own
// naming one (版面：民生, 【要闻】, 民生版, 第二版 民生, Section: Sports), a Word paragraph in a style
// named Section or 版面, a Word heading or a page text line that is exactly a section name papers
// use (要闻, 民生, 港聞…). A column label such as 教育快讯 is a 栏目 inside a page, never a section.

/** Section names papers commonly have: a line that is exactly one of these names a section. */
const SECTION_NAMES = new Set([
  // Simplified
  ..."要闻 综合 民生 教育 文化 体育 经济 财经 社会 法治 健康 卫生 乡村振兴 三农 基层 平安 副刊 文艺 专题 专刊 理论 评论 时评 国内 国际 城市 城建 科技 生活 旅游 图片 党建 政务 深度 调查".split(
    " ",
  ),
  // Traditional
  ..."要聞 港聞 綜合 教育 文化 體育 經濟 財經 社會 法治 衛生 鄉村振興 基層 平安 專題 專刊 理論 評論 時評 國內 國際 兩岸 中國 城市 科技 娛樂 地方 社區 圖片 黨建".split(
    " ",
  ),
]);

/** The section a line names, if it is a section line and nothing else. */
export function sectionMarker(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 40) return undefined;
  const explicit = /^(?:版面|版块|版塊|Section)\s*[：:]\s*(\S.{0,29})$/i.exec(t)?.[1];
  if (explicit) return explicit.trim();
  const numbered = /^第?[一二三四五六七八九十\d]{1,3}[版]\s*[：:·\s\u3000]\s*([\u3400-\u9fff]{2,8})$/.exec(t)?.[1];
  if (numbered) return numbered;
  const name = /^【([\u3400-\u9fff]{2,6})】$/.exec(t)?.[1] ?? /^([\u3400-\u9fff]{2,6})版$/.exec(t)?.[1] ?? t;
  return SECTION_NAMES.has(name) ? name : undefined;
}

/** The section of a new issue's first page when no story names one. */
export const FRONT_SECTION: Record<Lang, string> = { "zh-Hans": "要闻", "zh-Hant": "要聞", en: "Front Page" };
