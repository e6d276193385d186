import { type Instruction, instructions } from "../pdf/content-lexer";

// Chromium writes every colour, even #000, as DeviceRGB. Ghostscript's RGB→CMYK conversion turns
// neutral RGB into four-colour ("rich") black and grey, which misregisters on newsprint and breaks
// the plants' rule that text and rules are on the K plate only. `-dBlackText` would also blacken a
// red headline. So before conversion every neutral RGB colour operator (r = g = b) is rewritten to
// DeviceGray, which Ghostscript maps to the K plate alone; coloured operators are left untouched.

/** How a named colour space of the stream's resources behaves: "rgb" spaces take r g b operands. */
export type ColourSpaceKind = "rgb" | "other";
export type ColourSpaceLookup = (name: string) => ColourSpaceKind;

export interface RewriteResult {
  content: string;
  /** How many colour operators were turned into DeviceGray. */
  rewritten: number;
}

/** The colour state of one of the two paints (fill, stroke) in the original and in the output. */
interface Paint {
  /** Colour space as the original stream set it: a resource name like "/CS0", or "rgb"/"gray"/"cmyk". */
  space: string;
  /** True while the output is in DeviceGray because of a rewrite, though the original is not. */
  switched: boolean;
}

interface State {
  fill: Paint;
  stroke: Paint;
}

const TOLERANCE = 0.5 / 255; // colours come from 8-bit CSS values

const FILL_OPS = { cs: "cs", sc: "sc", scn: "scn", rg: "rg", gray: "g", cmyk: "k" } as const;
const STROKE_OPS = { cs: "CS", sc: "SC", scn: "SCN", rg: "RG", gray: "G", cmyk: "K" } as const;
type Ops = typeof FILL_OPS | typeof STROKE_OPS;

/** The grey level of a neutral r g b triple, or undefined if the operands are not one. */
export function neutralLevel(operands: { text: string; kind: string }[]): number | undefined {
  if (operands.length !== 3 || operands.some((o) => o.kind !== "number")) return undefined;
  const [r, g, b] = operands.map((o) => Number(o.text)) as [number, number, number];
  if (Math.abs(r - g) > TOLERANCE || Math.abs(g - b) > TOLERANCE || Math.abs(r - b) > TOLERANCE) {
    return undefined;
  }
  return (r + g + b) / 3;
}

/** Formats a number for a content stream: at most 4 decimals, no exponent, no trailing zeros. */
export function formatNumber(n: number): string {
  const s = n.toFixed(4).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

export function rewriteNeutralColours(content: string, lookup: ColourSpaceLookup): RewriteResult {
  const out: string[] = [];
  let copiedTo = 0;
  let rewritten = 0;
  let state: State = { fill: { space: "gray", switched: false }, stroke: { space: "gray", switched: false } };
  const stack: State[] = [];

  const isRgb = (space: string) => space === "rgb" || (space.startsWith("/") && lookup(space) === "rgb");
  const replace = (ins: Instruction, text: string) => {
    out.push(content.slice(copiedTo, ins.start), text);
    copiedTo = ins.end;
  };

  for (const ins of instructions(content)) {
    const ops: Ops | undefined = Object.values(FILL_OPS).includes(ins.op as never)
      ? FILL_OPS
      : Object.values(STROKE_OPS).includes(ins.op as never)
        ? STROKE_OPS
        : undefined;
    if (!ops) {
      if (ins.op === "q") stack.push({ fill: { ...state.fill }, stroke: { ...state.stroke } });
      else if (ins.op === "Q") state = stack.pop() ?? state;
      continue;
    }
    const paint = ops === FILL_OPS ? state.fill : state.stroke;
    switch (ins.op) {
      case ops.cs: {
        const name = ins.operands[0]?.text ?? "";
        paint.space = name === "/DeviceRGB" ? "rgb" : name;
        paint.switched = false;
        break;
      }
      case ops.gray:
      case ops.cmyk:
        paint.space = ins.op === ops.gray ? "gray" : "cmyk";
        paint.switched = false;
        break;
      case ops.rg:
      case ops.sc:
      case ops.scn: {
        if (ins.op === ops.rg) paint.space = "rgb";
        const level = isRgb(paint.space) ? neutralLevel(ins.operands) : undefined;
        if (level !== undefined) {
          replace(ins, `${formatNumber(level)} ${ops.gray}`);
          paint.switched = true;
          rewritten++;
        } else if (paint.switched) {
          // The output is in DeviceGray but this colour needs the original space back first.
          const body = content.slice(ins.start, ins.end);
          const restore = paint.space === "rgb" ? null : `${paint.space} ${ops.cs} `;
          const text =
            restore === null ? `${ins.operands.map((o) => o.text).join(" ")} ${ops.rg}` : `${restore}${body}`;
          replace(ins, text);
          paint.switched = false;
        }
        break;
      }
    }
  }
  out.push(content.slice(copiedTo));
  return { content: out.join(""), rewritten };
}
