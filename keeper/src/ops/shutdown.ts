/** Graceful shutdown: the first SIGINT/SIGTERM aborts the signal; the keeper finishes in-flight work. */
export interface ShutdownHandle {
  readonly signal: AbortSignal;
  /** Removes the process listeners. */
  dispose(): void;
}

export function onShutdown(signals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"], onSignal: (s: NodeJS.Signals) => void = () => {}): ShutdownHandle {
  const controller = new AbortController();
  const handler = (s: NodeJS.Signals): void => {
    if (controller.signal.aborted) return;
    onSignal(s);
    controller.abort(new Error(`received ${s}`));
  };
  for (const s of signals) process.on(s, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, handler);
    },
  };
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
