// Times the image stage on the sample photos: one cold run (every image processed) and one warm
// run (everything from the cache). Run: node --import tsx scripts/bench-images.ts

import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { resolveConfig } from "../src/config/resolve";
import { type ImageRequest, prepareImages } from "../src/images/index";

const PHOTOS = fileURLToPath(new URL("../issues/dongchangfu/photos", import.meta.url));
// Slots of a broadsheet grid (column 46 mm, gutter 4 mm): 1, 2, 3 and 5 columns wide.
const SLOTS: [number, number][] = [
  [46, 34],
  [96, 64],
  [146, 98],
  [246, 160],
];

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), "newsprint-bench-images-"));
  try {
    const issueDir = path.join(root, "issue");
    const photos = (await readdir(PHOTOS)).filter((f) => /\.(jpe?g|png|webp|tiff?|avif)$/i.test(f));
    await mkdir(issueDir);
    await Promise.all(photos.map((f) => copyFile(path.join(PHOTOS, f), path.join(issueDir, f))));
    // The samples are small; one camera-sized frame (24 MP) shows the cost of real agency photos.
    await sharp(path.join(PHOTOS, "hubble_deep_field.jpg"))
      .resize(6000, 4000, { fit: "fill" })
      .jpeg({ quality: 92 })
      .toFile(path.join(issueDir, "camera-24mp.jpg"));
    photos.push("camera-24mp.jpg");

    const reqs: ImageRequest[] = photos.flatMap((src, p) =>
      SLOTS.flatMap(([widthMm, heightMm], s) =>
        [false, true].map((mono) => ({
          articleId: `bench-${p}`,
          index: s * 2 + Number(mono),
          src,
          widthMm,
          heightMm,
          mono,
        })),
      ),
    );
    const opts = { ...resolveConfig().images, issueDir, cacheDir: path.join(root, "cache") };
    console.log(`${photos.length} photos × ${SLOTS.length} slots × colour/mono = ${reqs.length} images`);
    for (const run of ["cold", "cached"]) {
      const t0 = performance.now();
      const { images, warnings } = await prepareImages(reqs, opts);
      const ms = performance.now() - t0;
      const hits = images.filter((i) => i.cached).length;
      console.log(
        `${run.padEnd(6)} ${ms.toFixed(0).padStart(6)} ms  (${hits}/${images.length} from cache, ${warnings.length} low-resolution warnings)`,
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
