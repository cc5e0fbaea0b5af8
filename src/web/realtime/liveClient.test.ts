import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../../../test/helpers/fake-socket';
import { type LiveOptions, type LiveState, LiveConnection, backoffDelay, eventsUrl } from './liveClient';

describe('live events client', () => {
  let sockets: FakeSocket[];
  let states: LiveState[];
  let resyncs: number;
  let events: unknown[];
  const start = (extra: Partial<LiveOptions> = {}) => {
    const c = new LiveConnection({
      url: 'ws://x/api/events',
      scopes: [{ servicePointId: 'p' }, { agencyId: 'a' }],
      onEvent: (e) => events.push(e),
      onResync: () => resyncs++,
      onState: (s) => states.push(s),
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      random: () => 0.5,
      ...extra,
    });
    c.start();
    return c;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    states = [];
    resyncs = 0;
    events = [];
  });
  afterEach(() => vi.useRealTimers());

  it('subscribes after the welcome, is live once every scope is confirmed, and re-reads then', () => {
    start();
    const s = sockets[0]!;
    s.serverSays({ welcome: { heartbeatSeconds: 25 } });
    expect(s.sent).toEqual([{ subscribe: { servicePointId: 'p' } }, { subscribe: { agencyId: 'a' } }]);
    s.serverSays({ subscribed: { servicePointId: 'p' } });
    expect(states).toEqual([]);
    s.serverSays({ subscribed: { agencyId: 'a' } });
    expect(states).toEqual(['live']);
    expect(resyncs).toBe(1);
    s.serverSays({ event: { type: 'booking.changed', id: 'b' } });
    s.serverSays({ resync: { at: 'now' } });
    expect(events).toEqual([{ type: 'booking.changed', id: 'b' }]);
    expect(resyncs).toBe(2);
  });

  it('reconnects with growing delays after a lost connection, and subscribes and re-reads again', () => {
    start();
    sockets[0]!.serverCloses(1006);
    expect(states).toEqual(['reconnecting']);
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.serverCloses(1001);
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const s = sockets[2]!;
    s.serverSays({ welcome: {} });
    s.serverSays({ subscribed: {} });
    s.serverSays({ subscribed: {} });
    expect(states).toEqual(['reconnecting', 'live']);
    expect(resyncs).toBe(1);
  });

  it('stops for good when the session has ended', () => {
    start();
    sockets[0]!.serverCloses(4401);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(states).toEqual(['stopped']);
  });

  it('gives up on a socket that does not answer pings', () => {
    start({ pingEveryMs: 1000, pongTimeoutMs: 500 });
    const s = sockets[0]!;
    s.serverSays({ welcome: {} });
    vi.advanceTimersByTime(1000);
    expect(s.sent.at(-1)).toEqual({ ping: 1 });
    vi.advanceTimersByTime(500);
    expect(s.closedWith).toBe(1000);
    expect(states).toEqual(['reconnecting']);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('stop() closes the socket and never reconnects', () => {
    const c = start();
    c.stop();
    expect(sockets[0]!.closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('spreads delays ±50 % up to 30 s and builds the URL from the page origin', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(750);
    expect(backoffDelay(20, () => 0.5)).toBe(30_000);
    expect(eventsUrl({ protocol: 'https:', host: 'a.fi' })).toBe('wss://a.fi/api/events');
    expect(eventsUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/api/events');
  });
});
