import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { FailureError } from "../errors";
import { runTool, ToolError } from "../pdf/run-tool";
import { type OutputIntent, pdfxDefinition } from "./pdfx-def";

// Colour conversion and PDF/X output through Ghostscript's pdfwrite.
//
// Ghostscript's pdfwrite ignores -sOutputICCProfile: it always converts to the profile it loads as
// default_cmyk.icc. So each run gets an ICC directory of its own in which default_cmyk.icc is the
// press profile and every other profile links to Ghostscript's own set.

export interface ConvertOptions {
  /** Absolute path of the CMYK output-condition profile. */
  profilePath: string;
  intent: OutputIntent;
  /** "gray" for mono pages: everything becomes DeviceGray (the K plate). */
  colour: "cmyk" | "gray";
  /** A scratch directory of this run (for the PDF/X prefix file and the ICC directory). */
  workDir: string;
  gsCommand: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Prepares the run's ICC directory once, from Ghostscript's own profiles in `gsIccDir` (the
 *  configuration's); returns its path (with the trailing slash GS needs). */
export async function prepareIccDir(workDir: string, profilePath: string, gsIccDir: string): Promise<string> {
  const dir = join(workDir, "icc");
  await mkdir(dir, { recursive: true });
  let names: string[];
  try {
    names = (await readdir(gsIccDir)).filter((n) => n.endsWith(".icc"));
  } catch {
    throw new FailureError([
      {
        severity: "error",
        message: `Ghostscript's ICC profiles are missing (${gsIccDir})`,
        hint: "install ghostscript or set NEWSPRINT_GS_ICC_DIR",
      },
    ]);
  }
  for (const n of names) {
    await symlink(n === "default_cmyk.icc" ? profilePath : join(gsIccDir, n), join(dir, n));
  }
  return `${dir}/`;
}

/**
 * Converts one imposed page (or any PDF) to a PDF/X-3-structured CMYK or grey file. Images are
 * neither downsampled nor JPEG-recompressed: after conversion they are stored losslessly (Flate),
 * since another JPEG generation would add artefacts on top of the photo's own.
 */
export async function convertWithGhostscript(
  input: string,
  output: string,
  iccDir: string,
  opts: ConvertOptions,
): Promise<void> {
  // One prefix file per output: pages convert in parallel and must not rewrite each other's.
  const defFile = join(opts.workDir, `${basename(output, ".pdf")}.pdfx.ps`);
  await writeFile(defFile, pdfxDefinition(opts.profilePath, opts.intent));
  const gray = opts.colour === "gray";
  const args = [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    `--permit-file-read=${opts.profilePath}`,
    `--permit-file-read=${iccDir}`,
    "-sDEVICE=pdfwrite",
    "-dPDFX",
    "-dCompatibilityLevel=1.3",
    `-sICCProfilesDir=${iccDir}`,
    ...pressWriterArgs(gray),
    `-sOutputFile=${output}`,
    defFile,
    input,
  ];
  const { stderr } = await runTool(opts.gsCommand, args, { timeoutMs: opts.timeoutMs, signal: opts.signal });
  // pdfwrite reports PDF/X violations it could not repair on stderr without failing.
  if (/error/i.test(stderr)) {
    const said = stderr.trim().slice(0, 2000);
    throw new ToolError(`Ghostscript reported problems converting ${input}: ${said}`, "gs", stderr);
  }
}

/** pdfwrite's settings for a press file, the same for every PDF/X version and either Ghostscript:
 *  colours converted for the plate, every font embedded, pictures kept at their pixels, lossless. */
export function pressWriterArgs(gray: boolean): string[] {
  return [
    `-sColorConversionStrategy=${gray ? "Gray" : "CMYK"}`,
    `-sProcessColorModel=${gray ? "DeviceGray" : "DeviceCMYK"}`,
    "-dDeviceGrayToK=true",
    "-dEmbedAllFonts=true",
    "-dSubsetFonts=true",
    "-dDownsampleColorImages=false",
    "-dDownsampleGrayImages=false",
    "-dDownsampleMonoImages=false",
    "-dAutoFilterColorImages=false",
    "-dAutoFilterGrayImages=false",
    "-dColorImageFilter=/FlateEncode",
    "-dGrayImageFilter=/FlateEncode",
    "-dPreserveAnnots=false",
  ];
}
