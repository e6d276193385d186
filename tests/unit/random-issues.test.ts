import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadIssue } from "../../src/load";
import { adviseFixes, makeUp } from "../../src/makeup";
import { aspectsOf, makeupInput, probePhotos } from "../../src/pipeline/stage-inputs";
import { adviceReport } from "../../src/pipeline/suggestions";
import { typesetIssue } from "../../src/typeset/model";
import { estimatedMeasure } from "../generator/estimated-measure";
import { generateIssue } from "../generator/issue-generator";
import { applyAdvice } from "../helpers/apply-advice";

// The fast layer of tests/e2e/random-issues.test.ts: a few random issues from the corpus through
// load, typeset and the make-up, with the lines estimated from the text instead of measured in
// Chromium. Each fits with no editorial rule broken and every page but the last full, or its
// advice, written into issue.json, makes it fit.

const dir = mkdtempSync(join(tmpdir(), "newsprint-random-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function madeUp(folder: string) {
  const issue = await loadIssue(folder);
  const model = typesetIssue(issue);
  const sizes = await probePhotos(issue);
  const input = makeupInput(model, estimatedMeasure(model, aspectsOf(sizes)), { sizes, minPpi: 150 });
  return { model, input, result: makeUp(input) };
}

describe("random issues through the make-up (lines estimated)", () => {
  for (const [seed, lang] of [
    [101, "zh-Hans"],
    [102, "zh-Hans"],
    [103, "zh-Hant"],
    [104, "en"],
  ] as const) {
    it(`seed ${seed} (${lang})`, async () => {
      const folder = join(dir, `${seed}`);
      await generateIssue(seed, folder, { lang, headBreaks: true, reporterPunctuation: true });
      const { model, input, result } = await madeUp(folder);
      if (result.ok) {
        const broken = result.layout.pages.flatMap((p) => p.rules.map((b) => `p${p.number} ${b.rule} ${b.article}`));
        expect(broken).toEqual([]);
        for (const p of result.layout.pages.slice(0, -1)) expect(p.emptyCells / p.totalCells).toBeLessThan(0.03);
        return;
      }
      // No clock: the search's budget of make-ups alone, so the advice does not depend on the load.
      const advice = adviceReport(adviseFixes(input, result), model);
      const combination = advice.combinations[0];
      expect(combination, JSON.stringify(advice.overflows)).toBeDefined();
      const file = join(folder, "issue.json");
      const data = JSON.parse(readFileSync(file, "utf8"));
      applyAdvice(
        data,
        (combination ?? []).map((e) => e.edit),
      );
      writeFileSync(file, JSON.stringify(data));
      expect((await madeUp(folder)).result.ok).toBe(true);
    }, 60_000);
  }
});
