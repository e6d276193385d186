import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic } from "../write-atomic";

// The last proof and what each of its pages was made from, kept between builds into the same
// output folder. A rebuild prints only the pages whose key changed and takes the others from the
// last proof, unprinted. A page's key covers all that decides how it prints: its HTML, the fonts and
// stylesheets, the files it shows (photos are named by their content, the logo and ad artwork are
// hashed), the browser.

export interface PrintedProof {
  proof: Uint8Array;
  /** The key of each of its pages, in order. */
  keys: string[];
}

export interface PageCache {
  load(): PrintedProof | undefined;
  /** Keeps the new proof, written by `save` once the build has succeeded. */
  set(value: PrintedProof): void;
  save(): Promise<void>;
}

export function folderPageCache(dir: string): PageCache {
  let pending: PrintedProof | undefined;
  return {
    load() {
      try {
        const keys = JSON.parse(readFileSync(join(dir, "proof.json"), "utf8")) as { keys: string[]; sha256: string };
        const proof = readFileSync(join(dir, "proof.pdf"));
        if (createHash("sha256").update(proof).digest("hex") !== keys.sha256) return undefined;
        return { proof: new Uint8Array(proof), keys: keys.keys };
      } catch {
        return undefined;
      }
    },
    set(value) {
      pending = value;
    },
    async save() {
      if (!pending) return;
      mkdirSync(dir, { recursive: true });
      const sha256 = createHash("sha256").update(pending.proof).digest("hex");
      await writeAtomic(join(dir, "proof.pdf"), pending.proof);
      await writeAtomic(join(dir, "proof.json"), JSON.stringify({ sha256, keys: pending.keys }));
      pending = undefined;
    },
  };
}

/** The key of one page: what it prints from, with the environment every page shares. */
export function pageKey(environment: string, html: string, files: string[]): string {
  const hash = createHash("sha256").update(environment).update(html);
  for (const file of files) {
    try {
      hash.update(file).update(readFileSync(file));
    } catch {
      hash.update(`${file}: unreadable`);
    }
  }
  return hash.digest("hex");
}
