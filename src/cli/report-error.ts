import { EXIT } from "./exit-codes";

// Errors are told apart by name, not by class: importing every stage's classes here would load
// Chromium's driver, sharp and pdf-lib for a command that needs none of them.
const INVALID_INPUT: Record<string, string> = {
  IssueError: "the issue is invalid",
  GlyphError: "characters the fonts lack",
  ImageError: "photo problem",
  MakeupError: "explicit make-up is invalid",
  PressOptionsError: "press options",
  ProfileError: "press options",
  NamingError: "press options",
};
const LAYOUT = new Set(["LayoutError", "RenderError"]);

/** Prints an error for people and returns the exit code it stands for. */
export function reportError(err: unknown, stream: NodeJS.WritableStream = process.stderr): number {
  const write = (s: string) => stream.write(`${s}\n`);
  const name = err instanceof Error ? err.name : "";
  const message = err instanceof Error ? err.message : String(err);
  const indented = message.replace(/^/gm, "  ");
  if (name in INVALID_INPUT) {
    const count =
      name === "IssueError" ? ` (${message.split("\n").length} problem${message.includes("\n") ? "s" : ""})` : "";
    write(`newsprint: ${INVALID_INPUT[name]}${count}:\n${indented}`);
    return EXIT.invalid;
  }
  if (LAYOUT.has(name)) {
    write(`newsprint: the pages cannot be made up:\n${indented}`);
    return EXIT.layout;
  }
  write(`newsprint: ${message}`);
  return EXIT.failed;
}
