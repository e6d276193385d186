// Hashes bytes on their way to the destination, so the manifest describes exactly what was sent
// (even if the local file were rewritten between hashing and uploading).

import { createHash } from "node:crypto";
import { Transform } from "node:stream";

export interface CountingHash {
  /** Pass-through stream: pipe the file through it to the destination. */
  stream: Transform;
  /** SHA-256 (hex) and byte count of everything that passed; call after the stream ended. */
  result(): { sha256: string; bytes: number };
}

export function createCountingHash(): CountingHash {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.copy().digest("hex"), bytes }) };
}
