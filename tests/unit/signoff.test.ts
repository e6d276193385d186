import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionsManifest } from "../../src/deliver/manifest";
import {
  type PageOnDisk,
  type PlantRecord,
  pageStatuses,
  planSend,
  readPlantRecord,
  SignoffError,
  SignoffFileError,
  signOff,
  updatePlantRecord,
  versionedName,
} from "../../src/signoff/index";

// The sign-off stage on real files in a scratch folder: the states a page goes through, what a
// send to one destination takes, the plant record read back and refused when edited into nonsense.

const digest = (text: string) => createHash("sha256").update(text).digest("hex");
let dir: string;
let pages: PageOnDisk[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "newsprint-signoff-"));
  await writeFile(join(dir, "p_01.pdf"), "page one");
  await writeFile(join(dir, "p_02.pdf"), "page two");
  pages = [1, 2, 3].map((n) => ({
    pageNumber: n,
    pressFile: join(dir, `p_0${n}.pdf`),
    madeUp: true,
    proofed: n < 3,
  }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const empty = (): PlantRecord => ({ issue: "t", signoffs: [], deliveries: [] });
const at = new Date("2026-12-07T10:00:00Z");

describe("page states", () => {
  it("go from press file ready to signed off to sent, and back when the press file changes", async () => {
    const record = empty();
    expect((await pageStatuses(pages, record)).map((s) => s.state)).toEqual([
      "press file ready",
      "press file ready",
      "made up",
    ]);
    record.signoffs.push(...signOff(await pageStatuses(pages, record), [1], "王", at));
    expect(record.signoffs[0]).toMatchObject({ page: 1, by: "王", file: "p_01.pdf", sha256: digest("page one") });
    expect((await pageStatuses(pages, record))[0]?.state).toBe("signed off");
    record.deliveries.push({
      page: 1,
      version: 1,
      file: "p_01.pdf",
      name: "p_01.pdf",
      sha256: digest("page one"),
      at: at.toISOString(),
      to: "/hot",
    });
    expect((await pageStatuses(pages, record, "/hot"))[0]?.state).toBe("sent");
    expect((await pageStatuses(pages, record, "/elsewhere"))[0]?.state).toBe("signed off");
    await writeFile(join(dir, "p_01.pdf"), "page one, corrected");
    const [changed] = await pageStatuses(pages, record, "/hot");
    expect(changed).toMatchObject({ state: "changed since sign-off", changedSinceSignoff: true });
    expect(planSend(await pageStatuses(pages, record, "/hot"), record, "/hot")).toMatchObject({
      send: [],
      held: [{ page: 1 }],
    });
    record.signoffs.push(...signOff(await pageStatuses(pages, record), [1, 2], "李", at));
    const plan = planSend(await pageStatuses(pages, record, "/hot"), record, "/hot");
    expect(plan.send.map((p) => [p.page, p.name, p.version])).toEqual([
      [1, "p_01_v2.pdf", 2],
      [2, "p_02.pdf", 1],
    ]);
    expect(plan.earlier.map((d) => d.name)).toEqual(["p_01.pdf"]);
    await writeFile(join(dir, "p_01.pdf"), "page one");
  });

  it("refuse to sign off a page not in the issue or without a press file, listing both", async () => {
    const statuses = await pageStatuses(pages, empty());
    const attempt = () => signOff(statuses, [1, 3, 9], "王", at);
    expect(attempt).toThrow(SignoffError);
    expect(attempt).toThrow(/page 3 has no press file yet[\s\S]*page 9 is not in the issue \(pages 1–3\)/);
  });
});

describe("version names", () => {
  it("keep the first name and add _vN from the second", () => {
    expect(versionedName("dcf_20261208_01.pdf", 1)).toBe("dcf_20261208_01.pdf");
    expect(versionedName("dcf_20261208_01.pdf", 2)).toBe("dcf_20261208_01_v2.pdf");
  });

  it("the versions manifest lists every version and marks the highest current", () => {
    const manifest = versionsManifest([
      { name: "p_01.pdf", sha256: digest("a"), page: 1, version: 1 },
      { name: "p_02.pdf", sha256: digest("b"), page: 2, version: 1 },
      { name: "p_01_v2.pdf", sha256: digest("c"), page: 1, version: 2 },
    ]);
    expect(manifest.pages[0]).toEqual({
      page: 1,
      current: "p_01_v2.pdf",
      versions: [
        { version: 1, name: "p_01.pdf", sha256: digest("a"), current: false },
        { version: 2, name: "p_01_v2.pdf", sha256: digest("c"), current: true },
      ],
    });
    expect(manifest.pages[1]?.current).toBe("p_02.pdf");
  });
});

describe("the plant record", () => {
  it("is empty before the first sign-off and reads back what was written", async () => {
    const file = join(dir, "signoff.json");
    expect(await readPlantRecord(file, "t")).toEqual(empty());
    const signoffs = signOff(await pageStatuses(pages, empty()), [2], "王", at);
    await updatePlantRecord(file, "t", (r) => ({ ...r, signoffs }));
    expect((await readPlantRecord(file, "t")).signoffs).toEqual(signoffs);
    expect(JSON.parse(await readFile(file, "utf8")).signoffs[0].by).toBe("王");
  });

  it.each([
    ["not JSON", "{ signoffs: oops", /signoff\.json: is not JSON/],
    [
      "a sign-off without its hash",
      JSON.stringify({
        issue: "t",
        signoffs: [{ page: 1, by: "王", at: at.toISOString(), file: "p.pdf" }],
        deliveries: [],
      }),
      /signoff\.json: signoffs\[0\]\.sha256: /,
    ],
    [
      "a page that is no number",
      JSON.stringify({ issue: "t", signoffs: [], deliveries: [{ page: "one" }] }),
      /deliveries\[0\]\.page/,
    ],
  ])("edited into %s is refused, naming the file and the place", async (_, text, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}`, "signoff.json");
    await updatePlantRecord(file, "t", (r) => r);
    await writeFile(file, text);
    const read = readPlantRecord(file, "t");
    await expect(read).rejects.toBeInstanceOf(SignoffFileError);
    await expect(readPlantRecord(file, "t")).rejects.toThrow(message);
  });
});

describe("zoned editions' own pages", () => {
  const withEdition = (): PageOnDisk[] => [
    ...pages,
    { pageNumber: 2, edition: "north", pressFile: join(dir, "p_north_02.pdf"), madeUp: true, proofed: true },
  ];

  it("are rows of their own, signed off and sent apart from the base's page of the same number", async () => {
    await writeFile(join(dir, "p_north_02.pdf"), "north page two");
    const record = empty();
    const statuses = await pageStatuses(withEdition(), record);
    expect(statuses.map((s) => s.key)).toEqual(["1", "2", "3", "north:2"]);
    record.signoffs.push(...signOff(statuses, [2], "王", at, "north"));
    expect(record.signoffs[0]).toMatchObject({ page: 2, edition: "north", file: "p_north_02.pdf" });
    const after = await pageStatuses(withEdition(), record);
    expect(after.map((s) => s.state)).toEqual(["press file ready", "press file ready", "made up", "signed off"]);
    const plan = planSend(after, record, "/plant");
    expect(plan.send).toEqual([expect.objectContaining({ page: 2, edition: "north", name: "p_north_02.pdf" })]);
  });

  it("refuses a page the edition does not replace and an edition the issue does not have", async () => {
    const statuses = await pageStatuses(withEdition(), empty());
    expect(() => signOff(statuses, [1], "王", at, "north")).toThrow(
      /edition north does not replace page 1 \(its own: 2\)/,
    );
    expect(() => signOff(statuses, [2], "王", at, "south")).toThrow(/the issue has no edition "south" \(north\)/);
  });

  it("are listed per edition in the versions manifest, shared pages pointing to the base's files", () => {
    const sha = (c: string) => c.repeat(64);
    const manifest = versionsManifest([
      { name: "p_01.pdf", sha256: sha("a"), page: 1, version: 1 },
      { name: "p_02.pdf", sha256: sha("b"), page: 2, version: 1 },
      { name: "p_north_02.pdf", sha256: sha("c"), page: 2, version: 1, edition: "north" },
    ]);
    expect(manifest.pages.map((p) => p.current)).toEqual(["p_01.pdf", "p_02.pdf"]);
    expect(manifest.editions).toEqual([
      {
        id: "north",
        pages: [
          { page: 1, current: "p_01.pdf", edition: false },
          { page: 2, current: "p_north_02.pdf", edition: true },
        ],
      },
    ]);
  });
});
