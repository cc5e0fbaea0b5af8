import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../../../test/helpers/fake-socket';
import type { SignalServerMessage } from '../../shared/meetings';
import { SignalClient, type SignalState, type SignalStop, signalBackoff, signalProtocols, signalUrl } from './signalClient';

const welcome = { type: 'welcome', self: { participantId: 'p', connectionId: 'c', kind: 'terminal', name: 'x', admitted: false }, iceServers: [], iceTransportPolicy: 'all' };

describe('meeting signalling client', () => {
  let sockets: FakeSocket[];
  let states: [SignalState, SignalStop | undefined][];
  let messages: SignalServerMessage[];
  const start = () => {
    const client = new SignalClient({
      meetingId: 'm-1',
      credential: { kind: 'terminal', token: 'tok' },
      onMessage: (m) => messages.push(m),
      onState: (s, stop) => states.push([s, stop]),
      createSocket: (url, protocols) => {
        const s = new FakeSocket(url, protocols);
        sockets.push(s);
        return s;
      },
      location: { protocol: 'https:', host: 'example.fi' },
      random: () => 0.5,
      pingEveryMs: 1_000,
      pongTimeoutMs: 500,
    });
    client.start();
    return client;
  };
  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    states = [];
    messages = [];
  });
  afterEach(() => vi.useRealTimers());

  it('names the meeting in the URL and the credential only as a subprotocol', () => {
    start();
    expect(sockets[0]!.url).toBe('wss://example.fi/api/meetings/m-1/signal');
    expect(sockets[0]!.protocols).toEqual(['etapiste.signal.v1', 'bearer.tok']);
    expect(signalProtocols({ kind: 'guest', token: 'g' })).toEqual(['etapiste.signal.v1', 'guest.g']);
    expect(signalProtocols({ kind: 'session' })).toEqual(['etapiste.signal.v1']);
    expect(signalUrl({ protocol: 'http:', host: 'h:1' }, 'x')).toBe('ws://h:1/api/meetings/x/signal');
  });

  it('reconnects after a drop with a back-off between 0.5 and 5 s, and resets it after a welcome', () => {
    start();
    sockets[0]!.serverSays(welcome);
    expect(states.at(-1)).toEqual(['open', undefined]);
    sockets[0]!.serverCloses(1006);
    expect(states.at(-1)).toEqual(['reconnecting', undefined]);
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.serverCloses(1006);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(3);
    sockets[2]!.serverSays(welcome);
    sockets[2]!.serverCloses(1001);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
    for (let a = 0; a < 12; a++) {
      const d = signalBackoff(a, Math.random);
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(5_000);
    }
  });

  it('stops for good when the meeting ended (4000) or the credential is refused (4401/4403)', () => {
    for (const [code, stop] of [
      [4000, 'ended'],
      [4401, 'unauthenticated'],
      [4403, 'forbidden'],
    ] as const) {
      sockets = [];
      states = [];
      start();
      sockets[0]!.serverCloses(code);
      vi.advanceTimersByTime(10_000);
      expect(sockets).toHaveLength(1);
      expect(states.at(-1)).toEqual(['closed', stop]);
    }
  });

  it('gives up on a silent socket when a ping goes unanswered, and passes messages on', () => {
    start();
    sockets[0]!.serverSays(welcome);
    sockets[0]!.serverSays({ type: 'chat', from: { participantId: 'e', kind: 'expert', name: 'E' }, text: 'hei', at: '2026-01-01T10:00:00Z' });
    expect(messages.map((m) => m.type)).toEqual(['welcome', 'chat']);
    vi.advanceTimersByTime(1_000);
    expect(sockets[0]!.sent).toContainEqual({ type: 'ping' });
    sockets[0]!.serverSays({ type: 'pong' });
    vi.advanceTimersByTime(1_000);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.closedWith).toBe(1000);
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    expect(messages.map((m) => m.type)).toEqual(['welcome', 'chat']);
  });
});
