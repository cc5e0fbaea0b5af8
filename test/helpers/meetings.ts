import { SIGNAL_SUBPROTOCOL } from '../../src/shared/meetings.js';
import type { FastifyInstance } from 'fastify';
import { type Message, type TestSocket, connect, wsUrl } from './sockets.js';

/** The signalling socket of a meeting, as a staff member (cookie), a kiosk (device token) or an interpreter. */
export function signalSocket(app: FastifyInstance, meetingId: string, who: { cookie?: string; terminalToken?: string; guestToken?: string }): Promise<TestSocket> {
  const protocols = [SIGNAL_SUBPROTOCOL];
  if (who.terminalToken) protocols.push(`bearer.${who.terminalToken}`);
  if (who.guestToken) protocols.push(`guest.${who.guestToken}`);
  return connect(wsUrl(app, `/api/meetings/${meetingId}/signal`), { cookie: who.cookie, protocols });
}

export const ofType = (type: string, extra: (m: Message) => boolean = () => true) => (m: Message) => m.type === type && extra(m);

/** A session description of realistic size: Chrome's offers with audio and two video sections run to 10–15 kB. */
export function bigSdp(kind: 'offer' | 'answer' = 'offer') {
  const lines = ['v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0'];
  for (let m = 0; m < 3; m++) {
    lines.push(`m=video 9 UDP/TLS/RTP/SAVPF ${Array.from({ length: 30 }, (_, i) => 96 + i).join(' ')}`);
    for (let pt = 96; pt < 126; pt++) lines.push(`a=rtpmap:${pt} VP8/90000`, `a=rtcp-fb:${pt} goog-remb`, `a=rtcp-fb:${pt} transport-cc`, `a=rtcp-fb:${pt} nack pli`);
  }
  return { type: kind, sdp: `${lines.join('\r\n')}\r\n` };
}
