import { LayoutError } from "../build/build";
import { ImageError } from "../images";
import { IssueError } from "../load";
import { MakeupError } from "../makeup";
import { GlyphError } from "../measure/glyphs";
import { NamingError, PressOptionsError, ProfileError } from "../press";
import { RenderError } from "../render/render";
import { EXIT } from "./exit-codes";

/** Prints an error for people and returns the exit code it stands for. */
export function reportError(err: unknown, stream: NodeJS.WritableStream = process.stderr): number {
  const write = (s: string) => stream.write(`${s}\n`);
  if (err instanceof IssueError) {
    write(`newsprint: the issue is invalid (${err.problems.length} problem${err.problems.length === 1 ? "" : "s"}):`);
    write(err.message.replace(/^/gm, "  "));
    return EXIT.invalid;
  }
  if (err instanceof PressOptionsError || err instanceof ProfileError || err instanceof NamingError) {
    write(`newsprint: press options: ${err.message}`);
    return EXIT.invalid;
  }
  if (err instanceof GlyphError) {
    write(`newsprint: characters the fonts lack:\n${err.message.replace(/^/gm, "  ")}`);
    return EXIT.invalid;
  }
  if (err instanceof ImageError) {
    write(`newsprint: photo problem:\n${err.message.replace(/^/gm, "  ")}`);
    return EXIT.invalid;
  }
  if (err instanceof MakeupError) {
    write(`newsprint: explicit make-up is invalid:\n${err.message.replace(/^/gm, "  ")}`);
    return EXIT.invalid;
  }
  if (err instanceof LayoutError || err instanceof RenderError) {
    write(`newsprint: the pages cannot be made up:\n${err.message.replace(/^/gm, "  ")}`);
    return EXIT.layout;
  }
  write(`newsprint: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT.failed;
}
