import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { InProcessBus } from './bus.js';
import { type Credential, RealtimeHub } from './hub.js';

const advisor: Actor = {
  kind: 'user',
  userId: 'u1',
  organisationId: 'porvoo',
  email: 'a@example.fi',
  name: 'A',
  roles: [{ role: 'advisor', organisationId: 'porvoo', servicePointId: 'sp1' }],
  mfaEnabled: false,
  mfaPending: false,
  sessionIdHash: 'h',
  csrfToken: 'c',
};

/** Just enough of a ws WebSocket for the hub: records what it is sent and how it is closed. */
function fakeSocket() {
  const socket = Object.assign(new EventEmitter(), {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    sent: [] as Record<string, unknown>[],
    closedWith: undefined as number | undefined,
    terminated: false,
    send(data: string) {
      socket.sent.push(JSON.parse(data) as Record<string, unknown>);
    },
    ping() {},
    close(code: number) {
      socket.closedWith = code;
      socket.readyState = 3;
    },
    terminate() {
      socket.terminated = true;
      socket.readyState = 3;
    },
  });
  return socket;
}

const log = { warn: vi.fn() } as unknown as FastifyBaseLogger;

function hubWith(revalidate: (c: Credential) => Promise<Actor>) {
  const bus = new InProcessBus();
  const hub = new RealtimeHub({ bus, log, revalidate, heartbeatMs: 3_600_000 });
  const attach = (credential: Credential) => {
    const socket = fakeSocket();
    hub.attach(socket as unknown as WebSocket, advisor, credential);
    socket.emit('message', Buffer.from(JSON.stringify({ subscribe: { servicePointId: 'sp1' } })), false);
    return socket;
  };
  return { bus, hub, attach };
}

describe('RealtimeHub', () => {
  it('re-checks each credential once per heartbeat, however many sockets share it', async () => {
    const revalidate = vi.fn(async () => advisor);
    const { hub, attach } = hubWith(revalidate);
    const sockets = [attach({ kind: 'session', sessionId: 's1' }), attach({ kind: 'session', sessionId: 's1' }), attach({ kind: 'session', sessionId: 's2' })];
    for (const s of sockets) s.emit('pong');
    await hub.heartbeat();
    expect(revalidate).toHaveBeenCalledTimes(2);
    expect(hub.size).toBe(3);
    await hub.close();
  });

  it('keeps sockets when the re-check fails for a database error, closes them when the session is gone', async () => {
    let answer: () => Promise<Actor> = () => Promise.reject(new Error('connection refused'));
    const { hub, attach } = hubWith(() => answer());
    const socket = attach({ kind: 'session', sessionId: 's1' });
    await hub.heartbeat();
    expect(socket.closedWith).toBeUndefined();
    expect(log.warn).toHaveBeenCalled();
    socket.emit('pong');
    answer = async () => ({ kind: 'anonymous' });
    await hub.heartbeat();
    expect(socket.closedWith).toBe(4401);
    expect(hub.size).toBe(0);
    await hub.close();
  });

  it('cuts off a socket that does not keep up instead of buffering without bound', async () => {
    const { bus, hub, attach } = hubWith(async () => advisor);
    const slow = attach({ kind: 'session', sessionId: 's1' });
    const fast = attach({ kind: 'session', sessionId: 's2' });
    slow.bufferedAmount = 2 << 20;
    await bus.publish({ type: 'booking.changed', id: 'b1', servicePointId: 'sp1', agencyId: 'vero' });
    expect(slow.terminated).toBe(true);
    expect(fast.sent.at(-1)).toMatchObject({ event: { id: 'b1' } });
    expect(hub.size).toBe(1);
    await hub.close();
    expect(fast.closedWith).toBe(1001);
  });

  it('tells every socket to re-read when the bus may have missed events', async () => {
    const { bus, hub, attach } = hubWith(async () => advisor);
    const socket = attach({ kind: 'session', sessionId: 's1' });
    // What PostgresBus delivers to its own subscribers after re-LISTEN.
    await bus.publish({ type: 'realtime.resync' });
    expect(socket.sent.at(-1)).toEqual({ resync: { at: expect.any(String) } });
    await hub.close();
  });
});
