import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; raw: string; parsed: ParsedMail };

/**
 * A real SMTP server on a random loopback port that keeps what it receives. `refuse` makes it answer
 * 451 (try again later) to every recipient, as a server that is in trouble does.
 */
export async function startTestSmtp() {
  const received: ReceivedMail[] = [];
  const state = { refuse: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      state.refused++;
      callback(Object.assign(new Error('Temporary local problem, try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.toString('utf8'), parsed });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestSmtp = Awaited<ReturnType<typeof startTestSmtp>>;

export type ReceivedSms = { to: string; text: string; reference: string; headers: IncomingHttpHeaders };

/**
 * An HTTP SMS gateway stand-in. `failNext` answers 503 to that many requests (nothing taken); `dropNext` takes
 * that many messages and then breaks the connection without answering (taken, but the sender cannot know).
 */
export async function startSmsSink() {
  const received: ReceivedSms[] = [];
  const state = { failNext: 0, dropNext: 0, requests: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(503).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<ReceivedSms, 'headers'>;
      received.push({ ...body, headers: req.headers });
      if (state.dropNext > 0) {
        state.dropNext--;
        req.socket.destroy();
        return;
      }
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    received,
    state,
    to: (phone: string) => received.filter((m) => m.to === phone),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type SmsSink = Awaited<ReturnType<typeof startSmsSink>>;
