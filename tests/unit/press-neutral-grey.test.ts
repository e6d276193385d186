import { deflateSync } from "node:zlib";
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { instructions } from "../../src/pdf/content-lexer";
import {
  type ColourSpaceLookup,
  formatNumber,
  neutralLevel,
  rewriteNeutralColours,
} from "../../src/press/neutral-grey";
import { neutraliseDocument } from "../../src/press/neutralise-document";

const noSpaces: ColourSpaceLookup = () => "other";
const iccRgb: ColourSpaceLookup = (name) => (name === "/CS0" ? "rgb" : "other");
const rewrite = (s: string, lookup = noSpaces) => rewriteNeutralColours(s, lookup);

describe("neutral RGB → DeviceGray", () => {
  it("turns Chromium's black and grey into g/G and leaves colours alone", () => {
    const src = "0 0 0 RG 0 0 0 rg\nBT /F4 13 Tf (x) Tj ET\n.502 .502 .502 rg 76 121 888 1 re f\n.8 0 0 rg";
    const out = rewrite(src);
    expect(out.content).toBe("0 G 0 g\nBT /F4 13 Tf (x) Tj ET\n0.502 g 76 121 888 1 re f\n.8 0 0 rg");
    expect(out.rewritten).toBe(3);
  });

  it("accepts half a CSS step of difference, no more", () => {
    expect(neutralLevel(num(["0.2", "0.2", "0.201"]))).toBeCloseTo(0.2003, 4);
    expect(neutralLevel(num(["0.2", "0.2", "0.21"]))).toBeUndefined();
    expect(neutralLevel(num(["0", "0"]))).toBeUndefined();
  });

  it("rewrites sc/scn in an ICC RGB space and re-selects the space for the next colour", () => {
    const src = "/CS0 cs 0 0 0 sc (a) Tj 1 0 0 sc (b) Tj";
    expect(rewrite(src, iccRgb).content).toBe("/CS0 cs 0 g (a) Tj /CS0 cs 1 0 0 sc (b) Tj");
  });

  it("leaves sc in non-RGB spaces and patterns untouched", () => {
    const src = "/CS1 cs 0 0 0 sc /P0 scn 0.5 sc";
    expect(rewrite(src, iccRgb).content).toBe(src);
  });

  it("after a rewritten rg, a coloured sc goes back through rg", () => {
    expect(rewrite("0 0 0 rg f 1 0 0 sc f").content).toBe("0 g f 1 0 0 rg f");
  });

  it("follows q/Q: a colour after Q is in the restored (original) space", () => {
    const src = "/CS0 cs q 0 0 0 sc f Q 1 0 0 sc f";
    // After Q the output is back in /CS0 (the gray was inside q…Q), so no re-selection is needed.
    expect(rewrite(src, iccRgb).content).toBe("/CS0 cs q 0 g f Q 1 0 0 sc f");
  });

  it("keeps strings, comments, arrays and inline images intact", () => {
    const src =
      "BT (0 0 0 rg) Tj [(a) 120 (b)] TJ ET % 0 0 0 rg\nBI /W 1 /H 1 /CS /RGB /BPC 8 ID \x00\x00\x00 EI 0 0 0 rg";
    const out = rewrite(src).content;
    expect(out).toBe(src.replace(/0 0 0 rg$/, "0 g"));
  });

  it("formats levels without exponents or trailing zeros", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(0.50196)).toBe("0.502");
    expect(formatNumber(1e-7)).toBe("0");
  });

  it("lexes numbers, names, dictionaries and operators", () => {
    const ops = [...instructions("/GS0 gs <</MCID 0>> BDC 1 0 0 -1 75.5 104 Tm EMC")].map((i) => i.op);
    expect(ops).toEqual(["gs", "BDC", "Tm", "EMC"]);
  });
});

describe("neutralising a document", () => {
  it("rewrites page contents and Form XObjects, with the form's own colour spaces", async () => {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const icc = ctx.register(ctx.flateStream(new Uint8Array(8), { N: 3 }));
    const form = ctx.register(
      PDFRawStream.of(
        ctx.obj({
          Type: "XObject",
          Subtype: "Form",
          BBox: [0, 0, 10, 10],
          Filter: "FlateDecode",
          Resources: { ColorSpace: { CS0: ctx.obj([PDFName.of("ICCBased"), icc]) } },
        }),
        deflateSync(Buffer.from("/CS0 cs 0.2 0.2 0.2 sc 0 0 5 5 re f")),
      ),
    );
    const page = doc.addPage([100, 100]);
    page.node.setXObject(PDFName.of("X0"), form);
    page.node.set(PDFName.of("Contents"), ctx.register(ctx.flateStream("0 0 0 rg 1 1 9 9 re f /X0 Do 1 0 0 RG")));

    expect(neutraliseDocument(doc)).toEqual({ streams: 2, operators: 2 });
    const pageContent = text(ctx.lookup(page.node.get(PDFName.of("Contents"))) as PDFRawStream);
    expect(pageContent).toBe("0 g 1 1 9 9 re f /X0 Do 1 0 0 RG");
    expect(text(ctx.lookup(form) as PDFRawStream)).toBe("/CS0 cs 0.2 g 0 0 5 5 re f");
  });
});

function num(values: string[]) {
  return values.map((text) => ({ text, kind: "number" }));
}

function text(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}
