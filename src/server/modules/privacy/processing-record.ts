import { STORED_FIELDS, type ProcessingRecordInput, type ProcessingRecordView } from '../../../shared/privacy.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { privacyRepository } from './repository.js';

async function principal(ctx: AppContext, agencyId: string) {
  const agency = await privacyRepository.agency(ctx.db, agencyId);
  if (!agency) throw notFound('Agency');
  if (agency.kind !== 'principal') throw invalid('privacy.not_an_agency', 'Only a principal agency keeps a record of processing here');
  return agency;
}

/**
 * The agency's record of processing (GDPR art. 30): what its admin wrote, beside the facts the system enforces,
 * read from the configuration at the moment of reading so the record cannot claim what the system does not do.
 */
export async function readProcessingRecord(ctx: AppContext, actor: Actor, agencyId: string): Promise<ProcessingRecordView> {
  authorize(actor, 'privacy:record:read', { organisationId: agencyId });
  const agency = await principal(ctx, agencyId);
  const row = await privacyRepository.settings(ctx.db, agencyId);
  const c = ctx.config;
  return {
    agencyId,
    agencyName: agency.name,
    purposes: row?.purposes ?? '',
    dataCategories: row?.dataCategories ?? '',
    recipients: row?.recipients ?? '',
    controllerContact: row?.controllerContact ?? '',
    retentionDays: row?.retentionDays ?? null,
    updatedAt: row?.updatedAt.toISOString(),
    canEdit: can(actor, 'privacy:record:manage', { organisationId: agencyId }),
    enforced: {
      customerDataRetentionDays: row?.retentionDays ?? c.customerDataRetentionDays,
      defaultRetentionDays: c.customerDataRetentionDays,
      documentRetentionDays: c.documentRetentionDays,
      documentKeepAfterAckHours: c.documentKeepAfterAckHours,
      sessionIdleMinutes: c.sessionIdleMinutes,
      personalIdentityCodeRefused: true,
      meetingsRecorded: false,
      messageChannels: { email: !!c.smtpUrl, sms: !!c.smsGatewayUrl },
      storedFields: [...STORED_FIELDS],
    },
  };
}

/** The agency admin writes the record and may set the agency's own retention; audited without the texts. */
export async function updateProcessingRecord(ctx: AppContext, actor: Actor, agencyId: string, input: ProcessingRecordInput, ip?: string) {
  authorize(actor, 'privacy:record:manage', { organisationId: agencyId });
  await principal(ctx, agencyId);
  await ctx.db.transaction(async (tx) => {
    const before = await privacyRepository.settings(tx, agencyId);
    await privacyRepository.saveSettings(tx, { agencyId, ...input, updatedBy: actor.kind === 'user' ? actor.userId : null });
    const changed = (['purposes', 'dataCategories', 'recipients', 'controllerContact', 'retentionDays'] as const).filter((k) => (before?.[k] ?? (k === 'retentionDays' ? null : '')) !== input[k]);
    await recordAudit(
      tx,
      actor,
      { action: 'processing_record.updated', targetType: 'agency', targetId: agencyId, organisationId: agencyId, details: { changed, retentionDays: input.retentionDays, previousRetentionDays: before?.retentionDays ?? null } },
      ip,
    );
  });
}
