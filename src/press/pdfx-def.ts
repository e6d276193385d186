// The PostScript prefix file Ghostscript needs to write PDF/X: it declares the output intent
// (the press's ICC profile and condition) through pdfmarks. Modelled on Ghostscript's own
// lib/PDFX_def.ps, with the profile path and condition filled in and properly escaped.

export interface OutputIntent {
  /** Registered condition (ICC registry) or the profile's description, e.g. "CGATS TR 002". */
  identifier: string;
  /** Human-readable condition, e.g. "Coldset offset on newsprint". */
  condition: string;
  /** Registry of the identifier; the ICC's for registered conditions. */
  registryName: string;
}

/** A PostScript string literal: backslash, parentheses and non-ASCII escaped. */
export function psString(text: string): string {
  let out = "(";
  for (const ch of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(ch);
    if (c === "\\" || c === "(" || c === ")") out += `\\${c}`;
    else if (ch < 0x20 || ch > 0x7e) out += `\\${ch.toString(8).padStart(3, "0")}`;
    else out += c;
  }
  return `${out})`;
}

/**
 * `components` is 4 for a CMYK profile. GTS_PDFXVersion is set here because Ghostscript checks
 * for it; src/pdf/metadata.ts rewrites the Info dictionary afterwards with the final keys.
 */
export function pdfxDefinition(
  profilePath: string,
  intent: OutputIntent,
  components = 4,
  version: "PDF/X-3:2002" | "PDF/X-4" = "PDF/X-3:2002",
): string {
  return `%!
[ /GTS_PDFXVersion (${version}) /Trapped /False /DOCINFO pdfmark
[ /_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[ {icc_PDFX} << /N ${components} >> /PUT pdfmark
[ {icc_PDFX} ${psString(profilePath)} (r) file /PUT pdfmark
[ /_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[ {OutputIntent_PDFX} <<
  /Type /OutputIntent
  /S /GTS_PDFX
  /OutputCondition ${psString(intent.condition)}
  /OutputConditionIdentifier ${psString(intent.identifier)}
  /RegistryName ${psString(intent.registryName)}
  /Info ${psString(intent.condition)}
  /DestOutputProfile {icc_PDFX}
>> /PUT pdfmark
[ {Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}
