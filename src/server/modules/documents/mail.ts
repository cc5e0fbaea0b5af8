import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import { HttpProblem } from '../../http/problem.js';

export type DocumentMail = { to: string | string[]; subject: string; text: string; attachments?: { filename: string; content: Buffer; contentType: string }[] };

/**
 * Sends one e-mail through SMTP_URL at once (receipts, retention warnings). These are not booking messages, so they
 * do not go through the customer-message outbox: a failure is answered to the person who asked (502), or logged.
 */
export async function sendDocumentMail(config: Config, mail: DocumentMail): Promise<void> {
  if (!config.smtpUrl) throw new HttpProblem(409, 'document.email_unavailable', 'Conflict', 'E-mail is not configured');
  const transport = nodemailer.createTransport(config.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
  try {
    await transport.sendMail({ from: config.mailFrom, ...mail });
  } catch {
    throw new HttpProblem(502, 'document.email_failed', 'Bad gateway', 'The e-mail could not be sent');
  } finally {
    transport.close();
  }
}
