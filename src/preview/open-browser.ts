import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

// --open: hands the URL to the desktop's default browser. Only xdg-open (Linux desktops) and
// open (macOS) are used; without them the editor is told to open the address by hand.

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Opens `url`; tells `problem` a sentence for the terminal when that did not work. */
export function openInBrowser(url: string, problem: (sentence: string) => void): void {
  const command = process.platform === "darwin" ? "open" : "xdg-open";
  const file = onPath(command);
  if (!file) {
    problem(`${command} not found: open ${url} in a browser yourself`);
    return;
  }
  const child = spawn(file, [url], { detached: true, stdio: "ignore" });
  // Without a desktop session xdg-open finds no browser and exits non-zero.
  child.on("error", (err) => problem(`${command} failed (${err.message}): open ${url} in a browser yourself`));
  child.on("exit", (code) => {
    if (code) problem(`${command} found no browser (exit ${code}): open ${url} in a browser yourself`);
  });
  child.unref();
}
