import { TERMINAL_ONLINE_SECONDS } from '../../../shared/assistance.js';
import type { SystemActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import type { JobsLogger } from '../../jobs/boss.js';
import { recordAudit } from '../audit/record.js';
import { identityCheckRepository } from './checks-repository.js';
import { assistanceEvents } from './events.js';
import { callRepository } from './repository.js';

const system: SystemActor = { kind: 'system', component: 'assistance-sweep' };

/** The ids each step touched. */
export type SweepResult = { repeated: string[]; escalated: string[]; closed: string[]; checksRepeated: string[]; checksEscalated: string[]; terminalsOffline: string[] };

/**
 * One pass over what nobody answered. Each step is a conditional UPDATE … RETURNING, so the state lives in the
 * database and several instances sweeping at once alert each call once: an unacknowledged call (or identity-check
 * request) alerts the desks again every CALL_REPEAT_SECONDS and goes to the coordinators once after
 * CALL_ESCALATE_SECONDS; an acknowledged call nobody closed is closed after CALL_AUTO_CLOSE_MINUTES; a kiosk
 * whose heartbeat stopped is announced offline once.
 */
export async function sweepAssistance(ctx: AppContext, now = new Date()): Promise<SweepResult> {
  const { callRepeatSeconds, callEscalateSeconds, callAutoCloseMinutes } = ctx.config;
  const ago = (ms: number) => new Date(now.getTime() - ms);

  const { escalated, checksEscalated, closed } = await ctx.db.transaction(async (tx) => {
    const escalated = await callRepository.claimEscalations(tx, ago(callEscalateSeconds * 1000), now);
    const checksEscalated = await identityCheckRepository.claimEscalations(tx, ago(callEscalateSeconds * 1000), now);
    const closed = await callRepository.closeStaleAcknowledged(tx, ago(callAutoCloseMinutes * 60_000), now);
    for (const c of escalated) await recordAudit(tx, system, { action: 'call.escalated', targetType: 'call', targetId: c.id, details: { roomId: c.roomId } });
    for (const c of checksEscalated) await recordAudit(tx, system, { action: 'identity_check.escalated', targetType: 'identity-check', targetId: c.id, organisationId: c.agencyId });
    for (const c of closed) await recordAudit(tx, system, { action: 'call.closed', targetType: 'call', targetId: c.id, details: { reason: 'auto-close' } });
    return { escalated, checksEscalated, closed };
  });
  const repeated = await callRepository.claimRepeats(ctx.db, ago(callRepeatSeconds * 1000), now);
  const checksRepeated = await identityCheckRepository.claimRepeats(ctx.db, ago(callRepeatSeconds * 1000), now);
  const offline = await callRepository.claimWentOffline(ctx.db, ago(TERMINAL_ONLINE_SECONDS * 1000), now);

  const escalatedIds = new Set(escalated.map((c) => c.id));
  for (const c of escalated) {
    await assistanceEvents.callEscalated(ctx, c);
    await assistanceEvents.callChanged(ctx, c);
  }
  for (const c of [...repeated, ...closed]) if (!escalatedIds.has(c.id)) await assistanceEvents.callChanged(ctx, c);
  const checksEscalatedIds = new Set(checksEscalated.map((c) => c.id));
  for (const c of checksEscalated) {
    await assistanceEvents.identityCheckEscalated(ctx, c);
    await assistanceEvents.identityCheckChanged(ctx, c);
  }
  for (const c of checksRepeated) if (!checksEscalatedIds.has(c.id)) await assistanceEvents.identityCheckChanged(ctx, c);
  for (const t of offline) await assistanceEvents.terminalChanged(ctx, { id: t.terminalId, servicePointId: t.servicePointId });

  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  return {
    repeated: ids(repeated),
    escalated: ids(escalated),
    closed: ids(closed),
    checksRepeated: ids(checksRepeated),
    checksEscalated: ids(checksEscalated),
    terminalsOffline: offline.map((t) => t.terminalId),
  };
}

export type AssistanceSweep = { stop(): Promise<void> };

/** Runs the sweep every ASSISTANCE_SWEEP_SECONDS until stopped; a failed pass is logged and the next one tries again. */
export function startAssistanceSweep(ctx: AppContext, log: JobsLogger): AssistanceSweep {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepAssistance(ctx)
      .catch((error: unknown) => log.error({ err: error }, 'assistance sweep failed'))
      .finally(() => (running = undefined));
  }, ctx.config.assistanceSweepSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
