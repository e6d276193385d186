import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, TextRun } from "docx";

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

export { HeadingLevel, ImageRun, Paragraph, TextRun };
