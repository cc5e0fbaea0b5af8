import type { Db } from '../../db/client.js';
import { sealAuditEvents } from './chain.js';

const BATCH = 1000;
export const AUDIT_SEAL_INTERVAL_MS = 200;

export type AuditSealer = {
  /** Stops the loop and waits for a seal in progress. */
  stop(): Promise<void>;
};

/** Seals batches until a short one: then nothing committed is left unsealed (or another instance is sealing it). */
export async function sealPendingAuditEvents(db: Db): Promise<void> {
  while ((await sealAuditEvents(db, BATCH)) === BATCH);
}

/**
 * The audit chain's sequencer, one per app instance: writers append rows unsealed, and this loop seals them every
 * `intervalMs` (and at once on start, for rows a stopped or killed process left unsealed). The database lets one
 * sealer run at a time; the others find the lock taken and try again next time.
 */
export function startAuditSealer(db: Db, opts: { intervalMs?: number; onError?: (error: unknown) => void } = {}): AuditSealer {
  const intervalMs = opts.intervalMs ?? AUDIT_SEAL_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(() => sealPendingAuditEvents(db)).catch((error: unknown) => opts.onError?.(error));
    return running;
  };
  const loop = () => {
    if (stopped) return;
    void run().finally(() => {
      if (stopped) return;
      timer = setTimeout(loop, intervalMs);
      timer.unref();
    });
  };
  loop();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
