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
  /** The most newsprint reads of a file an issue names beside its photos (src/files.ts): far above
   *  any real one, so a wrong file is refused within seconds instead of read. */
  maxFileBytes: { style: 4 * 1024 * 1024, ads: 16 * 1024 * 1024, font: 64 * 1024 * 1024 },
  /** Below this effective resolution a photo warns (an error with --strict). */
  minPpi: 150,
  /** PDF/X flavour of the press files. */
  pdfx: "PDF/X-1a:2001",
  /** The output-condition profiles shipped in profiles/, by the ink limit each caps, highest first:
   *  the press uses the highest not above its ink limit unless given another. */
  pressProfiles: [
    { inkLimit: 240, file: "profiles/newsprint-tr002-tac240.icc" },
    { inkLimit: 220, file: "profiles/newsprint-tr002-tac220.icc" },
  ],
  /** Where Chromium is looked for, in order (--chromium and NEWSPRINT_CHROMIUM name another). */
  chromiumPaths: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"],
  /** Chromium must have started within this time (NEWSPRINT_LAUNCH_TIMEOUT_MS overrides it). */
  launchTimeoutMs: 30_000,
  /** Ghostscript's command, and its own ICC profiles (Debian's place; NEWSPRINT_GS_ICC_DIR overrides it). */
  gsCommand: "gs",
  gsIccDir: "/usr/share/color/icc/ghostscript",
  /** Ghostscript 10.06 built to WebAssembly, which writes PDF/X-4 (NEWSPRINT_GS_WASM: another gs.js). */
  gsWasmModule: "@okathira/ghostpdl-wasm",
  /** A Ghostscript run (a page converted, a page's ink measured) must end within this time. */
  gsTimeoutMs: 300_000,
  /** Press pages converted at once, at most (and no more than the machine's cores). */
  pressConcurrency: 4,
  /** Press file names: one per page, and the whole issue as one press proof. */
  pressPagePattern: "<paper>_<yyyymmdd>_<page>.pdf",
  pressIssuePattern: "<paper>_<yyyymmdd>_press.pdf",
  /** Tries per file of a hot-folder delivery (folder or SFTP), and the first wait before a retry, doubled each time. */
  deliverTries: 3,
  deliverBackoffMs: 1_000,
  /** How long `send --printer` waits for each job to complete, and how often it asks the printer. */
  printTimeoutMs: 900_000,
  printPollMs: 1_000,
  /** An SFTP server must have answered the login within this time. */
  sftpConnectTimeoutMs: 20_000,
  /** Preview port (any free port when taken) and address: this machine only. */
  previewPort: 4321,
  previewHost: "127.0.0.1",
  /** Output folder of build and preview. */
  outDir: "output",
  /** Paper name of a new issue (init, import) until the editor writes the real one. */
  paperName: "报纸名称",
  /** Format preset of a new issue. */
  format: "tabloid",
  /** Redis of the edition queue (NEWSPRINT_REDIS_URL overrides it). */
  redisUrl: "redis://127.0.0.1:6379",
  /** Name of the edition queue: workers and `queue add` meet on it. */
  queueName: "editions",
  /** Editions a worker builds at once. */
  queueConcurrency: 1,
  /** Jobs `queue status` lists per state, at most. */
  queueStatusLimit: 200,
  /** Tries of a queued edition whose failure is not its input's fault (browser, tool, delivery). */
  queueAttempts: 3,
  /** First wait before such a retry, doubled each time. */
  queueBackoffMs: 5_000,
  /** A worker holds a job's lock this long and renews it halfway; a killed worker's job is
   *  free again once the lock runs out. */
  queueLockDurationMs: 30_000,
  /** How often workers look for jobs whose lock ran out (their worker died) and requeue them. */
  queueStalledIntervalMs: 30_000,
  /** The queue's set-up (Chromium, fonts, styles…) stays claimed this long after its last live worker. */
  queueSetupTtlMs: 60_000,
  /** A safety net only: the search for edits that make an issue fit is bounded by a count of
   *  make-ups (MAX_FIX_TRIES in src/makeup/limits.ts), so the same issue gets the same advice on
   *  any machine; this clock stops it only if something has gone badly wrong (a make-up that
   *  takes seconds), far above what the 60 make-ups take on a loaded machine. */
  adviceSafetyCapMs: 120_000,
  /** Widths in px of each page's image in the e-paper (数字报): a screen's and a zoomed one. */
  epaperPageWidths: [800, 1600],
  /** Widest photo of an e-paper story page, px (never upscaled). */
  epaperPhotoWidth: 1200,
} as const;

/** The house style where neither the paper's style file nor its language says otherwise. Sizes are
 *  in body sizes (the format's), so they follow the format. */
export const STYLE_DEFAULTS = {
  sizes: {
    headlineBySpan: [1.6, 2.0, 2.4, 2.8, 3.2, 3.4],
    leadHeadline: 1.25,
    minorHeadline: 0.9,
    maxHeadline: 4.2,
    kicker: 0.45,
    subhead: 0.5,
    verticalHeadline: 2.6,
    caption: 0.9,
    credit: 0.9,
    label: 1.1,
    masthead: 7,
    header: 1.05,
  },
  colors: { masthead: "#b00000", accent: "#b00000", rules: "#000", section: "#000", text: "#000" },
  /** A justified Latin line's widest word space, as a multiple of the face's own space. */
  maxWordSpace: 2,
  /** Latin body text: how lines are set and spaced (the composer, docs/composer.md). */
  text: {
    align: "justify",
    /** Word spaces kept within these multiples of the face's own before a line is letter-spaced. */
    wordSpace: { min: 0.75, max: 2 },
    /** Letter-spacing of a justified Latin line, em, in steps (stepped tracking). */
    tracking: { min: -0.02, max: 0.02, step: 0.005 },
    maxHyphens: 2,
    /** CJK text: em between an ideograph and a Latin letter or digit (Chromium's text-autospace). */
    autospace: 0.125,
  },
  /** The paper's name shrinks to this share of its size at most to stay on one line. */
  mastheadMinScale: 0.5,
  /** The make-up's editorial rules (src/makeup/rules/), as a 版面编辑 signs pages off. The
   *  photo-resolution rule's limit is the build's minimum photo resolution (DEFAULTS.minPpi)
   *  unless the style sets its own. */
  makeup: {
    /** A story sets at least this many body lines before it jumps, and this many per column. */
    jumpMinLines: 8,
    jumpMinLinesPerColumn: 2,
    /** No text column (leg) of a module shorter than this. */
    minLegLines: 3,
    /** No headline over this many lines where a wider module would set it in fewer. */
    maxHeadLines: 3,
    /** A page but its section's last leaves less than this share of its type area empty. */
    maxEmptyShare: 0.03,
    /** Rules whose breaking fails the build instead of being reported: none. */
    strict: [] as readonly string[],
  },
  /** Folder of the app holding shared style files: "style": "name" → styles/papers/name.json. */
  sharedStylesDir: "styles/papers",
} as const;
