import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { mqttPressPayload } from '../../../shared/assistance.js';
import type { AppContext } from '../../context.js';
import { HttpProblem } from '../../http/problem.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { pressButton } from './press-button.js';

export const MQTT_PRESS_FILTER = 'etapiste/buttons/+/press';
const TOPIC = /^etapiste\/buttons\/([^/]{1,100})\/press$/;

export type MqttButtons = {
  /** Resolves once the subscription is in place (after the first connect). */
  ready(): Promise<void>;
  stop(): Promise<void>;
};

export type MqttButtonsOptions = { url: string; log: JobsLogger; shareGroup?: string };

/**
 * Call buttons that speak MQTT: `etapiste/buttons/<buttonId>/press` with `{"token": "<button token>"}` as payload.
 * The broker is shared with other systems, so the token authenticates each press as over HTTP; anything invalid
 * is logged (a wrong token also audited) and stores no call. Instances subscribe as one shared group
 * (`$share/<group>/…`), so each press is handled by one instance, and the client reconnects by itself.
 */
export function startMqttButtons(ctx: AppContext, { url, log, shareGroup = ctx.config.mqttShareGroup }: MqttButtonsOptions): MqttButtons {
  const filter = `$share/${shareGroup}/${MQTT_PRESS_FILTER}`;
  const client: MqttClient = mqtt.connect(url, {
    clientId: `etapiste-${randomBytes(6).toString('hex')}`,
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    resubscribe: false,
  });
  const pending = new Set<Promise<void>>();
  let markReady: () => void;
  const subscribed = new Promise<void>((resolve) => (markReady = resolve));

  client.on('connect', () => {
    client.subscribe(filter, { qos: 1 }, (error, granted) => {
      if (error || granted?.some((g) => g.qos === 128)) return log.error({ err: error, filter }, 'mqtt: could not subscribe to call button presses');
      log.info({ filter }, 'mqtt: listening for call button presses');
      markReady();
    });
  });
  client.on('reconnect', () => log.warn({}, 'mqtt: reconnecting'));
  client.on('error', (error) => log.warn({ err: error }, 'mqtt: connection error'));

  client.on('message', (topic, payload) => {
    const task = handle(topic, payload).finally(() => pending.delete(task));
    pending.add(task);
  });

  async function handle(topic: string, payload: Buffer) {
    const buttonId = TOPIC.exec(topic)?.[1];
    let token: string | undefined;
    try {
      const parsed = mqttPressPayload.safeParse(JSON.parse(payload.toString('utf8')));
      token = parsed.success ? parsed.data.token : undefined;
    } catch {
      token = undefined;
    }
    if (!buttonId || !token) return log.warn({ topic }, 'mqtt: ignored a malformed call button message');
    try {
      const { call, joined } = await pressButton(ctx, buttonId, token, 'mqtt');
      log.info({ buttonId, callId: call.id, joined }, 'mqtt: call button pressed');
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 401) log.warn({ buttonId }, 'mqtt: ignored a press with an invalid button credential');
      else log.error({ err: error, buttonId }, 'mqtt: could not register a call button press');
    }
  }

  return {
    ready: () => subscribed,
    async stop() {
      await client.endAsync();
      await Promise.allSettled([...pending]);
    },
  };
}
