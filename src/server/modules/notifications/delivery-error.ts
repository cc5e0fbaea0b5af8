/**
 * Why a channel did not deliver, and whether trying again could send the message twice.
 * - retry: the channel refused before accepting anything (connection refused, 4xx, gateway said no):
 *   nothing reached the customer, so a later attempt is safe.
 * - final: the channel will not accept this message (5xx, bad address): trying again would not help.
 * - unknown: the connection broke after the message may have been accepted: delivery is unknown, and since a
 *   customer must never get a message twice, it is not retried (it shows as failed for staff).
 */
export class DeliveryError extends Error {
  constructor(
    readonly outcome: 'retry' | 'final' | 'unknown',
    /** Short, free of personal data: stored on the row and logged. */
    readonly summary: string,
  ) {
    super(summary);
    this.name = 'DeliveryError';
  }
}

/** Removes e-mail addresses and long digit runs (phone numbers) from text a remote server sent back. */
export function redact(text: string): string {
  return text
    .replace(/[^\s<>()"']+@[^\s<>()"']+/g, '[address]')
    .replace(/\+?\d[\d\s-]{6,}\d/g, '[number]')
    .slice(0, 300);
}
