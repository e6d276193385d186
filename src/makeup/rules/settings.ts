import { DEFAULTS, STYLE_DEFAULTS } from "../../config/defaults";
import type { MakeupInput, MakeupRules, RuleKind } from "../types";

// The rules' limits come with the make-up's input, resolved from the house style by the pipeline;
// an input without them (the make-up's own tests, the benchmark) gets the house style's defaults.

export const DEFAULT_RULES: MakeupRules = {
  ...STYLE_DEFAULTS.makeup,
  minPhotoPpi: DEFAULTS.minPpi,
  strict: [...STYLE_DEFAULTS.makeup.strict] as RuleKind[],
};

export function rulesOf(input: MakeupInput): MakeupRules {
  return input.rules ?? DEFAULT_RULES;
}
