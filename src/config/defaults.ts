// Every default of newsprint, once. The issue file, the paper's style file and CLI options
// override them; nothing else in src/ spells these numbers.

export const DEFAULTS = {
  /** Bleed beyond the trim, mm (press files, preflight, format presets). */
  bleedMm: 3,
  /** Total ink limit, percent: CGATS TR 002 newsprint / ISO 12647-3 coldset. */
  inkLimit: 220,
  /** Photos are resampled to this resolution (never upscaled). */
  targetPpi: 200,
  /** Photos with more pixels are refused unread (decompression bombs). */
  maxPhotoPixels: 100_000_000,
  /** Below this effective resolution a photo warns (an error with --strict). */
  minPpi: 150,
  /** PDF/X flavour of the press files. */
  pdfx: "PDF/X-1a:2001",
  /** Chromium must have started within this time (NEWSPRINT_LAUNCH_TIMEOUT_MS overrides it). */
  launchTimeoutMs: 30_000,
  /** Preview port (any free port when taken). */
  previewPort: 4321,
  /** Output folder of build and preview. */
  outDir: "output",
  /** Paper name of a new issue (init, import) until the editor writes the real one. */
  paperName: "报纸名称",
  /** Format preset of a new issue. */
  format: "tabloid",
} as const;
