import type { Language } from '../../../shared/common.js';
import type { PersonCriteria, PersonExport } from '../../../shared/privacy.js';
import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { authorizeDataSubjects, counts, criteriaUsed, loadPersonRecords } from './find-person.js';
import { personExportPdf } from './export-pdf.js';

export type ExportBody = { person: PersonCriteria; reason: string; format: 'json' | 'pdf'; language: Language };

/** A data subject's copy of their data (GDPR art. 15/20): JSON or a readable PDF; audited with the reason. */
export async function exportPerson(ctx: AppContext, actor: Actor, agencyId: string, body: ExportBody, ip?: string) {
  const agency = await authorizeDataSubjects(ctx, actor, agencyId);
  const records = await loadPersonRecords(ctx, agencyId, body.person);
  const data: PersonExport = { ...records, agencyName: agency.name, exportedAt: new Date().toISOString() };
  await recordAudit(
    ctx.db,
    actor,
    {
      action: 'data_subject.exported',
      targetType: 'agency',
      targetId: agencyId,
      organisationId: agencyId,
      details: { reason: body.reason, by: criteriaUsed(body.person), format: body.format, ...counts(records) },
    },
    ip,
  );
  return body.format === 'pdf' ? { format: 'pdf' as const, body: await personExportPdf(data, body.language) } : { format: 'json' as const, body: data };
}
