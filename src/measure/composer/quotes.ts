// Curly quotes from straight ones, one character for one (offsets stay): an opening quote after a
// space, an opening bracket or a dash, or at the start; a closing one (or an apostrophe) elsewhere.

const OPENS_AFTER = /[\s([{\u2014\u2013\u201c\u2018-]/;

export function curlyQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const prev = i > 0 ? (out[i - 1] as string) : " ";
    const opening = OPENS_AFTER.test(prev);
    if (c === '"') out += opening ? "\u201c" : "\u201d";
    else out += opening ? "\u2018" : "\u2019";
  }
  return out;
}
