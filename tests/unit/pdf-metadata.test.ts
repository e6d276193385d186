import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { LANG_DEFAULTS, newspaperTitle } from "../../src/config/langs";
import { CREATOR, setDocumentMetadata } from "../../src/pdf/metadata";
import { NEWSPRINT_VERSION } from "../../src/version";

// Info and XMP of every PDF newsprint writes, set by one function.

async function blank(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([100, 100]);
  doc.setTitle("measure");
  return doc.save();
}

function xmpOf(doc: PDFDocument): string {
  const stream = doc.context.lookup(doc.catalog.get(PDFName.of("Metadata")));
  if (!(stream instanceof PDFRawStream)) throw new Error("no XMP stream");
  return Buffer.from(stream.contents).toString("utf8");
}

const date = new Date("2022-12-30T00:00:00Z");

describe("newspaperTitle", () => {
  const zh = LANG_DEFAULTS["zh-Hans"].words;

  it("names the paper, the date the Chinese way, the issue number and the page", () => {
    expect(newspaperTitle({ paperName: "东昌府新闻", date: "2022-12-30" }, zh)).toBe("东昌府新闻 2022年12月30日");
    expect(newspaperTitle({ paperName: "东昌府新闻", date: "2022-01-05", issueNumber: 1234, page: 3 }, zh)).toBe(
      "东昌府新闻 2022年1月5日 总第1234期 第3版",
    );
  });

  it("writes an English paper's title in its words: weekday, month name, No., Page", () => {
    const en = LANG_DEFAULTS.en.words;
    const weekly = { paperName: "The Riverside Weekly", date: "2026-11-30", issueNumber: 418 };
    expect(newspaperTitle(weekly, en)).toBe("The Riverside Weekly, Monday, November 30, 2026, No. 418");
    expect(newspaperTitle({ ...weekly, page: 3 }, en)).toBe(
      "The Riverside Weekly, Monday, November 30, 2026, No. 418, Page 3",
    );
  });

  it("takes the words of the paper's style: Traditional labels, its folio", () => {
    const words = { ...LANG_DEFAULTS["zh-Hant"].words, issueNumber: "第{n}期", folio: "A{n}" };
    expect(newspaperTitle({ paperName: "港聞", date: "2023-01-20", issueNumber: 9, page: 2 }, words)).toBe(
      "港聞 2023年1月20日 第9期 A2",
    );
  });
});

describe("setDocumentMetadata", () => {
  it("replaces the title and creator of a PDF given as bytes, and adds XMP", async () => {
    const bytes = await setDocumentMetadata(await blank(), {
      title: "东昌府新闻 2022年12月30日 第1版",
      author: "中共聊城市东昌府区委宣传部",
      subject: "印刷文件 <第1版> & more",
      keywords: ["东昌府新闻", "要闻"],
      date,
    });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe("东昌府新闻 2022年12月30日 第1版");
    expect(doc.getAuthor()).toBe("中共聊城市东昌府区委宣传部");
    expect(doc.getCreator()).toBe(`newsprint ${NEWSPRINT_VERSION}`);
    expect(CREATOR).toBe(`newsprint ${NEWSPRINT_VERSION}`);
    expect(doc.getCreationDate()?.toISOString()).toBe(date.toISOString());
    const xmp = xmpOf(doc);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">东昌府新闻 2022年12月30日 第1版</rdf:li>');
    expect(xmp).toContain("印刷文件 &lt;第1版&gt; &amp; more");
    expect(xmp).toContain(
      "<dc:subject><rdf:Bag><rdf:li>东昌府新闻</rdf:li><rdf:li>要闻</rdf:li></rdf:Bag></dc:subject>",
    );
    expect(xmp).toContain(`<xmp:CreatorTool>newsprint ${NEWSPRINT_VERSION}</xmp:CreatorTool>`);
    expect(xmp).toContain("<xmp:ModifyDate>2022-12-30T00:00:00Z</xmp:ModifyDate>");
    expect(xmp).not.toContain("GTS_PDFX");
  });

  it("writes the PDF/X identification into Info and XMP alike, and replaces an earlier XMP", async () => {
    const doc = await PDFDocument.load(await blank());
    setDocumentMetadata(doc, { title: "a", date, pdfx: "PDF/X-1a:2001" });
    setDocumentMetadata(doc, { title: "b", date, pdfx: "PDF/X-3:2002" });
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect((info.lookup(PDFName.of("GTS_PDFXVersion")) as PDFString).decodeText()).toBe("PDF/X-3:2002");
    expect(info.lookup(PDFName.of("GTS_PDFXConformance"))).toBeUndefined();
    expect(info.lookup(PDFName.of("Trapped"))).toEqual(PDFName.of("False"));
    const xmp = xmpOf(doc);
    expect(xmp).toContain("<pdfxid:GTS_PDFXVersion>PDF/X-3:2002</pdfxid:GTS_PDFXVersion>");
    expect(xmp).not.toContain("GTS_PDFXConformance");
    expect(xmp).toContain('<rdf:li xml:lang="x-default">b</rdf:li>');
    const metadataStreams = doc.context
      .enumerateIndirectObjects()
      .filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of("Type")) === PDFName.of("Metadata"));
    expect(metadataStreams).toHaveLength(1);
  });
});
