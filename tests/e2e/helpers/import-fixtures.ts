import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, createDeflateRaw, deflateRawSync, deflateSync } from "node:zlib";
import { Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, TextRun } from "docx";
import type { ArticleData, IssueData } from "../../../src/load";

// Source files for the import tests, built from corpus text by real writers: a .docx by the `docx`
// package (the way Word files reach the desk), Markdown by hand.

const root = join(import.meta.dirname, "..", "..", "..");
export const PHOTO = join(root, "issues/dongchangfu/photos/hubble_deep_field.jpg");

/** Every text the reporter typed, in order: what must come out of the other end. */
export const REPORTER_TEXT = {
  kicker: "古楼街道",
  headline: "固本聚力 开拓小区党建新格局",
  subhead: "实施居民小区党组织覆盖与物业服务覆盖“双推进”",
  dateline: "东昌府讯",
  lead: "近年来，古楼街道党工委大力加强居民小区党建工作，实施居民小区党组织覆盖与物业服务覆盖“双推进”。全面下沉服务重心，延伸服务触角，不断巩固党在基层执政的根基，着力构建党建引领基层治理的新格局。",
  sub1: "强化“工作链”",
  p2a: "全面加强党的领导，为小区党建工作架梁立柱。古楼街道党工委创新建立",
  p2bold: "立体工作模式",
  p2b: "，构建街道上下齐抓城市居民小区党建的工作格局。各小区党支部积极响应，一级抓一级，上下联动，确保居民小区党支部实体化工作有序推进。",
  sub2: "打造“同心圆”",
  p3: "推动居民小区党建与单位、行业、新兴领域党建有机连接，不断扩大党在城市基层的组织和工作覆盖。社区党委凝聚共建共筑单位、居民骨干、社会组织、服务商家等各方力量，在小区治理中发声、发力、共商、共治。",
  byline1: "（融媒体 郭龙君 通讯员 管荣晶）",
  headline2: "践行垃圾分类 争做环保先锋",
  p4: "为提高少先队员们的垃圾分类意识，引导队员参与垃圾分类，践行生态文明理念，近日，风貌街小学的少先队员走进东昌府区垃圾分类教育基地，了解垃圾分类的意义、垃圾分类的方法。",
  caption:
    "为进一步普及防震减灾知识，切实增强全校师生的避险减灾意识和自救、互救能力，近日，韩集镇前姜中心小学组织全体师生开展了防震安全演练活动。（融媒体 郭龙君 通讯员 米会 尹芬芳 摄）",
  p5: "通过参观学习，队员们对垃圾的危害以及垃圾分类处理的重要性有了更加深刻认识，纷纷表示，以后一定要注意节约，减少浪费。",
  office: "团区委宣",
  headline3: "新区街道王卷帽社区开展主题手工活动",
  p6: "东昌府讯 为培养社区青少年的创造力和动手实践能力，激发青少年的想象力，7月19日，新区街道王卷帽社区、阳光社工联合开展以“创意手工，才帽双全”为主题的手工活动。",
  byline3: "（融媒体 裴崇旭）",
} as const;

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** A reporter's Word file: kicker, Heading 1, Subtitle, bold dateline, Heading 2 subheads, a credit;
 *  a second story with a picture and its caption; a third after a page break, without styles. */
export async function reporterDocx(photo: Buffer = readFileSync(PHOTO)): Promise<Buffer> {
  const t = REPORTER_TEXT;
  const doc = new Document({
    styles: {
      paragraphStyles: [{ id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { size: 28 } }],
    },
    sections: [
      {
        children: [
          para(t.kicker),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t.headline)] }),
          new Paragraph({ style: "Subtitle", children: [new TextRun(t.subhead)] }),
          new Paragraph({ children: [new TextRun({ text: t.dateline, bold: true }), new TextRun(` ${t.lead}`)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t.sub1)] }),
          new Paragraph({
            children: [new TextRun(t.p2a), new TextRun({ text: t.p2bold, bold: true }), new TextRun(t.p2b)],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t.sub2)] }),
          para(t.p3),
          para(t.byline1),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t.headline2)] }),
          para(t.p4),
          new Paragraph({
            children: [new ImageRun({ type: "jpg", data: photo, transformation: { width: 400, height: 300 } })],
          }),
          new Paragraph({ children: [new TextRun({ text: t.caption, italics: false })] }),
          para(t.p5),
          para(t.office),
          new Paragraph({ children: [new PageBreak()] }),
          para(t.headline3),
          para(t.p6),
          para(t.byline3),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A Word file from the given paragraphs only (for the error cases). */
export async function plainDocx(paragraphs: Paragraph[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** Full-width marks as reporters type them in Word: half width. */
export const HALF_WIDTH: Record<string, string> = {
  "，": ",",
  "（": "(",
  "）": ")",
  "；": ";",
  "：": ":",
  "？": "?",
  "！": "!",
};
export const typedHalfWidth = (text: string): string => text.replace(/[，（）；：？！]/g, (m) => HALF_WIDTH[m] ?? m);

/** A two-line subhead an editor broke with Shift+Enter: its lines. */
export function twoLineSubhead(a: ArticleData): [string, string] {
  return [`聚焦${a.kicker ?? "基层一线"}`, "用心用情办好民生实事"];
}

/**
 * A page of copy as a Word file, made from the hand-made sample articles of the corpus: each story
 * a kicker paragraph, a Heading 1, a Subtitle on two lines (a line break inside it) for every other
 * story, a bold dateline, the text typed with half-width punctuation, Heading 2 subheads, the
 * credit; the first story with a picture and its caption.
 */
export async function corpusPageDocx(articles: ArticleData[], photo: Buffer = readFileSync(PHOTO)): Promise<Buffer> {
  const children: Paragraph[] = [];
  articles.forEach((a, i) => {
    if (a.kicker) children.push(para(a.kicker));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(a.headline ?? "")] }));
    if (i % 2 === 0) {
      const [one, two] = twoLineSubhead(a);
      children.push(
        new Paragraph({ style: "Subtitle", children: [new TextRun(one), new TextRun({ text: two, break: 1 })] }),
      );
    }
    a.body.forEach((b, k) => {
      if (typeof b === "object" && "subhead" in b)
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.subhead)] }));
      else {
        const text = typedHalfWidth(typeof b === "string" ? b : b.text);
        const lead = k === 0 && a.dateline ? [new TextRun({ text: a.dateline, bold: true }), new TextRun(" ")] : [];
        children.push(new Paragraph({ children: [...lead, new TextRun(text)] }));
      }
    });
    if (i === 0) {
      children.push(
        new Paragraph({
          children: [new ImageRun({ type: "jpg", data: photo, transformation: { width: 400, height: 300 } })],
        }),
      );
      children.push(para("古楼街道党员志愿者走进小区,为居民讲解垃圾分类知识。（通讯员 李凤国 摄）"));
    }
    if (a.byline) children.push(para(`（${a.byline}）`));
  });
  const doc = new Document({
    styles: { paragraphStyles: [{ id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { size: 28 } }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The sample articles with a headline, text and no photo of their own, in sample order. */
export function storiesOf(issue: IssueData, count: number): ArticleData[] {
  return issue.pages
    .flatMap((p) => p.articles)
    .filter((a) => a.headline && a.body.length > 1 && a.images.length === 0)
    .slice(0, count);
}

/** A Word file from the given paragraphs only (for the error cases), with its paragraph style. */
export async function docxOf(children: Paragraph[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A ZIP archive of the given parts, each deflated: a .docx written by hand. */
export function zipOf(parts: { name: string; data: Buffer; crc?: number; size?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const packed = part.size === undefined ? deflateRawSync(part.data) : part.data;
    const crc = part.crc ?? crc32(part.data);
    const size = part.size ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * A zip bomb in the shape of a .docx: word/document.xml inflates to `mb` MB of one paragraph
 * repeated, deflated as a stream (about 1 MB on disk for 270 MB inflated).
 */
export async function zipBombDocx(mb = 270): Promise<Buffer> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from("</w:body></w:document>");
  const paragraph = "<w:p><w:r><w:t>近日，韩集镇开展了人居环境整治活动。</w:t></w:r></w:p>";
  const chunk = Buffer.from(paragraph.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(paragraph))));
  const deflate = createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on("data", (d: Buffer) => packed.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = crc32(head);
  let size = head.length;
  const write = (b: Buffer) =>
    new Promise<void>((resolve) => {
      crc = crc32(b, crc);
      size += b.length;
      if (deflate.write(b)) resolve();
      else deflate.once("drain", () => resolve());
    });
  deflate.write(head);
  for (let i = 0; i < mb; i++) await write(chunk);
  await write(tail);
  deflate.end();
  await done;
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    { name: "word/document.xml", data: Buffer.concat(packed), crc, size },
  ]);
}

/** A ZIP archive with Word's package parts but no document in it. */
export function zipWithoutDocument(): Buffer {
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
  ]);
}

/** A valid PNG header declaring `width`×`height` pixels, with a few bytes of pixel data. */
export function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export { HeadingLevel, ImageRun, Paragraph, TextRun };
