import type { PlaceProblem } from "../edit-vocabulary";
import { run, type Words } from "./words";

// 版面編輯的用語，依台港習慣而非逐字轉換：預覽、檔案、儲存、伺服器、範本、唯讀、磁碟、分頁、
// 解析度、檢視；版、稿件、欄、行、轉版、重排、撤銷、固定、補白、版心。

const handPage = (page: number) => `第${page}版是手工排定的版面（有明確的 "layout" 清單）：版上每塊稿件都有固定位置`;

const placeProblem = (p: PlaceProblem) => {
  const where = `${p.path || "檔案"}：應為 ${p.expected}，實為 ${p.found}`;
  return p.offGrid ? `${p.offGrid.field} ${p.offGrid.value} 超出版心（${where}）` : where;
};

export const zhHant: Words = {
  language: "zh-Hant",
  shell: {
    title: "newsprint 預覽",
    issueTitle: (issue) => `${issue} · newsprint 預覽`,
    toolbar: "預覽",
    page: "版",
    previousPage: "上一版（PageUp）",
    nextPage: "下一版（PageDown）",
    view: "檢視",
    single: "單版",
    spread: "雙版",
    zoom: "縮放",
    zoomOut: "縮小（−）",
    zoomIn: "放大（+）",
    fitWidth: "符合寬度",
    fitWidthAt: (percent) => `符合寬度（${percent} %）`,
    overlays: "輔助線",
    columns: "欄線",
    baselines: "基線",
    trim: "裁切線與出血",
    highlights: "標記",
    warnings: "提示",
    warningsByPage: "各版提示",
    pages: "版面",
    pagesHint: "把稿件拖到另一版，即轉到該版。",
    building: "正在排版…",
    noPagesYet: "還沒有版面。",
    pagesVersion: (version) => `版面（第 ${version} 次更新）`,
  },
  status: {
    connecting: "正在連線…",
    building: "正在重排…",
    updated: (time, seconds) => `已更新 ${time}${seconds !== undefined ? ` · ${seconds.toFixed(1)} 秒` : ""}`,
    error: "發生錯誤",
    notUpdated: "未更新：發生錯誤",
    unreachable: "連不上預覽伺服器，正在重試…",
    saving: "正在儲存…",
    undoing: "正在撤銷…",
    redoing: "正在重做…",
    nothingToUndo: "沒有可撤銷的操作",
    nothingToRedo: "沒有可重做的操作",
    nothingToChange: "無需變更",
    editRefused: (reason) => `修改被拒：${reason}`,
    editNotMade: (reason) => `未能修改：${reason}`,
  },
  panel: {
    kinds: {
      overflow: "溢出",
      lines: "行數不符",
      jump: "轉版",
      "low-resolution": "圖片解析度低",
      underfull: "稿量不足",
      makeup: "排版",
      refused: "未能修改",
    },
    nothingToReport: "沒有問題。",
    page: (page) => `第${page}版`,
    plan: "版面規劃",
    stories: (count, fromPool) => `${count} 篇稿件${fromPool ? `（${fromPool} 篇來自稿庫）` : ""}`,
    ads: (count) => `${count} 則廣告`,
    jumps: (list) => `轉版 ${list}`,
    story: (article, lines, photos) => `${article}：${lines} 行，${photos} 張圖片`,
    madeUpByHand: "手工排定",
    pinned: "已固定",
    placedByMakeup: "自動排版",
    adLocked: (id) => `廣告 ${id} · 鎖定`,
    adBooked: "已預訂：鎖定",
  },
  error: {
    titles: {
      photo: "圖片有問題",
      issue: "本期檔案有誤",
      fit: "稿件排不下",
      build: "版面無法產生",
      template: "範本無法編譯",
      paged: "Paged.js 排不出版面",
    },
    title: "錯誤",
    note: "下面是上次排成的版面。改好檔案並儲存，預覽會自動更新。",
    hide: "隱藏",
    at: "位置",
    showOnPages: "在版面上顯示",
  },
  editor: {
    readOnly: "唯讀預覽",
    adLocked: "廣告：已預訂，鎖定",
    continuedFrom: (page) => `接第${page}版：請在該版移動`,
    filler: "補白：版面稿量不足時由自動排版放置",
    saving: "正在儲存…",
    placedByMakeup: "自動排版",
    placedByHand: "手工排定",
    pinned: "已固定",
    pinHere: "Enter：固定在此 · Esc：取消",
    outsideGrid: "超出版心",
    overAd: (id) => `壓住廣告 ${id}`,
    toPage: (page) => `轉到第${page}版：自動排版`,
    swapWith: (id) => `與 ${id} 對調`,
    pinAt: (rect) => `固定在 ${rect}`,
    resizeTo: (columns, lines) => `改為 ${columns} 欄 × ${lines} 行`,
    rect: (r) => `第${run(r.col, r.span)}欄，第${run(r.row, r.rows)}行`,
  },
  refusal: {
    "changed-on-disk": (r) =>
      `這些版面顯示之後，${r.file} 已在磁碟上被改動（在編輯器或另一個分頁中儲存）：版面已依檔案重排，這次修改沒有做。請在新版面上再改一次。`,
    "not-built-from-file": (r) => `顯示的版面不是依 ${r.file} 現在的內容排的：請等新版面出來`,
    "changed-while-checked": (r) => `檢查這次修改時 ${r.file} 在磁碟上被改動了：版面已依檔案重排`,
    "changed-while-made-up": (r) => `這次修改重排時 ${r.file} 在磁碟上被改動了：版面依檔案顯示`,
    filler: (r) => `「${r.article}」是補白：版面稿量不足時由自動排版放置。要手工安排，請先把它移入某一版的稿件清單`,
    "no-article": (r) => `本期各版沒有稿件「${r.article}」`,
    "hand-page-unpin": (r) => `${handPage(r.page)}；「${r.article}」不能改為自動排版`,
    "hand-page-height": (r) => `${handPage(r.page)}：「${r.article}」需要以行計的高度`,
    "hand-page-move-from": (r) => `${handPage(r.page)}：要移走「${r.article}」，請修改該版的 layout 清單`,
    "hand-page-move-to": (r) => `第${r.page}版是手工排定的版面（有明確的 "layout" 清單）：請在那裡加入「${r.article}」`,
    "ad-locked": (r) => `廣告「${r.ad}」由廣告部預訂，已鎖定`,
    "not-shown": (r) => `「${r.article}」不在顯示的版面上`,
    "no-page": (r) => `本期沒有第${r.page}版`,
    "different-pages": (r) => `「${r.article}」和「${r.with}」不在同一版：要轉版，請把稿件拖到另一版上`,
    "cannot-go-there": (r) => `不能放在那裡：${r.problems.map(placeProblem).join("；")}`,
    "does-not-fit": (r) =>
      `稿件排不下了：${r.unplaced.map((u) => `稿件 ${u.article}：${u.lines} 行排不下（${u.reason}）`).join("；")}`,
    "pin-clash": (r) => {
      if (r.clash.kind === "leaves-grid") return `稿件「${r.article}」固定的位置超出版心`;
      const o = r.clash.obstacle;
      const what = "article" in o ? `稿件「${o.article}」` : "ad" in o ? `廣告「${o.ad}」` : "報頭";
      return `稿件「${r.article}」固定的位置壓住了${what}`;
    },
    makeup: (r) => `排不出這樣的版面：${r.detail}`,
    "rebuild-failed": (r) => `${zhHant.error.titles[r.error ?? "build"]}：${r.details.join("；")}`,
    "forbidden-host": () => "不接受這個主機名稱",
    "not-own-page": () => "只接受預覽頁面本身送出的修改",
    "no-token": () => "沒有有效的修改權杖",
    "not-json-type": () => "請求內容應為 JSON",
    "too-large": () => "修改內容過大",
    "not-json": () => "請求內容不是 JSON",
    "not-an-edit": (r) => `不是有效的修改${r.where ? `（${r.where}）` : ""}：${r.detail}`,
    "other-issue": (r) => `這個預覽只服務 ${r.issue}`,
    "stale-pages": () => "螢幕上的版面不是依檔案現在的內容排的：請等新版面出來",
    "no-answer": (r) => `預覽伺服器沒有回應（${r.detail}）`,
  },
};
