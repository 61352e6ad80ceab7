/** The loop the outbox and job workers run in `serve`. */

/** A loop started by `startPolling`. */
export type Poller = {
  /** Stops: no new batch starts; resolves once the batch in progress is done. */
  stop(): Promise<void>;
};

/**
 * Runs `runBatch` now, then again every `intervalMs`, and at once again after a full batch
 * (`runBatch` resolves true), so that a backlog drains without waiting. A batch that throws
 * (the database away) is reported to `onError`, and the loop goes on at the next tick.
 */
export function startPolling(options: {
  intervalMs: number;
  runBatch(): Promise<boolean>;
  onError(error: unknown): void;
}): Poller {
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let isFull = true;
      while (isFull) {
        // `stop()` may have been called while the last batch ran.
        if (isStopped) {
          return;
        }
        try {
          isFull = await options.runBatch();
        } catch (error) {
          options.onError(error);
          isFull = false;
        }
      }
      if (!isStopped) {
        timer = setTimeout(tick, options.intervalMs);
      }
    })();
  };
  tick();
  return {
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
