// HarfBuzz's WebAssembly build, loaded on first use (its module instantiates the wasm at import):
// a build whose measurements all come from the cache never pays for it.

export type HarfBuzz = typeof import("harfbuzzjs");

let loading: Promise<HarfBuzz> | undefined;
let loaded: HarfBuzz | undefined;

export function loadHarfBuzz(): Promise<HarfBuzz> {
  loading ??= import("harfbuzzjs").then((hb) => {
    loaded = hb;
    return hb;
  });
  return loading;
}

/** HarfBuzz once loadHarfBuzz() has resolved; composing is synchronous after that. */
export function harfBuzz(): HarfBuzz {
  if (!loaded) throw new Error("HarfBuzz is not loaded: await loadHarfBuzz() (or createComposer) first");
  return loaded;
}
