import { type FSWatcher, watch } from "node:fs";
import { basename, join } from "node:path";
import { isInside } from "../paths";

// Watches the folders whose files make the pages (the issue folder with its photos, templates,
// styles) and reports every change. Folders, not files: editors often save by writing a temporary
// file and renaming it over the old one, which a watch on the file itself would lose.

export interface FolderWatch {
  close(): void;
}

// Swap, backup and probe files of common editors (vim writes "4913" to test the folder).
const EDITOR_LITTER = /(^\.|~$|\.sw[a-p]$|\.tmp$|^4913$|^#.*#$)/;

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
  const watchers: FSWatcher[] = dirs.map((dir) => {
    const w = watch(dir, { recursive: true }, (_event, name) => {
      const rel = name ? name.toString() : "";
      const file = join(dir, rel);
      if (isLitter(rel) || ignore.some((d) => isInside(d, file, true))) return;
      onChange(file);
    });
    w.on("error", (err) => opts.onError?.(err));
    return w;
  });
  return {
    close() {
      for (const w of watchers) w.close();
    },
  };
}
