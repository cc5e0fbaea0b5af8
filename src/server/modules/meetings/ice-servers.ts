import { createHmac } from 'node:crypto';
import type { IceServersResponse } from '../../../shared/meetings.js';
import type { Config } from '../../config.js';

/**
 * TURN credentials in coturn's `use-auth-secret` scheme (the "TURN REST API"): the username is
 * `<unix expiry>:<participant id>` and the password base64(HMAC-SHA1(secret, username)). coturn checks both without
 * asking us, and refuses the credential after the expiry. Nothing to store, nothing to revoke.
 */
export function turnCredential(secret: string, subject: string, ttlSeconds: number, now = Date.now()) {
  const username = `${Math.floor(now / 1000) + ttlSeconds}:${subject}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

export function iceServersFor(config: Config, participantId: string): IceServersResponse {
  const iceServers: IceServersResponse['iceServers'] = [];
  if (config.stunUrls.length) iceServers.push({ urls: config.stunUrls });
  if (config.turnUrls.length && config.turnSecret) {
    iceServers.push({ urls: config.turnUrls, ...turnCredential(config.turnSecret, participantId, config.turnTtlSeconds) });
  }
  return { iceServers, iceTransportPolicy: config.iceTransportPolicy };
}
