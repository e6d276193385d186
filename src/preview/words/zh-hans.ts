import type { PlaceProblem } from "../edit-vocabulary";
import { run, type Words } from "./words";

// 版面编辑的用语：版、稿件、栏、行、转版、重排、撤销、固定（钉住位置）、补白、版心。
// 并排看两版叫“双版”，不叫“对开”（对开是报纸的开本）。

const handPage = (page: number) => `第${page}版是手工排定的版面（有明确的 "layout" 列表）：版上每块稿件都有固定位置`;

const placeProblem = (p: PlaceProblem) => {
  const where = `${p.path || "文件"}：应为 ${p.expected}，实为 ${p.found}`;
  return p.offGrid ? `${p.offGrid.field} ${p.offGrid.value} 超出版心（${where}）` : where;
};

export const zhHans: Words = {
  language: "zh-Hans",
  shell: {
    title: "newsprint 预览",
    issueTitle: (issue) => `${issue} · newsprint 预览`,
    toolbar: "预览",
    page: "版",
    previousPage: "上一版（PageUp）",
    nextPage: "下一版（PageDown）",
    view: "视图",
    single: "单版",
    spread: "双版",
    zoom: "缩放",
    zoomOut: "缩小（−）",
    zoomIn: "放大（+）",
    fitWidth: "适合宽度",
    fitWidthAt: (percent) => `适合宽度（${percent} %）`,
    overlays: "辅助线",
    columns: "栏线",
    baselines: "基线",
    trim: "裁切线与出血",
    highlights: "标记",
    warnings: "提示",
    warningsByPage: "各版提示",
    pages: "版面",
    pagesHint: "把稿件拖到另一版，即转到该版。",
    building: "正在排版…",
    noPagesYet: "还没有版面。",
    pagesVersion: (version) => `版面（第 ${version} 次更新）`,
  },
  status: {
    connecting: "正在连接…",
    building: "正在重排…",
    updated: (time, seconds) => `已更新 ${time}${seconds !== undefined ? ` · ${seconds.toFixed(1)} 秒` : ""}`,
    error: "出错",
    notUpdated: "未更新：出错",
    unreachable: "连不上预览服务器，正在重试…",
    saving: "正在保存…",
    undoing: "正在撤销…",
    redoing: "正在重做…",
    nothingToUndo: "没有可撤销的操作",
    nothingToRedo: "没有可重做的操作",
    nothingToChange: "无需改动",
    editRefused: (reason) => `修改被拒：${reason}`,
    editNotMade: (reason) => `未能修改：${reason}`,
  },
  panel: {
    kinds: {
      overflow: "溢出",
      lines: "行数不符",
      jump: "转版",
      "low-resolution": "图片精度低",
      underfull: "稿量不足",
      makeup: "排版",
      refused: "未能修改",
    },
    nothingToReport: "没有问题。",
    page: (page) => `第${page}版`,
    plan: "版面规划",
    stories: (count, fromPool) => `${count} 篇稿件${fromPool ? `（${fromPool} 篇来自稿库）` : ""}`,
    ads: (count) => `${count} 则广告`,
    jumps: (list) => `转版 ${list}`,
    story: (article, lines, photos) => `${article}：${lines} 行，${photos} 张图片`,
    madeUpByHand: "手工排定",
    pinned: "已固定",
    placedByMakeup: "自动排版",
    adLocked: (id) => `广告 ${id} · 锁定`,
    adBooked: "已预订：锁定",
  },
  error: {
    titles: {
      photo: "图片有问题",
      issue: "本期文件有误",
      fit: "稿件排不下",
      build: "版面无法生成",
      template: "模板无法编译",
      paged: "Paged.js 排不出版面",
    },
    title: "错误",
    note: "下面是上次排成的版面。改好文件并保存，预览会自动更新。",
    hide: "隐藏",
    at: "位置",
    showOnPages: "在版面上显示",
  },
  editor: {
    readOnly: "只读预览",
    adLocked: "广告：已预订，锁定",
    continuedFrom: (page) => `接第${page}版：请在该版移动`,
    filler: "补白：版面稿量不足时由自动排版放置",
    saving: "正在保存…",
    placedByMakeup: "自动排版",
    placedByHand: "手工排定",
    pinned: "已固定",
    pinHere: "回车：固定在此 · Esc：取消",
    outsideGrid: "超出版心",
    overAd: (id) => `压住广告 ${id}`,
    toPage: (page) => `转到第${page}版：自动排版`,
    swapWith: (id) => `与 ${id} 对调`,
    pinAt: (rect) => `固定在 ${rect}`,
    resizeTo: (columns, lines) => `改为 ${columns} 栏 × ${lines} 行`,
    rect: (r) => `第${run(r.col, r.span)}栏，第${run(r.row, r.rows)}行`,
  },
  refusal: {
    "changed-on-disk": (r) =>
      `这些版面显示之后，${r.file} 已在磁盘上被改动（在编辑器或另一个标签页中保存）：版面已按文件重排，这次修改没有做。请在新版面上再改一次。`,
    "not-built-from-file": (r) => `显示的版面不是按 ${r.file} 现在的内容排的：请等新版面出来`,
    "changed-while-checked": (r) => `检查这次修改时 ${r.file} 在磁盘上被改动了：版面已按文件重排`,
    "changed-while-made-up": (r) => `这次修改重排时 ${r.file} 在磁盘上被改动了：版面按文件显示`,
    filler: (r) => `“${r.article}”是补白：版面稿量不足时由自动排版放置。要手工安排，请先把它移入某一版的稿件列表`,
    "no-article": (r) => `本期各版没有稿件“${r.article}”`,
    "hand-page-unpin": (r) => `${handPage(r.page)}；“${r.article}”不能改为自动排版`,
    "hand-page-height": (r) => `${handPage(r.page)}：“${r.article}”需要以行计的高度`,
    "hand-page-move-from": (r) => `${handPage(r.page)}：要移走“${r.article}”，请修改该版的 layout 列表`,
    "hand-page-move-to": (r) => `第${r.page}版是手工排定的版面（有明确的 "layout" 列表）：请在那里加入“${r.article}”`,
    "ad-locked": (r) => `广告“${r.ad}”由广告部预订，已锁定`,
    "not-shown": (r) => `“${r.article}”不在显示的版面上`,
    "no-page": (r) => `本期没有第${r.page}版`,
    "different-pages": (r) => `“${r.article}”和“${r.with}”不在同一版：要转版，请把稿件拖到另一版上`,
    "cannot-go-there": (r) => `不能放在那里：${r.problems.map(placeProblem).join("；")}`,
    "does-not-fit": (r) =>
      `稿件排不下了：${r.unplaced.map((u) => `稿件 ${u.article}：${u.lines} 行排不下（${u.reason}）`).join("；")}`,
    "pin-clash": (r) => {
      if (r.clash.kind === "leaves-grid") return `稿件“${r.article}”固定的位置超出版心`;
      const o = r.clash.obstacle;
      const what = "article" in o ? `稿件“${o.article}”` : "ad" in o ? `广告“${o.ad}”` : "报头";
      return `稿件“${r.article}”固定的位置压住了${what}`;
    },
    makeup: (r) => `排不出这样的版面：${r.detail}`,
    "rebuild-failed": (r) => `${zhHans.error.titles[r.error ?? "build"]}：${r.details.join("；")}`,
    "forbidden-host": () => "主机名不被接受",
    "not-own-page": () => "只接受预览页面本身发来的修改",
    "no-token": () => "没有有效的修改令牌",
    "not-json-type": () => "请求内容应为 JSON",
    "too-large": () => "修改内容过大",
    "not-json": () => "请求内容不是 JSON",
    "not-an-edit": (r) => `不是有效的修改${r.where ? `（${r.where}）` : ""}：${r.detail}`,
    "other-issue": (r) => `这个预览只服务 ${r.issue}`,
    "stale-pages": () => "屏幕上的版面不是按文件现在的内容排的：请等新版面出来",
    "no-answer": (r) => `预览服务器没有应答（${r.detail}）`,
  },
};
