// Progress display for builds longer than a second: the stage names on stderr, overwritten in
// place on a terminal, one line each otherwise (logs, CI). Silent for the first second.

export interface Progress {
  stage(name: string): void;
  done(): void;
}

export const silentProgress: Progress = { stage() {}, done() {} };

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): Progress {
  const started = performance.now();
  let current = "";
  let shown = false;
  const show = () => {
    if (!current) return;
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    if (stream.isTTY) stream.write(`\r\x1b[2K[${secs}s] ${current}…`);
    else stream.write(`[${secs}s] ${current}\n`);
    shown = true;
  };
  const timer = setTimeout(show, delayMs);
  timer.unref();
  return {
    stage(name) {
      current = name;
      if (performance.now() - started >= delayMs) show();
    },
    done() {
      clearTimeout(timer);
      if (shown && stream.isTTY) stream.write("\r\x1b[2K");
    },
  };
}
