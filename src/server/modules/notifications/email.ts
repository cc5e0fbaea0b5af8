import nodemailer from 'nodemailer';
import { DeliveryError, redact } from './delivery-error.js';
import type { RenderedEmail } from './render.js';

export type EmailChannel = {
  send(to: string, mail: RenderedEmail): Promise<void>;
  close(): void;
};

/** Errors raised before a connection could carry any mail: the server cannot have received the message. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EDNS']);
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
/** Failures of the session set-up (log-in, TLS), before any envelope or body. */
const NOTHING_SENT = new Set(['EAUTH', 'ETLS', 'EREQUIRETLS']);
/** nodemailer refusing the message itself (no recipient, bad address, too large): no retry can help. */
const INVALID = new Set(['EENVELOPE', 'EMESSAGE']);

type SmtpError = Error & { code?: string; originalCode?: string; responseCode?: number; command?: string; timeoutType?: string };

/**
 * Classifies a nodemailer error by what the server can have received (see DeliveryError). A reply code is the
 * server's own word that it did not take the message; a socket that broke without one may have broken after the
 * server accepted the body, so that is 'unknown' unless it broke before any mail could be on the wire.
 */
export function classifySmtpError(error: unknown): DeliveryError {
  const e = error as SmtpError;
  const summary = redact(`smtp ${[e.code, e.originalCode, e.responseCode, e.command].filter(Boolean).join(' ')}: ${e.message ?? String(error)}`);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return new DeliveryError('final', summary);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return new DeliveryError('retry', summary);
  if (NOT_CONNECTED.has(e.originalCode ?? '') || NOT_CONNECTED.has(e.code ?? '')) return new DeliveryError('retry', summary);
  if (e.timeoutType && SETUP_TIMEOUTS.has(e.timeoutType)) return new DeliveryError('retry', summary);
  if (e.code && NOTHING_SENT.has(e.code)) return new DeliveryError('retry', summary);
  if (e.code && INVALID.has(e.code)) return new DeliveryError('final', summary);
  return new DeliveryError('unknown', summary);
}

/** E-mail through one SMTP server (SMTP_URL), with an iCalendar part that calendars act on. */
export function smtpChannel(smtpUrl: string, from: string): EmailChannel {
  const transport = nodemailer.createTransport(smtpUrl, {
    // Fail fast: a slow server is retried by the job queue rather than holding a worker for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(to, mail) {
      try {
        await transport.sendMail({
          from,
          to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          // nodemailer adds it as text/calendar; method=… alternative and as an .ics attachment clients offer to open.
          icalEvent: { method: mail.icsMethod, filename: mail.icsMethod === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: mail.ics },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}
