// Reads the PAM images (Netpbm P7, TUPLTYPE CMYK, 8 bits) that Ghostscript's pamcmyk32 device
// writes: a short text header and then the raw C M Y K bytes per pixel. No library needed.

export interface CmykRaster {
  width: number;
  height: number;
  /** C, M, Y, K per pixel, 0–255 each, row by row from the top. */
  data: Uint8Array;
}

export function parsePam(bytes: Uint8Array): CmykRaster {
  const headerEnd = findHeaderEnd(bytes);
  const header = Buffer.from(bytes.subarray(0, headerEnd)).toString("latin1");
  const lines = header.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  if (lines[0] !== "P7") throw new Error("not a PAM (P7) image");
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key) fields.set(key, rest.join(" "));
  }
  const width = Number(fields.get("WIDTH"));
  const height = Number(fields.get("HEIGHT"));
  const depth = Number(fields.get("DEPTH"));
  const maxval = Number(fields.get("MAXVAL"));
  if (depth !== 4 || maxval !== 255 || !(width > 0) || !(height > 0)) {
    throw new Error(`unsupported PAM: ${width}x${height}, depth ${depth}, maxval ${maxval}`);
  }
  const data = bytes.subarray(headerEnd, headerEnd + width * height * 4);
  if (data.length !== width * height * 4) throw new Error("PAM image is truncated");
  return { width, height, data };
}

function findHeaderEnd(bytes: Uint8Array): number {
  const marker = Buffer.from("ENDHDR\n", "latin1");
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).indexOf(marker);
  if (at < 0) throw new Error("PAM header has no ENDHDR");
  return at + marker.length;
}
