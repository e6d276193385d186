import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { browserScript } from "../browser/scripts";
import type { LoopbackServer } from "../server/server";
import { resolveInside } from "../server/static";
import { PAGEDJS_SCRIPT } from "../typeset/assets";
import { writeAtomic } from "../write-atomic";

// build --html: the rendered pages with every asset they used, under relative paths, so the
// same pages open from disk in any browser or another paged-media tool.

export async function writeHtmlCopy(
  dir: string,
  html: string,
  server: Pick<LoopbackServer, "served" | "mounts">,
  formatCss: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  // The paged-media rules inline for the boot script (Paged.js would need XHR from disk).
  const styles = `<style data-paged>\n${formatCss}</style>`;
  const page = html
    .replace(/<meta name="np-stylesheets"[^>]*>/, styles)
    .replace(
      `<script src="${PAGEDJS_SCRIPT}"></script>`,
      `<script src="vendor/paged.js"></script>\n<script src="boot.js"></script>`,
    )
    .replace(/(href|src)="\/(?!\/)/g, '$1="');
  for (const path of server.served) {
    const mount = server.mounts.find((m) => path.startsWith(m.prefix));
    const file = mount && resolveInside(mount.root, path.slice(mount.prefix.length));
    if (!file) continue;
    const target = join(dir, path.slice(1));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
  }
  await mkdir(join(dir, "vendor"), { recursive: true });
  await copyFile(
    resolveInside(server.mounts.find((m) => m.prefix === "/vendor/pagedjs/")?.root ?? "", "paged.js") ?? "",
    join(dir, "vendor", "paged.js"),
  );
  await writeAtomic(join(dir, "boot.js"), browserScript("src/render/boot.browser.ts", "npBoot").source);
  await writeAtomic(join(dir, "index.html"), page);
}
