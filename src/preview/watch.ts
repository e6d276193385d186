import { basename, relative } from "node:path";
import { watch } from "chokidar";
import { isInside } from "../paths";

// Watches the folders whose files make the pages (the issue folder with its photos, templates,
// styles) and reports every change. Editors often save by writing a temporary file and renaming it
// over the old one (so does the preview's own editor): Node's recursive fs.watch on Linux watches
// each file and loses it at the first such save, chokidar watches the folders and keeps it.

export interface FolderWatch {
  /** Resolves once the folders are being watched (changes before may go unreported). */
  ready: Promise<void>;
  close(): void;
}

// Swap, backup and probe files of common editors (vim writes "4913" to test the folder), and the
// lock a writer of issue.json holds beside it (src/file-lock.ts: the preview's edits, import --append).
const EDITOR_LITTER = /(^\.|~$|\.sw[a-p]$|\.tmp$|^4913$|^#.*#$|\.lock$|\.lock\.[^/]*$)/;

/** True for files whose change cannot alter the pages: editor litter, anything in a dot folder. */
export function isLitter(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  return EDITOR_LITTER.test(basename(relativePath)) || parts.slice(0, -1).some((p) => p.startsWith("."));
}

export function watchFolders(
  dirs: string[],
  onChange: (file: string) => void,
  opts: { ignore?: string[]; onError?: (err: Error) => void } = {},
): FolderWatch {
  const ignore = opts.ignore ?? [];
  const ignored = (file: string) => {
    if (ignore.some((d) => isInside(d, file, true))) return true;
    const dir = dirs.find((d) => isInside(d, file, true));
    return dir !== undefined && file !== dir && isLitter(relative(dir, file));
  };
  const watcher = watch(dirs, { ignoreInitial: true, ignored, atomic: false });
  watcher.on("all", (event, file) => {
    if (event !== "addDir" && event !== "unlinkDir") onChange(file);
  });
  watcher.on("error", (err) => opts.onError?.(err as Error));
  const ready = new Promise<void>((ok) => watcher.once("ready", () => ok()));
  return {
    ready,
    close() {
      void watcher.close();
    },
  };
}
