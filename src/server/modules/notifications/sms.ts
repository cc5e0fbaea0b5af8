import { DeliveryError, redact } from './delivery-error.js';

export type SmsChannel = { send(to: string, text: string, reference: string): Promise<void> };

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * SMS through an HTTP gateway: POST {to, text, reference} as JSON, bearer token if configured; a 2xx answer
 * means the gateway took the message. Any other answer is the gateway's word that it did not (retried; 4xx other
 * than 408/429 is final); a request that broke after it was sent may have been taken, so it is not retried.
 */
export function httpSmsChannel(url: string, token?: string, timeoutMs = 15_000): SmsChannel {
  return {
    async send(to, text, reference) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to, text, reference }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        const code = cause?.code ?? (error as Error).name;
        const summary = redact(`sms gateway ${code}: ${(error as Error).message}`);
        throw new DeliveryError(NOT_CONNECTED.has(code) ? 'retry' : 'unknown', summary);
      }
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return;
      const summary = `sms gateway HTTP ${response.status}`;
      const final = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw new DeliveryError(final ? 'final' : 'retry', summary);
    },
  };
}
