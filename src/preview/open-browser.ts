import { spawn } from "node:child_process";

// --open: hands the URL to the desktop's default browser. Only xdg-open (Linux desktops) and
// open (macOS) are used; without them the editor is told to open the address by hand.

/** Opens `url`; tells `problem` a sentence for the terminal when that did not work. */
export function openInBrowser(url: string, problem: (sentence: string) => void): void {
  const command = process.platform === "darwin" ? "open" : "xdg-open";
  // Looked up on the PATH by spawn itself: none there is an ENOENT error event.
  const child = spawn(command, [url], { detached: true, stdio: "ignore" });
  child.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") problem(`${command} not found: open ${url} in a browser yourself`);
    else problem(`${command} failed (${err.message}): open ${url} in a browser yourself`);
  });
  // Without a desktop session xdg-open finds no browser and exits non-zero.
  child.on("exit", (code) => {
    if (code) problem(`${command} found no browser (exit ${code}): open ${url} in a browser yourself`);
  });
  child.unref();
}
