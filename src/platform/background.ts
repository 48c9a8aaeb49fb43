/**
 * Work done after the answer is sent, so that the answer's content and timing never depend on it (whether an account
 * exists, whether a mail went out). Errors are logged by label and error class, never thrown at the caller; `idle()`
 * lets tests and shutdown wait for what is pending.
 */
import type { Logger } from './logger.js';

export interface BackgroundTasks {
  /** Starts `work` on a later turn of the event loop (after the current answer has been written). */
  run(label: string, work: () => Promise<unknown>): void;
  /** Resolves once nothing is pending. */
  idle(): Promise<void>;
}

export function createBackgroundTasks(logger: Logger): BackgroundTasks {
  const pending = new Set<Promise<void>>();
  return {
    run(label, work) {
      const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .then(() => undefined)
        .catch((error: unknown) => {
          logger.error({ task: label, err: { name: (error as Error).name } }, 'background task failed');
        })
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
