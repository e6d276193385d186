import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { setDocumentMetadata } from "../../src/pdf/metadata";
import { checkBoxes } from "../../src/preflight/boxes-check";
import { checkColourSpaces } from "../../src/preflight/colour-check";
import { checkFonts } from "../../src/preflight/fonts-check";
import { checkImageResolution } from "../../src/preflight/images-check";
import { checkBlackOnK, checkInkLimit } from "../../src/preflight/ink-check";
import { checkPdfx } from "../../src/preflight/pdfx-check";
import { parsePdffonts, parsePdfimages } from "../../src/preflight/poppler";
import { mmToPt } from "../../src/press/boxes";

const W = mmToPt(275);
const H = mmToPt(390);
const M = mmToPt(15);

async function pageWith(boxes: { trim?: boolean; bleedMm?: number }, content = "0 g 0 0 10 10 re f") {
  const doc = await PDFDocument.create();
  const page = doc.addPage([W + 2 * M, H + 2 * M]);
  if (boxes.trim) page.setTrimBox(M, M, W, H);
  if (boxes.bleedMm !== undefined) {
    const b = mmToPt(boxes.bleedMm);
    page.setBleedBox(M - b, M - b, W + 2 * b, H + 2 * b);
  }
  page.node.set(PDFName.of("Contents"), doc.context.register(doc.context.flateStream(content)));
  return doc;
}

describe("page boxes and bleed", () => {
  it("passes a TrimBox with 3 mm bleed inside the MediaBox", async () => {
    const [boxes, bleed] = checkBoxes(await pageWith({ trim: true, bleedMm: 3 }), 3);
    expect(boxes?.status).toBe("pass");
    expect(boxes?.message).toContain("275.0 × 390.0 mm");
    expect(bleed?.status).toBe("pass");
  });

  it("fails without TrimBox or with too little bleed", async () => {
    const [noTrim, noBleed] = checkBoxes(await pageWith({}), 3);
    expect(noTrim?.findings[0]?.message).toMatch(/no TrimBox/);
    expect(noBleed?.findings[0]?.message).toMatch(/no BleedBox/);
    const [, thin] = checkBoxes(await pageWith({ trim: true, bleedMm: 1 }), 3);
    expect(thin?.status).toBe("fail");
    expect(thin?.findings[0]?.message).toBe("bleed 1.0 mm, 3 mm needed");
  });
});

describe("colour spaces", () => {
  it("finds DeviceRGB operators in content streams", async () => {
    const r = checkColourSpaces(await pageWith({}, "0 0 0 rg 0 0 1 1 re f"), [], false);
    expect(r.status).toBe("fail");
    expect(r.findings[0]).toMatchObject({ page: 1, severity: "fail" });
  });

  it("passes grey and CMYK operators, and flags RGB and ICC images from pdfimages", async () => {
    const doc = await pageWith({}, "0 g 0 G 0 0 0 1 k 1 0 0 0 K");
    expect(checkColourSpaces(doc, [], true).status).toBe("pass");
    const img = (colour: string, components: number) => ({
      page: 1,
      type: "image",
      width: 10,
      height: 10,
      colour,
      components,
      encoding: "jpeg",
      xPpi: 200,
      yPpi: 200,
    });
    expect(checkColourSpaces(doc, [img("rgb", 3)], false).status).toBe("fail");
    expect(checkColourSpaces(doc, [img("icc", 3)], false).status).toBe("fail");
    expect(checkColourSpaces(doc, [img("icc", 4)], false).status).toBe("warn");
    expect(checkColourSpaces(doc, [img("icc", 4)], true).status).toBe("fail");
    expect(checkColourSpaces(doc, [img("cmyk", 4)], true).status).toBe("pass");
  });
});

describe("fonts, images, ink", () => {
  const fontsOut = `name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
AAAAAA+NotoSerifSC-Regular           CID TrueType      Identity-H       yes yes yes      4  0
[none]                               Type 3            Custom           yes no  yes     14  0
Helvetica                            Type 1            WinAnsi          no  no  no       9  0
`;
  it("parses pdffonts and fails Type 3 and unembedded fonts", () => {
    const fonts = parsePdffonts(fontsOut);
    expect(fonts.map((f) => f.type)).toEqual(["CID TrueType", "Type 3", "Type 1"]);
    const r = checkFonts(fonts);
    expect(r.status).toBe("fail");
    expect(r.findings.map((f) => f.message)).toEqual([
      "(unnamed) is a Type 3 font",
      "Helvetica (Type 1) is not embedded",
    ]);
    expect(checkFonts(fonts.slice(0, 1)).status).toBe("pass");
  });

  it("fails a system fallback font: a character the page's own fonts lacked", () => {
    const row = { type: "CID TrueType", encoding: "Identity-H", embedded: true, subset: true };
    const fallback = [{ ...row, name: "BAAAAA+DejaVuSans" }];
    const r = checkFonts(fallback);
    expect(r.status).toBe("fail");
    expect(r.findings[0]?.message).toMatch(/BAAAAA\+DejaVuSans is a system fallback font/);
    expect(checkFonts([{ ...row, name: "AAAAAA+NotoSerifSCExtraLight-Regular" }]).status).toBe("pass");
  });

  const imagesOut = `page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   2     0 image     640   427  icc     3   8  jpeg   no        19  0   136   135  110K  14%
   3     1 smask     640   427  gray    1   8  image  no        20  0   136   135  10K  4%
   3     2 image    2000  1500  cmyk    4   8  image  no        21  0   300   300  10M  80%
`;
  it("parses pdfimages and warns below the minimum resolution", () => {
    const images = parsePdfimages(imagesOut);
    expect(images).toHaveLength(3);
    expect(images[0]).toMatchObject({ page: 2, colour: "icc", components: 3, xPpi: 136, yPpi: 135 });
    const r = checkImageResolution(images, 150);
    expect(r.status).toBe("warn");
    expect(r.findings).toEqual([{ severity: "warn", page: 2, message: "640×427 px image at 135 ppi (below 150)" }]);
  });

  it("judges total ink and rich black per page", () => {
    const avg = { c: 0, m: 0, y: 0, k: 1 };
    const ink = checkInkLimit(
      [
        { maxTac: 100, average: avg },
        { maxTac: 295.7, average: avg },
      ],
      220,
    );
    expect(ink.findings).toEqual([{ severity: "fail", page: 2, message: "295.7% total ink, over the 220% limit" }]);
    const rich = checkBlackOnK([{ pixels: 0 }, { pixels: 500, box: { x: 1, y: 2, width: 3, height: 4 } }]);
    expect(rich.status).toBe("fail");
    expect(rich.findings[0]?.page).toBe(2);
  });
});

describe("PDF/X identification", () => {
  it("fails a file without version or output intent", async () => {
    const r = checkPdfx(await pageWith({}));
    expect(r.findings.map((f) => f.message)).toEqual([
      "no GTS_PDFXVersion in the document information",
      "no GTS_PDFX output intent",
    ]);
  });

  it("passes a declared PDF/X-1a with an output intent and profile", async () => {
    const doc = await pageWith({ trim: true, bleedMm: 3 });
    doc.setTitle("t");
    const info = doc.context.lookup(doc.context.trailerInfo.Info) as unknown as {
      set: (k: PDFName, v: unknown) => void;
    };
    info.set(PDFName.of("GTS_PDFXVersion"), PDFString.of("PDF/X-1:2001"));
    info.set(PDFName.of("GTS_PDFXConformance"), PDFString.of("PDF/X-1a:2001"));
    info.set(PDFName.of("Trapped"), PDFName.of("False"));
    const profile = doc.context.register(doc.context.flateStream(new Uint8Array(4), { N: 4 }));
    const intent = doc.context.obj({
      Type: "OutputIntent",
      S: "GTS_PDFX",
      OutputConditionIdentifier: PDFString.of("CGATS TR 002"),
      DestOutputProfile: profile,
    });
    doc.catalog.set(PDFName.of("OutputIntents"), doc.context.obj([intent]));
    const r = checkPdfx(doc);
    expect(r.status).toBe("pass");
    expect(r.message).toBe('PDF/X-1a:2001, output intent "CGATS TR 002"');
  });
});

describe("PDF/X-4 rules", () => {
  /** A page declared PDF/X-4 by newsprint's own metadata code, with an output intent. */
  async function x4({ header = "1.6", profile = true }: { header?: string; profile?: boolean } = {}) {
    const doc = await pageWith({ trim: true, bleedMm: 3 });
    setDocumentMetadata(doc, { title: "t", date: new Date("2026-12-08T00:00:00Z"), pdfx: "PDF/X-4" });
    const intent = doc.context.obj({
      Type: "OutputIntent",
      S: "GTS_PDFX",
      OutputConditionIdentifier: PDFString.of("CGATS TR 002"),
      ...(profile
        ? { DestOutputProfile: doc.context.register(doc.context.flateStream(new Uint8Array(4), { N: 4 })) }
        : {}),
    });
    doc.catalog.set(PDFName.of("OutputIntents"), doc.context.obj([intent]));
    const bytes = await doc.save({ useObjectStreams: false });
    Buffer.from(bytes.buffer, bytes.byteOffset, 8).write(`%PDF-${header}`, "latin1");
    return PDFDocument.load(bytes, { updateMetadata: false });
  }

  it("passes PDF 1.6 with the version in the XMP and the profile embedded", async () => {
    const r = checkPdfx(await x4());
    expect(r.findings).toEqual([]);
    expect(r.message).toBe('PDF/X-4, output intent "CGATS TR 002"');
  });

  it("reads the version from the XMP when the document information has none", async () => {
    const doc = await x4();
    const info = doc.context.lookup(doc.context.trailerInfo.Info) as unknown as { delete: (k: PDFName) => void };
    info.delete(PDFName.of("GTS_PDFXVersion"));
    expect(checkPdfx(doc).status).toBe("pass");
  });

  it("fails a PDF 1.3 header and a missing profile", async () => {
    expect(checkPdfx(await x4({ header: "1.3" })).findings).toEqual([
      { severity: "fail", message: "PDF/X-4 needs PDF 1.6 or later, the file is PDF 1.3" },
    ]);
    expect(checkPdfx(await x4({ profile: false })).findings).toEqual([
      { severity: "fail", message: "PDF/X-4 needs the output intent's ICC profile embedded (DestOutputProfile)" },
    ]);
  });

  it("fails a file declared X-4 whose XMP does not say so", async () => {
    const doc = await x4();
    doc.catalog.delete(PDFName.of("Metadata"));
    expect(checkPdfx(doc).findings).toEqual([
      { severity: "fail", message: "PDF/X-4 needs pdfxid:GTS_PDFXVersion in the XMP metadata" },
    ]);
  });
});
