import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { mapLimit } from "../concurrency";
import { fillWords, newspaperTitle } from "../config/langs";
import type { PressConfig } from "../config/resolve";
import { FailureError } from "../errors";
import { measureInk } from "../pdf/ink";
import { type DocumentMetadata, setDocumentMetadata } from "../pdf/metadata";
import { pressGeometry } from "./boxes";
import { PRODUCER, saveWithContentId, setBoxes } from "./finish";
import { convertWithGhostscript, prepareIccDir } from "./ghostscript-convert";
import { convertWithGhostscriptWasm, gsWasmMissing, resolveGsWasm } from "./ghostscript-wasm";
import { assertCmykOutputProfile, readIccProfile } from "./icc";
import { imposePage } from "./impose";
import { mergePressPages } from "./merge";
import { neutraliseDocument } from "./neutralise-document";
import { type PressOptions, PressOptionsError, resolvePressOptions } from "./options";
import { planFiles } from "./plan";
import { openStaging } from "./staging";
import type { EditionPressResult, PressPage, PressResult } from "./types";

// The press step: proof PDF (RGB, trim-size pages) → one PDF/X file per page plus the issue as a
// press proof. Per page: neutral RGB → DeviceGray (neutralise-document.ts), centred on a sheet
// with bleed and crop marks (impose.ts), converted by Ghostscript (ghostscript-convert.ts),
// finished with metadata and exact boxes (finish.ts), and its ink measured against the limit.

export class PressError extends FailureError {
  override name = "PressError";
}

/** Measured TAC may exceed the profile's limit by rounding in the 8-bit render. */
const INK_TOLERANCE = 2;

/** `settings`: the resolved configuration's press section, for what `options` leave out. */
export async function makePressFiles(
  proofPdf: string,
  options: PressOptions,
  settings: PressConfig,
): Promise<PressResult> {
  const { issueFile, ...made } = await writePressFiles(proofPdf, { ...options, issueFile: true }, settings);
  if (issueFile === undefined) throw new PressError("the whole issue's press proof was not written");
  return { ...made, issueFile };
}

/** A zoned edition's own pages (`proofPdf` holds only those; options.metadata.edition names them):
 *  a press file per page, no whole-issue proof. */
export function makeEditionPressFiles(
  proofPdf: string,
  options: PressOptions,
  settings: PressConfig,
): Promise<EditionPressResult> {
  return writePressFiles(proofPdf, { ...options, issueFile: false }, settings);
}

async function writePressFiles(
  proofPdf: string,
  options: PressOptions,
  settings: PressConfig,
): Promise<EditionPressResult & { issueFile?: string }> {
  const started = performance.now();
  const opts = resolvePressOptions(options, settings);
  const icc = await readIccProfile(opts.profile);
  assertCmykOutputProfile(opts.profile, icc);
  const intent = {
    ...opts.outputIntent,
    identifier: opts.outputIntent.identifier || icc.description || "Custom",
    condition: opts.outputIntent.condition || icc.description || "Custom",
  };
  // PDF/X-4 needs Ghostscript ≥ 10.05: the WebAssembly build, where the native one is older.
  const gsWasm = opts.pdfx === "PDF/X-4" ? resolveGsWasm(opts.gsWasmModule) : undefined;
  if (opts.pdfx === "PDF/X-4" && !gsWasm) throw new PressOptionsError(gsWasmMissing(opts.gsWasmModule));
  const proof = await loadProof(proofPdf);
  const plan = planFiles(opts, proof.getPageCount());
  const geometry = pressGeometry({ ...dims(opts.trim), bleedMm: opts.bleedMm });
  const neutralised = neutraliseDocument(proof);
  const date = opts.deterministic ? new Date(`${opts.metadata.issueDate}T00:00:00Z`) : new Date();
  const { paperName, issueDate, publisher, issueNumber, words } = opts.metadata;
  const title = opts.metadata.title ?? newspaperTitle({ paperName, date: issueDate, issueNumber }, words);
  const common: Omit<DocumentMetadata, "title"> = {
    author: publisher,
    date,
    producer: PRODUCER,
    pdfx: opts.pdfx,
  };

  const staging = await openStaging(opts.outDir);
  try {
    const iccDir = await prepareIccDir(staging.workDir, opts.profile, opts.gsIccDir);
    const pageBytes: Uint8Array[] = [];
    const pages = await mapLimit(
      plan.pages,
      opts.concurrency,
      async (p, i): Promise<PressPage> => {
        const t0 = performance.now();
        const imposed = join(staging.workDir, `imposed-${i}.pdf`);
        const converted = join(staging.workDir, `converted-${i}.pdf`);
        await writeFile(imposed, await imposePage(proof, i, geometry));
        const convert = {
          profilePath: opts.profile,
          intent,
          colour: p.mono ? ("gray" as const) : ("cmyk" as const),
          workDir: staging.workDir,
          gsCommand: opts.gsCommand,
          timeoutMs: opts.gsTimeoutMs,
          signal: opts.signal,
        };
        if (gsWasm) await convertWithGhostscriptWasm(imposed, converted, iccDir, { ...convert, moduleUrl: gsWasm });
        else await convertWithGhostscript(imposed, converted, iccDir, convert);
        const doc = await PDFDocument.load(await readFile(converted), { updateMetadata: false });
        setBoxes(doc, geometry);
        const page = `第${p.pageNumber}版`;
        setDocumentMetadata(doc, {
          ...common,
          // The page as the paper names it: 第3版, Page 3, A3.
          title: `${title}${words.titleSeparator}${fillWords(words.folio, { n: p.pageNumber })}`,
          subject: `印刷文件 ${page}${p.section ? ` ${p.section}` : ""} (${opts.pdfx}, ${p.mono ? "K only" : "CMYK"})`,
          keywords: [paperName, issueDate, page, ...(p.section ? [p.section] : [])],
        });
        const bytes = await saveWithContentId(doc, opts.pdfx);
        pageBytes[i] = bytes;
        const file = join(staging.dir, p.fileName);
        await writeFile(file, bytes);
        const convertMs = performance.now() - t0;
        const tool = { gsCommand: opts.gsCommand, timeoutMs: opts.gsTimeoutMs, signal: opts.signal };
        const [ink] = await measureInk(file, tool);
        if (!ink) throw new PressError(`page ${p.pageNumber}: Ghostscript rendered no page to measure`);
        if (ink.maxTac > opts.inkLimit + INK_TOLERANCE) {
          throw new PressError(
            `page ${p.pageNumber}: ${ink.maxTac}% total ink exceeds the limit of ${opts.inkLimit}%; ` +
              `the profile ${opts.profile} does not cap ink at that limit`,
          );
        }
        return {
          pageNumber: p.pageNumber,
          section: p.section,
          file: join(opts.outDir, p.fileName),
          colour: p.mono ? "gray" : "cmyk",
          ink,
          convertMs: Math.round(convertMs),
          totalMs: Math.round(performance.now() - t0),
        };
      },
      opts.signal,
    );

    opts.signal?.throwIfAborted();
    if (opts.issueFile) {
      const issue = await mergePressPages(pageBytes);
      setBoxes(issue, geometry);
      setDocumentMetadata(issue, {
        ...common,
        title,
        subject: `印刷校样 全${pages.length}版 (${opts.pdfx})`,
        keywords: [paperName, issueDate, "印刷校样"],
      });
      await writeFile(join(staging.dir, plan.issueFileName), await saveWithContentId(issue, opts.pdfx));
    }
    opts.signal?.throwIfAborted();
    await staging.commit([...plan.pages.map((p) => p.fileName), ...(opts.issueFile ? [plan.issueFileName] : [])]);

    const totalMs = Math.round(performance.now() - started);
    return {
      pages,
      ...(opts.issueFile ? { issueFile: join(opts.outDir, plan.issueFileName) } : {}),
      profile: opts.profile,
      outputIntent: intent,
      pdfx: opts.pdfx,
      inkLimit: opts.inkLimit,
      neutralisedOperators: neutralised.operators,
      timing: { totalMs, perPageMs: Math.round(totalMs / Math.max(1, pages.length)) },
    };
  } catch (err) {
    await staging.discard();
    throw err;
  }
}

async function loadProof(path: string): Promise<PDFDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new PressError(`cannot read the proof PDF ${path}: ${(err as Error).message}`);
  }
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() === 0) throw new Error("it has no pages");
    return doc;
  } catch (err) {
    throw new PressError(`${path} is not a usable PDF: ${(err as Error).message}`);
  }
}

const dims = (t: { widthMm: number; heightMm: number }) => ({ trimWidthMm: t.widthMm, trimHeightMm: t.heightMm });
