// Shared by the benches: percentiles, and many event-socket clients in a worker thread (so they do not share the
// server's event loop) that report when every one of them has a given event.
import { Worker } from 'node:worker_threads';

/** The p-th percentile (nearest rank), rounded to 0.01. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

export type SocketClientsOptions = {
  url: string;
  cookie: string;
  count: number;
  servicePointId: string;
  /** Only events of this type count (default: any). */
  eventType?: string;
};
type FromWorker = { connected: number; ms: number } | { delivered: string } | { error: string };

// Plain JavaScript: a TypeScript loader does not reach workers.
const clientWorker = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require('ws');
const { url, cookie, count, servicePointId, eventType } = workerData;
const sockets = [];
const seen = new Map();
const done = new Set();
const started = performance.now();
const openOne = () => new Promise((resolve, reject) => {
  const ws = new WebSocket(url, { headers: { cookie: 'etapiste_session=' + cookie } });
  ws.on('error', reject);
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.welcome) ws.send(JSON.stringify({ subscribe: { servicePointId } }));
    else if (m.subscribed) resolve();
    else if (m.event && (!eventType || m.event.type === eventType) && !done.has(m.event.id)) {
      const n = (seen.get(m.event.id) || 0) + 1;
      if (n === count) { seen.delete(m.event.id); done.add(m.event.id); parentPort.postMessage({ delivered: m.event.id }); }
      else seen.set(m.event.id, n);
    }
  });
  sockets.push(ws);
});
parentPort.on('message', (m) => {
  if (m.close) { for (const ws of sockets) ws.terminate(); parentPort.close(); }
});
(async () => {
  // In batches, so the listen backlog never overflows into SYN retries.
  for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, openOne));
  parentPort.postMessage({ connected: count, ms: Math.round(performance.now() - started) });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

/**
 * `count` sockets subscribed to the point; `deliveredAt(id)` resolves with the moment (performance.now) the last of
 * them had the event — also when the event arrived before anyone asked (it may overtake the HTTP answer).
 */
export async function socketClients(c: SocketClientsOptions) {
  const worker = new Worker(clientWorker, { eval: true, workerData: c });
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const ready = new Promise<number>((resolve, reject) => {
    worker.on('message', (m: FromWorker) => {
      if ('connected' in m) resolve(m.ms);
      else if ('error' in m) reject(new Error(m.error));
      else {
        const at = performance.now();
        const waiter = waiting.get(m.delivered);
        if (waiter) {
          waiting.delete(m.delivered);
          waiter(at);
        } else arrived.set(m.delivered, at);
      }
    });
    worker.on('error', reject);
  });
  const connectMs = await ready;
  return {
    connectMs,
    deliveredAt: (id: string) =>
      new Promise<number>((resolve) => {
        const at = arrived.get(id);
        if (at === undefined) return waiting.set(id, resolve);
        arrived.delete(id);
        resolve(at);
      }),
    close: async () => {
      worker.postMessage({ close: true });
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
