// Makes the artwork of the ad sample (issues/ads/ads/): fictional advertisers, our own fonts.
// The PDF artwork is an HTML page printed by Chromium (live text, embedded fonts, vector shapes);
// the PNG artwork is a screenshot of one at 300 ppi, tagged with its resolution by sharp.
// Run once: node --import tsx scripts/make-sample-ads.ts (the files are committed).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { launchBrowser } from "../src/browser/browser";
import { resolveConfig } from "../src/config/resolve";
import { resolveFormat } from "../src/load";
import { startServer } from "../src/server/server";
import { appMounts } from "../src/typeset/assets";
import { ptToMm } from "../src/units";

const out = join(import.meta.dirname, "..", "issues", "ads", "ads");
mkdirSync(out, { recursive: true });

/** Width of `span` tabloid columns with their gutters, as the ads are sold. */
function columnsMm(span: number): number {
  const f = resolveFormat("tabloid");
  return ptToMm(span * f.columnWidth + (span - 1) * f.gutter);
}

interface Artwork {
  file: string;
  widthMm: number;
  heightMm: number;
  body: string;
  css: string;
}

const base = `
  * { box-sizing: border-box; margin: 0; }
  html, body { width: 100%; height: 100%; }
  body { font-family: "Noto Sans SC", sans-serif; display: flex; }
  .serif { font-family: "Noto Serif SC", serif; }
`;

const ARTWORK: Artwork[] = [
  {
    // 通栏: the full width of a tabloid page (6 columns), 70 mm high.
    file: "tonglan-jiadian.pdf",
    widthMm: columnsMm(6),
    heightMm: 70,
    css: `
      body { background: #c8102e; color: #fff; padding: 5mm 7mm; gap: 6mm; align-items: center; }
      .left { flex: 1 1 auto; }
      h1 { font-family: "Noto Serif SC", serif; font-size: 12mm; font-weight: 900; letter-spacing: 0.6mm;
           line-height: 1.1; white-space: nowrap; }
      .sub { font-size: 5mm; font-weight: 700; margin-top: 2mm; }
      .offer { flex: 0 0 62mm; height: 100%; background: #ffd100; color: #c8102e; border-radius: 3mm;
               display: flex; flex-direction: column; justify-content: center; align-items: center; }
      .offer b { font-size: 17mm; font-weight: 900; line-height: 1; }
      .offer span { font-size: 4.5mm; font-weight: 700; }
      .foot { font-size: 3.6mm; margin-top: 3mm; }`,
    body: `<div class="left"><h1>水城惠民家电 元旦焕新季</h1>
      <p class="sub">全场家电以旧换新 · 节能产品政府补贴 · 送货安装到家</p>
      <p class="foot">地址：东昌府区示例路 88 号　　服务热线：0635-000 0000　　活动时间：12月30日—1月3日</p></div>
      <div class="offer"><span>以旧换新 最高补贴</span><b>800元</b><span>（本广告为样张）</span></div>`,
  },
  {
    // 半通栏: 3 columns, 60 mm: a PNG, as small advertisers deliver it.
    file: "jianshen-youyong.png",
    widthMm: columnsMm(3),
    heightMm: 60,
    css: `
      body { background: #0a5fa8; color: #fff; flex-direction: column; justify-content: center; padding: 4mm 6mm; }
      h1 { font-size: 9mm; font-weight: 900; line-height: 1.15; }
      p { font-size: 4mm; font-weight: 700; margin-top: 2mm; }
      .wave { height: 6mm; margin-top: 3mm; background: repeating-linear-gradient(90deg, #7fd1ff 0 8mm, #0a5fa8 8mm 12mm); }`,
    body: `<h1>东昌湖全民健身中心<br>冬季游泳班招生</h1><p>少儿 · 成人 · 零基础　每周六日开班</p>
      <p>报名电话：0635-000 1111</p><div class="wave"></div>`,
  },
  {
    // 公益广告: 3 columns, 60 mm.
    file: "gongyi-wenming.pdf",
    widthMm: columnsMm(3),
    heightMm: 60,
    css: `
      body { background: #fff; color: #1b5e20; border: 1.2mm solid #2e7d32; flex-direction: column;
             justify-content: center; align-items: center; text-align: center; }
      h1 { font-size: 12mm; font-weight: 900; line-height: 1.2; }
      p { font-size: 4.2mm; margin-top: 2.5mm; color: #333; }`,
    body: `<h1 class="serif">文明出行<br>礼让斑马线</h1><p>东昌府区文明办　宣</p>`,
  },
  {
    // 报眼: the front page's ear, 2 columns beside the masthead.
    file: "baoyan-dingyue.png",
    widthMm: columnsMm(2),
    heightMm: 40,
    css: `
      body { background: #fff4e5; color: #8a1c00; border: 0.8mm solid #b00000; flex-direction: column;
             justify-content: center; align-items: center; text-align: center; }
      h1 { font-size: 7mm; font-weight: 900; }
      p { font-size: 3.6mm; font-weight: 700; margin-top: 1.5mm; }`,
    body: `<h1 class="serif">2023年度报刊订阅</h1><p>邮局订阅代号 00-000</p><p>全年 120 元 · 送报上门</p>`,
  },
];

/** Chromium rounds a PDF's page to 1/100 inch; the artwork is set back to its exact size, as
 *  an ad agency delivers it (the page placed, vector, into a page of the exact size). */
async function exactSize(pdf: Uint8Array, widthMm: number, heightMm: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [page] = await doc.embedPdf(pdf, [0]);
  if (!page) throw new Error("the printed artwork has no page");
  const pt = (mm: number) => (mm / 25.4) * 72;
  doc.addPage([pt(widthMm), pt(heightMm)]).drawPage(page, { x: 0, y: 0, width: pt(widthMm), height: pt(heightMm) });
  return doc.save();
}

const server = await startServer(appMounts());
const browser = await launchBrowser(resolveConfig().browser);
try {
  for (const art of ARTWORK) {
    // Serif 900 is a face the pages themselves never use: pdffonts tells the ad's type apart.
    const links = [
      "/fonts/noto-serif-sc/400.css",
      "/fonts/noto-serif-sc/700.css",
      "/fonts/noto-sans-sc/700.css",
      "/fonts/noto-sans-sc/900.css",
      "/fonts/noto-serif-sc/900.css",
    ]
      .map((href) => `<link rel="stylesheet" href="${href}">`)
      .join("");
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${links}<style>
      @page { size: ${art.widthMm}mm ${art.heightMm}mm; margin: 0; } ${base} ${art.css}</style></head>
      <body>${art.body}</body></html>`;
    server.setDocument("/art.html", html);
    const page = await browser.newPage();
    const px = (mm: number) => (mm / 25.4) * 96;
    const viewport = { width: Math.ceil(px(art.widthMm)), height: Math.ceil(px(art.heightMm)) };
    await page.setViewport({ ...viewport, deviceScaleFactor: 300 / 96 });
    await page.goto(`${server.url}/art.html`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    if (art.file.endsWith(".pdf")) {
      const pdf = await page.pdf({
        width: `${art.widthMm}mm`,
        height: `${art.heightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true,
      });
      writeFileSync(join(out, art.file), await exactSize(pdf, art.widthMm, art.heightMm));
    } else {
      // The exact size at 300 ppi, whatever the whole CSS pixels of the screenshot.
      const size = { width: Math.round((art.widthMm / 25.4) * 300), height: Math.round((art.heightMm / 25.4) * 300) };
      const shot = await page.screenshot({
        type: "png",
        clip: { x: 0, y: 0, width: px(art.widthMm), height: px(art.heightMm) },
      });
      const png = await sharp(shot)
        .resize(size.width, size.height, { fit: "fill" })
        .withMetadata({ density: 300 })
        .png();
      writeFileSync(join(out, art.file), await png.toBuffer());
    }
    await page.close();
    console.log(`wrote ${join(out, art.file)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
