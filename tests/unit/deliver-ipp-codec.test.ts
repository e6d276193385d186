import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DeliveryError, DeliveryUsageError } from "../../src/deliver/errors";
import { attributeStrings, decodeIppResponse, encodeIppRequest, isSuccessStatus } from "../../src/deliver/ipp-codec";
import { jobTemplateAttributes } from "../../src/deliver/print-options";

// Byte fixtures recorded from CUPS's ippeveprinter: the requests as it accepted them, the answers
// as it sent them (tests/fixtures/ipp/). The printer's URI in them is ipp://127.0.0.1:42111/ipp/print.

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/ipp");
const fixture = (name: string) => readFileSync(join(FIXTURES, `${name}.bin`));
const PRINTER = "ipp://127.0.0.1:42111/ipp/print";

describe("IPP request encoding", () => {
  const printJob = () =>
    encodeIppRequest({
      operation: "Print-Job",
      requestId: 1001,
      operationAttributes: {
        "printer-uri": PRINTER,
        "requesting-user-name": "newsprint",
        "job-name": "proof.pdf",
        "ipp-attribute-fidelity": true,
        "document-format": "application/pdf",
      },
      jobAttributes: { copies: 2, media: "iso_a4_210x297mm", sides: "two-sided-long-edge" },
    });

  it("writes Print-Job byte for byte as the printer accepted it", () => {
    expect(printJob()).toEqual(fixture("print-job.request"));
  });

  it("writes Get-Job-Attributes and Get-Printer-Attributes, 1setOf keywords included", () => {
    const user = { "requesting-user-name": "newsprint" };
    const getJob = encodeIppRequest({
      operation: "Get-Job-Attributes",
      requestId: 1002,
      operationAttributes: {
        "printer-uri": PRINTER,
        "job-id": 1,
        ...user,
        "requested-attributes": ["job-state", "job-state-reasons", "job-state-message"],
      },
    });
    expect(getJob).toEqual(fixture("get-job.request"));
    const getPrinter = encodeIppRequest({
      operation: "Get-Printer-Attributes",
      requestId: 1003,
      operationAttributes: {
        "printer-uri": PRINTER,
        "requested-attributes": ["printer-state", "printer-state-reasons", "printer-state-message"],
      },
    });
    expect(getPrinter).toEqual(fixture("get-printer.request"));
  });

  it("writes the RFC 8010 header and opens with attributes-charset", () => {
    const bytes = printJob();
    expect(bytes.readUInt16BE(0)).toBe(0x0200);
    expect(bytes.readUInt16BE(2)).toBe(0x0002);
    expect(bytes.readUInt32BE(4)).toBe(1001);
    expect(bytes[8]).toBe(0x01); // operation-attributes-tag
    expect(bytes[9]).toBe(0x47); // charset value tag
    expect(bytes.subarray(12, 30).toString("ascii")).toBe("attributes-charset");
    expect(bytes[bytes.length - 1]).toBe(0x03); // end-of-attributes-tag
  });

  it.each([
    [{ "no-such-attribute": "x" }, /unknown attribute no-such-attribute/],
    [{ "job-id": 1.5 }, /job-id must be a 32-bit integer/],
    [{ "ipp-attribute-fidelity": "yes" }, /true or false/],
    [{ "job-name": "x".repeat(256) }, /256 bytes long; at most 255/],
    [{ "requested-attributes": [] }, /has no value/],
  ])("reports %j as bad usage", (attributes, message) => {
    const encode = () => encodeIppRequest({ operation: "Print-Job", requestId: 1, operationAttributes: attributes });
    expect(encode).toThrow(DeliveryUsageError);
    expect(encode).toThrow(message);
  });
});

describe("IPP response decoding", () => {
  it("reads a Print-Job answer: status, request id, job id and state keyword", () => {
    const r = decodeIppResponse(fixture("print-job.response"));
    expect(r).toMatchObject({ version: "2.0", statusCode: 0, statusName: "successful-ok", requestId: 1001 });
    expect(r.operation).toEqual({ "attributes-charset": "utf-8", "attributes-natural-language": "en" });
    expect(r.job).toEqual({
      "job-id": 1,
      "job-uri": `${PRINTER}/1`,
      "job-state": "pending",
      "job-state-message": "Job pending.",
      "job-state-reasons": "none",
    });
  });

  it("reads job and printer states as keywords", () => {
    expect(decodeIppResponse(fixture("get-job.response")).job).toMatchObject({
      "job-state": "completed",
      "job-state-reasons": "job-completed-successfully",
    });
    expect(decodeIppResponse(fixture("get-printer.response")).printer).toEqual({
      "printer-state": "idle",
      "printer-state-message": "Idle.",
      "printer-state-reasons": "none",
    });
  });

  it("names client errors and keeps the unsupported attributes and status message", () => {
    const refused = decodeIppResponse(fixture("print-job-bad-media.response"));
    expect(refused.statusCode).toBe(0x040b);
    expect(refused.statusName).toBe("client-error-attributes-or-values-not-supported");
    expect(isSuccessStatus(refused.statusCode)).toBe(false);
    expect(refused.unsupported).toEqual({ media: "iso_a0_841x1189mm" });
    expect(refused.operation["status-message"]).toBe("Unsupported media keyword value.");
    expect(decodeIppResponse(fixture("get-job-missing.response")).statusName).toBe("client-error-not-found");
  });

  it("reads every syntax of a full printer description: collections, ranges, resolutions, dates, 1setOf", () => {
    const p = decodeIppResponse(fixture("get-printer-all.response")).printer;
    expect(p["copies-supported"]).toEqual({ lower: 1, upper: 999 });
    expect(p["printer-resolution-default"]).toEqual({ x: 600, y: 600, units: "dpi" });
    expect(p["media-supported"]).toContain("iso_a4_210x297mm");
    expect(p["operations-supported"]).toEqual(expect.arrayContaining([0x0002, 0x0009, 0x000b]));
    expect(p["color-supported"]).toBe(false);
    const database = p["media-col-database"] as Record<string, unknown>[];
    expect(database.length).toBeGreaterThan(1);
    expect(database[0]).toMatchObject({ "media-size": { "x-dimension": 21590, "y-dimension": 27940 } });
    expect(p["printer-current-time"]).toBeInstanceOf(Date);
    expect(Math.abs((p["printer-current-time"] as Date).getFullYear() - new Date().getFullYear())).toBeLessThan(50);
  });

  it("reads out-of-band values (no-value) as absent but keeps the attribute's name", () => {
    const bytes = Buffer.from(fixture("get-printer.response"));
    // Replace the end tag by a job group with job-state-message = no-value (0x13), then end.
    const name = Buffer.from("job-state-message");
    const extra = Buffer.concat([Buffer.of(0x02, 0x13, 0, name.length), name, Buffer.of(0, 0, 0x03)]);
    const r = decodeIppResponse(Buffer.concat([bytes.subarray(0, bytes.length - 1), extra]));
    expect(Object.keys(r.job)).toEqual(["job-state-message"]);
    expect(attributeStrings(r.job["job-state-message"])).toEqual([]);
  });

  it("rejects every truncation of a real answer as malformed, never with a TypeError", () => {
    const whole = fixture("get-printer-all.response");
    for (let end = 0; end < whole.length; end += 7) {
      expect(() => decodeIppResponse(whole.subarray(0, end))).toThrow(DeliveryError);
    }
  });

  it("rejects what is not IPP", () => {
    expect(() => decodeIppResponse(Buffer.from("<html>hello</html>"))).toThrow(DeliveryError);
    expect(() => decodeIppResponse(Buffer.alloc(3))).toThrow(/truncated/);
  });
});

describe("attributeStrings", () => {
  it("gives single and 1setOf values alike as strings", () => {
    expect(attributeStrings("job-printing")).toEqual(["job-printing"]);
    expect(attributeStrings(["a", "b"])).toEqual(["a", "b"]);
    expect(attributeStrings(undefined)).toEqual([]);
    expect(attributeStrings(7)).toEqual(["7"]);
  });
});

describe("print options", () => {
  it("become job template attributes", () => {
    expect(jobTemplateAttributes({ copies: 3, media: "iso_a3_297x420mm", sides: "two-sided-short-edge" })).toEqual({
      copies: 3,
      media: "iso_a3_297x420mm",
      sides: "two-sided-short-edge",
    });
    expect(jobTemplateAttributes({})).toEqual({});
  });

  it.each([
    { copies: 0 },
    { copies: 1.5 },
    { media: "A3 paper" },
    { sides: "both" as never },
  ])("reject %j", (template) => {
    expect(() => jobTemplateAttributes(template)).toThrow(DeliveryUsageError);
  });
});
