import { describe, expect, it } from "vitest";
import { DeliveryUsageError } from "../../src/deliver/errors";
import { parsePrinterUri } from "../../src/deliver/printer-uri";
import { parseSftpAddress } from "../../src/deliver/sftp-address";

describe("SFTP destinations", () => {
  it("read user, host, port and absolute folder", () => {
    expect(parseSftpAddress("plant@press.example:2222/srv/hot/in")).toEqual({
      username: "plant",
      host: "press.example",
      port: 2222,
      remoteDir: "/srv/hot/in",
    });
  });

  it("default to port 22 and accept an sftp:// prefix and a trailing slash", () => {
    expect(parseSftpAddress("sftp://u@10.0.0.5/in/")).toEqual({
      username: "u",
      host: "10.0.0.5",
      port: 22,
      remoteDir: "/in",
    });
  });

  it("take /~/dir as a folder under the login folder", () => {
    expect(parseSftpAddress("u@h/~/hot").remoteDir).toBe("hot");
    expect(parseSftpAddress("u@h/~").remoteDir).toBe(".");
  });

  it("accept bracketed IPv6 hosts", () => {
    expect(parseSftpAddress("u@[::1]:2200/x")).toMatchObject({ host: "::1", port: 2200 });
  });

  it.each(["press.example/in", "u@host", "u@host:0/in", "u@host:99999/in", ""])("reject %j as bad usage", (address) => {
    expect(() => parseSftpAddress(address)).toThrow(DeliveryUsageError);
  });
});

describe("printer URIs", () => {
  it("carry ipp:// over http on port 631 by default", () => {
    const endpoint = parsePrinterUri("ipp://printer.local/ipp/print");
    expect(endpoint.printerUri).toBe("ipp://printer.local:631/ipp/print");
    expect(endpoint.httpUrl.href).toBe("http://printer.local:631/ipp/print");
  });

  it("keep an explicit port and map ipps:// to https", () => {
    const endpoint = parsePrinterUri("ipps://127.0.0.1:8631/ipp/print");
    expect(endpoint.printerUri).toBe("ipps://127.0.0.1:8631/ipp/print");
    expect(endpoint.httpUrl.protocol).toBe("https:");
  });

  it("accept http:// URIs but put an ipp:// printer-uri in requests", () => {
    expect(parsePrinterUri("http://127.0.0.1:631/printers/proof").printerUri).toBe(
      "ipp://127.0.0.1:631/printers/proof",
    );
  });

  it.each(["lpd://host/queue", "not a uri", "ipp://user:secret@host/ipp/print"])("reject %j", (uri) => {
    expect(() => parsePrinterUri(uri)).toThrow(DeliveryUsageError);
  });

  it("does not repeat credentials found in a URI", () => {
    expect(() => parsePrinterUri("ipp://user:hunter2@host/ipp/print")).toThrow(/^(?!.*hunter2)/);
  });
});
