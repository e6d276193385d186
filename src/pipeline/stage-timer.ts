// Every command times its stages the same way: milliseconds by stage name, and the name told to
// a progress display as the stage starts.

export type Timer = <T>(stage: string, work: () => Promise<T> | T) => Promise<T>;

export const untimed: Timer = async (_stage, work) => work();

export function stageTimer(into: Record<string, number>, onStage?: (stage: string) => void): Timer {
  return async (stage, work) => {
    onStage?.(stage);
    const started = performance.now();
    try {
      return await work();
    } finally {
      into[stage] = Math.round(performance.now() - started);
    }
  };
}
