/**
 * A progress bar kept in the database while something long runs elsewhere: it writes at most once
 * per `everyMs`, one write at a time, forwards only. A failed write goes to `onError` and is skipped:
 * the bar is a courtesy, the result is what matters.
 */
export interface ProgressBar {
  report(percent: number): void;
  /** Resolves once the last write started has finished. */
  settled(): Promise<void>;
}

export function progressBar(
  write: (percent: number) => Promise<void>,
  options: { from: number; everyMs: number; onError: (e: unknown) => void; now?: () => number },
): ProgressBar {
  const now = options.now ?? (() => performance.now());
  let shown = options.from;
  let lastWriteAt = -Infinity;
  let busy = false;
  let writing: Promise<void> = Promise.resolve();
  return {
    report(percent) {
      if (percent <= shown || busy || now() - lastWriteAt < options.everyMs) return;
      shown = percent;
      lastWriteAt = now();
      busy = true;
      writing = write(percent)
        .catch(options.onError)
        .finally(() => {
          busy = false;
        });
    },
    settled: () => writing,
  };
}
