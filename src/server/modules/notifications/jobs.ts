import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { type Channels, deliverCustomerMessage } from './deliver-message.js';
import { DeliveryError } from './delivery-error.js';
import { DISPATCH_QUEUE, SEND_QUEUE, coalesced, dispatchDueMessages } from './dispatcher.js';
import { smtpChannel } from './email.js';
import { httpSmsChannel } from './sms.js';

export type NotificationJobOptions = {
  /** How often an idle worker looks for jobs, in seconds (a NOTIFY wakes it sooner). */
  pollingIntervalSeconds: number;
  /** Channels to use instead of the configured ones (tests). */
  channels?: Channels;
};

/** The channels the configuration enables; a channel left unconfigured makes its messages 'skipped'. */
export function configuredChannels(config: AppContext['config']): Channels {
  return {
    email: config.smtpUrl ? smtpChannel(config.smtpUrl, config.mailFrom) : undefined,
    sms: config.smsGatewayUrl ? httpSmsChannel(config.smsGatewayUrl, config.smsGatewayToken) : undefined,
  };
}

/**
 * Customer messages on pg-boss: a send queue worked here, a dispatch pass every minute (cron, one per minute across
 * all instances), and an immediate pass whenever a booking changes on the event bus and when jobs start (so
 * messages left pending by a restart go out at once).
 */
export async function startNotificationJobs(ctx: AppContext, boss: PgBoss, log: JobsLogger, opts: NotificationJobOptions) {
  const { config } = ctx;
  const channels = opts.channels ?? configuredChannels(config);
  // The row's attempt counter decides when to give up; pg-boss only needs to retry at least as often.
  const retries = { retryLimit: config.messageMaxAttempts, retryDelay: config.messageRetrySeconds, retryBackoff: true, expireInSeconds: 5 * 60 };
  await boss.createQueue(SEND_QUEUE, { policy: 'exclusive', notify: true, retryDelayMax: 60 * 60, ...retries });
  // createQueue leaves an existing queue as it was: apply changed settings.
  await boss.updateQueue(SEND_QUEUE, retries);
  await boss.createQueue(DISPATCH_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 5 * 60 });

  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds, notifyPollingIntervalSeconds: opts.pollingIntervalSeconds };
  await boss.work<{ messageId: string }>(SEND_QUEUE, { ...polling, localConcurrency: 2 }, async ([job]) => {
    try {
      const result = await deliverCustomerMessage(ctx, channels, job!.data.messageId);
      log.info({ messageId: job!.data.messageId, result }, 'customer message');
    } catch (error) {
      if (error instanceof DeliveryError) log.warn({ messageId: job!.data.messageId, outcome: error.outcome, error: error.summary }, 'customer message not delivered, will retry');
      else log.error({ messageId: job!.data.messageId, err: error }, 'customer message job failed');
      throw error;
    }
  });

  const dispatch = coalesced(
    () => dispatchDueMessages(ctx, boss),
    (error) => log.error({ err: error }, 'customer message dispatch failed'),
  );
  await boss.work(DISPATCH_QUEUE, polling, async () => {
    await dispatch.run();
  });
  await boss.schedule(DISPATCH_QUEUE, '* * * * *');

  let stopped = false;
  const unsubscribe = ctx.bus.subscribe((event) => {
    if (event.type === 'booking.changed' && !stopped) void dispatch.run();
  });
  await dispatch.run();

  return {
    /** One dispatch pass now (after the one in progress, if any). */
    dispatch: dispatch.run,
    /** Stops reacting to the bus and waits for a pass in progress; pg-boss's own stop drains the workers. */
    async stop() {
      stopped = true;
      unsubscribe();
      await dispatch.idle();
    },
    close() {
      channels.email?.close();
    },
  };
}
