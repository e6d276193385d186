import ipp from "ipp";
import { describe, expect, it } from "vitest";
import { DeliveryError, DeliveryUsageError } from "../../src/deliver/errors";
import { attributeStrings, decodeIppResponse, encodeIppRequest, isSuccessStatus } from "../../src/deliver/ipp-codec";
import { jobTemplateAttributes } from "../../src/deliver/print-options";

describe("IPP request encoding", () => {
  const bytes = encodeIppRequest({
    operation: "Print-Job",
    requestId: 4242,
    operationAttributes: { "printer-uri": "ipp://127.0.0.1:631/ipp/print", "document-format": "application/pdf" },
    jobAttributes: { copies: 2, media: "iso_a3_297x420mm", sides: "two-sided-long-edge" },
  });

  it("writes the RFC 8010 header: version 2.0, Print-Job (0x0002), our request id", () => {
    expect(bytes.readUInt16BE(0)).toBe(0x0200);
    expect(bytes.readUInt16BE(2)).toBe(0x0002);
    expect(bytes.readUInt32BE(4)).toBe(4242);
  });

  it("opens with the operation group and attributes-charset first, and ends the attributes", () => {
    expect(bytes[8]).toBe(0x01); // operation-attributes-tag
    expect(bytes[9]).toBe(0x47); // charset value tag
    expect(bytes.subarray(12, 30).toString("ascii")).toBe("attributes-charset");
    expect(bytes[bytes.length - 1]).toBe(0x03); // end-of-attributes-tag
  });

  it("carries the job template in the job group, as the package's parser reads it back", () => {
    const parsed = ipp.parse(bytes) as Record<string, Record<string, unknown>>;
    expect(parsed["job-attributes-tag"]).toEqual({
      copies: 2,
      media: "iso_a3_297x420mm",
      sides: "two-sided-long-edge",
    });
    expect(parsed["operation-attributes-tag"]?.["printer-uri"]).toBe("ipp://127.0.0.1:631/ipp/print");
  });

  it("reports an attribute the tables do not know as bad usage", () => {
    expect(() =>
      encodeIppRequest({ operation: "Print-Job", requestId: 1, operationAttributes: { "no-such-attribute": "x" } }),
    ).toThrow(DeliveryUsageError);
  });
});

describe("IPP response decoding", () => {
  const response = (statusCode: string, groups: Record<string, unknown>) =>
    ipp.serialize({ version: "2.0", statusCode, id: 77, ...groups });

  it("reads status and request id from the header and the job group", () => {
    const decoded = decodeIppResponse(
      response("successful-ok", {
        "operation-attributes-tag": { "attributes-charset": "utf-8", "attributes-natural-language": "en" },
        "job-attributes-tag": { "job-id": 12, "job-state": "processing", "job-state-reasons": ["job-printing"] },
      }),
    );
    expect(decoded).toMatchObject({ statusCode: 0, statusName: "successful-ok", requestId: 77, version: "2.0" });
    expect(decoded.job["job-id"]).toBe(12);
    expect(decoded.job["job-state"]).toBe("processing");
    expect(attributeStrings(decoded.job["job-state-reasons"])).toEqual(["job-printing"]);
  });

  it("names client errors", () => {
    const decoded = decodeIppResponse(response("client-error-document-format-not-supported", {}));
    expect(decoded.statusCode).toBe(0x040a);
    expect(decoded.statusName).toBe("client-error-document-format-not-supported");
    expect(isSuccessStatus(decoded.statusCode)).toBe(false);
  });

  it("rejects what is not IPP", () => {
    expect(() => decodeIppResponse(Buffer.from("<html>hello</html>"))).toThrow(DeliveryError);
    expect(() => decodeIppResponse(Buffer.alloc(3))).toThrow(/truncated/);
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
