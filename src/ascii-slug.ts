// The ASCII name of a paper or section for file names (press files, the slug at init).
// Plants' ingest systems and FTP servers choke on anything beyond ASCII, so Latin diacritics are
// dropped; a name in another script (Chinese, say) gives none, and the caller needs a slug.

/** Lower-case ASCII letters, digits, '-' and '_'; undefined if nothing of the text survives. */
export function toAsciiSlug(text: string): string | undefined {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .toLowerCase();
  if (/[^\p{ASCII}]/u.test(ascii.replace(/[\s\p{P}\p{S}]/gu, ""))) return undefined; // letters left untranslated
  const slug = ascii
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
  return slug === "" ? undefined : slug;
}
