// Printing to a real IPP Everywhere printer: CUPS's ippeveprinter on loopback, which keeps every
// document it receives (-k) and hands each job to a print command that records its attributes.

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve";
import { DeliveryError, DeliveryUsageError, submitPrintJob } from "../../src/deliver/index";
import { freePort, type IppPrinter, startIppPrinter } from "./helpers/servers";

/** How long `newsprint send --printer` waits for a job, and how often it asks. */
const { printTimeoutMs: timeoutMs, printPollMs: pollMs } = resolveConfig({}, undefined, {}).deliver;
const WAITING = { timeoutMs, pollMs };

let printer: IppPrinter;
let root: string;
let pdf: string;

beforeAll(async () => {
  printer = await startIppPrinter();
  root = await mkdtemp(join(tmpdir(), "newsprint-print-"));
  const doc = await PDFDocument.create();
  for (const label of ["front page", "page 2"]) doc.addPage([595, 842]).drawText(label, { x: 50, y: 780, size: 30 });
  pdf = join(root, "proof.pdf");
  await writeFile(pdf, await doc.save());
});
afterAll(async () => {
  await printer?.stop();
  await rm(root, { recursive: true, force: true });
});

/** The document the printer spooled for a job: `<job-id>-<job name, sanitized>.pdf`. */
async function spooled(jobId: number): Promise<Buffer> {
  const name = (await readdir(printer.spoolDir)).find((file) => file.startsWith(`${jobId}-`) && file.endsWith(".pdf"));
  if (!name) throw new Error(`job ${jobId} not in ${printer.spoolDir}`);
  return readFile(join(printer.spoolDir, name));
}

describe("submitPrintJob", () => {
  it("prints the PDF byte for byte with the requested copies, media and sides", async () => {
    const states: string[] = [];
    const result = await submitPrintJob(pdf, {
      ...WAITING,
      printer: printer.uri,
      copies: 2,
      media: "iso_a4_210x297mm",
      sides: "two-sided-long-edge",
      jobName: "proof-0501",
      pollMs: 100,
      onState: (state) => states.push(state),
    });

    expect(result).toEqual({ jobId: expect.any(Number), state: "completed" });
    expect(await spooled(result.jobId)).toEqual(await readFile(pdf));
    const attributes = await readFile(printer.jobEnvFile(result.jobId), "utf8");
    expect(attributes).toContain("IPP_COPIES=2\n");
    expect(attributes).toContain("IPP_MEDIA=iso_a4_210x297mm\n");
    expect(attributes).toContain("IPP_SIDES=two-sided-long-edge\n");
    expect(attributes).toContain("IPP_DOCUMENT_FORMAT_SUPPLIED=application/pdf\n");
    expect(attributes).toContain("IPP_JOB_NAME=proof-0501\n");
    expect(states.at(-1)).toBe("completed");
  });

  it("rejects media the printer does not have, naming the attribute, instead of substituting", async () => {
    const attempt = submitPrintJob(pdf, { ...WAITING, printer: printer.uri, media: "iso_a3_297x420mm" });
    await expect(attempt).rejects.toBeInstanceOf(DeliveryError);
    await expect(attempt).rejects.toThrow(
      /refused print job "proof\.pdf": client-error-attributes-or-values-not-supported .*unsupported: media=iso_a3_297x420mm/,
    );
  });

  it("reports an aborted job with the printer, the job and the printer's reasons", async () => {
    const states: string[] = [];
    const attempt = submitPrintJob(pdf, {
      ...WAITING,
      printer: printer.uri,
      jobName: "jam-test",
      pollMs: 100,
      onState: (s) => states.push(s),
    });
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `print job \\d+ \\("jam-test"\\) on ${printer.uri.replace(/[.]/g, "\\.")} was aborted: paper jam in unit 2 ` +
          "\\(job reasons: aborted-by-system; printer reasons: media-jam",
      ),
    );
    expect(states.at(-1)).toBe("aborted");
  });

  it("stops waiting after the timeout and says the job was left at the printer", async () => {
    const attempt = submitPrintJob(pdf, {
      ...WAITING,
      printer: printer.uri,
      jobName: "slow-proof",
      timeoutMs: 800,
      pollMs: 100,
    });
    await expect(attempt).rejects.toThrow(
      /print job \d+ \("slow-proof"\) .* did not complete in time; it is still processing .* left at the printer/,
    );
  });

  it("gives a clear error when nothing listens at the printer URI", async () => {
    const uri = `ipp://127.0.0.1:${await freePort()}/ipp/print`;
    await expect(submitPrintJob(pdf, { ...WAITING, printer: uri })).rejects.toThrow(
      `cannot reach printer ${uri}: connection refused (nothing listens on 127.0.0.1:`,
    );
  });

  it("refuses a file that is not a PDF before contacting the printer", async () => {
    const text = join(root, "notes.txt");
    await writeFile(text, "not a pdf");
    await expect(submitPrintJob(text, { ...WAITING, printer: printer.uri })).rejects.toBeInstanceOf(DeliveryUsageError);
  });
});
