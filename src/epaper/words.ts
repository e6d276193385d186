import type { Lang } from "../config/style-schema";

// The e-paper's own words, in the paper's language. What the printed page also says (the folio
// 第N版, 下转第N版, the date) comes from the house style's words, so the site says it the same way.

export interface EpaperWords {
  pageNav: string;
  archive: string;
  latest: string;
  prevPage: string;
  nextPage: string;
  prevStory: string;
  nextStory: string;
  pageStories: string;
  issuePages: string;
  pagePdf: string;
  /** The page's large picture, to zoom in. */
  fullSize: string;
  /** The page a story is on, `{folio}` filled in (第3版). */
  onPage: string;
  backToPage: string;
  skipToContent: string;
  storiesOfPage: string;
  feedTitle: string;
  noIssue: string;
}

export const EPAPER_WORDS: Record<Lang, EpaperWords> = {
  "zh-Hans": {
    pageNav: "版面导航",
    archive: "往期",
    latest: "最新一期",
    prevPage: "上一版",
    nextPage: "下一版",
    prevStory: "上一篇",
    nextStory: "下一篇",
    pageStories: "本版标题",
    issuePages: "本期版面",
    pagePdf: "本版PDF",
    fullSize: "查看大图",
    onPage: "刊于{folio}",
    backToPage: "返回{folio}",
    skipToContent: "跳到正文",
    storiesOfPage: "{folio}的稿件",
    feedTitle: "{paper} 数字报",
    noIssue: "暂无",
  },
  "zh-Hant": {
    pageNav: "版面導航",
    archive: "往期",
    latest: "最新一期",
    prevPage: "上一版",
    nextPage: "下一版",
    prevStory: "上一篇",
    nextStory: "下一篇",
    pageStories: "本版標題",
    issuePages: "本期版面",
    pagePdf: "本版PDF",
    fullSize: "查看大圖",
    onPage: "刊於{folio}",
    backToPage: "返回{folio}",
    skipToContent: "跳到正文",
    storiesOfPage: "{folio}的稿件",
    feedTitle: "{paper} 數碼報",
    noIssue: "暫無",
  },
  en: {
    pageNav: "Pages",
    archive: "Back issues",
    latest: "Latest issue",
    prevPage: "Previous page",
    nextPage: "Next page",
    prevStory: "Previous story",
    nextStory: "Next story",
    pageStories: "On this page",
    issuePages: "Pages of this issue",
    pagePdf: "PDF of this page",
    fullSize: "Full-size page",
    onPage: "{folio}",
    backToPage: "Back to {folio}",
    skipToContent: "Skip to content",
    storiesOfPage: "Stories on {folio}",
    feedTitle: "{paper} e-edition",
    noIssue: "none",
  },
};
