import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';

export type Message = Record<string, unknown>;

/** A WebSocket client for tests: queues what arrives so a test can wait for the next matching message. */
export type TestSocket = {
  ws: WebSocket;
  /** Everything received so far, in order. */
  received: Message[];
  send(message: unknown): void;
  next(predicate?: (m: Message) => boolean, timeoutMs?: number): Promise<Message>;
  closed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  subscribe(scope: { servicePointId?: string; agencyId?: string }): Promise<void>;
  close(): void;
};

/** The address of a listening app (tests call `app.listen({ port: 0, host: '127.0.0.1' })` first). */
export function wsUrl(app: FastifyInstance, path = '/api/events'): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return `ws://127.0.0.1:${address.port}${path}`;
}

export function connect(url: string, opts: { cookie?: string; protocols?: string[]; headers?: Record<string, string> } = {}): Promise<TestSocket> {
  const headers = { ...opts.headers, ...(opts.cookie ? { cookie: `etapiste_session=${opts.cookie}` } : {}) };
  const ws = new WebSocket(url, opts.protocols ?? [], { headers });
  ws.on('error', () => undefined); // reported through the promise below or as a close
  const received: Message[] = [];
  let cursor = 0;
  const waiters = new Set<() => void>();
  let closeInfo: { code: number; reason: string } | undefined;
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as Message);
    for (const w of waiters) w();
  });
  ws.on('close', (code, reason) => {
    closeInfo = { code, reason: reason.toString() };
    for (const w of waiters) w();
  });
  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined) return false;
        waiters.delete(attempt);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(attempt);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(received.slice(cursor))}`));
      }, timeoutMs);
      if (!attempt()) waiters.add(attempt);
    });
  const socket: TestSocket = {
    ws,
    received,
    send: (message) => ws.send(JSON.stringify(message)),
    next: (predicate = () => true, timeoutMs = 5_000) =>
      waitFor(
        () => {
          while (cursor < received.length) {
            const m = received[cursor++]!;
            if (predicate(m)) return m;
          }
          return undefined;
        },
        timeoutMs,
        'a message',
      ),
    closed: (timeoutMs = 5_000) => waitFor(() => closeInfo, timeoutMs, 'the socket to close'),
    subscribe: async (scope) => {
      socket.send({ subscribe: scope });
      await socket.next((m) => 'subscribed' in m);
    },
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Matches a `{event: {type, id}}` message of the events socket. */
export const isEvent = (type: string, id?: string) => (m: Message) => {
  const e = m.event as { type?: string; id?: string } | undefined;
  return e?.type === type && (!id || e.id === id);
};

/** The event sockets a suite opens on its listening app: subscribed on opening, all closed in afterAll. */
export function socketPool(app: () => FastifyInstance) {
  const open: TestSocket[] = [];
  return {
    /** Opens a socket with the given credentials and subscribes it to the scope. */
    async subscribed(scope: { servicePointId?: string; agencyId?: string }, opts: { cookie?: string; protocols?: string[] } = {}) {
      const socket = await connect(wsUrl(app()), opts);
      open.push(socket);
      await socket.subscribe(scope);
      return socket;
    },
    closeAll() {
      for (const s of open) s.close();
    },
  };
}
