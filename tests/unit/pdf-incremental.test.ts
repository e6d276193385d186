import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { appendDocumentMetadata } from "../../src/pdf/metadata";
import { must } from "../helpers/must";

// The proof's metadata as an incremental update: the printed bytes stay as they are, and every
// reader (pdf-lib, poppler) finds the new Info and XMP.

async function plainPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 300]).drawText("x");
  return doc.save({ useObjectStreams: false });
}

const meta = {
  title: "东昌府新闻 2022年12月30日 总第1234期",
  author: "中共聊城市东昌府区委宣传部",
  keywords: ["要闻", "综合"],
  date: new Date("2022-12-30T00:00:00Z"),
};

describe("appendDocumentMetadata", () => {
  it("appends Info and XMP after the untouched original bytes", async () => {
    const original = await plainPdf();
    const updated = must(appendDocumentMetadata(original, meta), "the metadata appended");
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const doc = await PDFDocument.load(updated);
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe(meta.author);
    expect(doc.getCreator()).toMatch(/^newsprint /);
    const xmp = doc.catalog.lookup(PDFName.of("Metadata"));
    expect(xmp).toBeInstanceOf(PDFRawStream);
    expect(Buffer.from((xmp as PDFRawStream).getContents()).toString("utf8")).toContain(meta.title);
    const file = join(mkdtempSync(join(tmpdir(), "newsprint-incr-")), "a.pdf");
    writeFileSync(file, updated);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Title:\s+东昌府新闻 2022年12月30日 总第1234期$/m);
    expect(info).toMatch(/^Keywords:\s+要闻 综合$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
  });

  it("leaves a file without a classic cross-reference table to the caller", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const streams = await doc.save({ useObjectStreams: true });
    expect(appendDocumentMetadata(streams, meta)).toBeUndefined();
  });
});
