import type { AgreementCaps, AgreementTask } from '../../../shared/agreements.js';
import type { Db } from '../client.js';
import { agreementDuties, agreementVersions, agreements } from '../schema/index.js';

type Parties = { porvoo: string; vero: string; dvv: string; kela: string; vm: string };

const ALL: AgreementTask[] = ['identity-verification', 'booking', 'document-reception'];
/** The seed's §8 caps: communication materials 1000 €, premises rent 1700 €, premises works estimate 2500 €. */
const CAPS: AgreementCaps = { communicationMaterialsCents: 100_000, premisesRentCents: 170_000, premisesWorksCents: 250_000 };

/**
 * The demo's agreements: the seed's pilot exactly (1.9.2025–27.2.2026, ended, its duties done) and a follow-on in
 * force 2.3.2026–31.12.2027 in which DVV delegates booking and document reception but not identity verification.
 */
export async function seedAgreements(tx: Db, p: Parties, pointId: string, adminId: string) {
  const agreement = async (
    v: { title: string; signedOn: string; validFrom: string; validUntil: string; hourlyRateCents: number; dvvTasks: AgreementTask[] },
    duties: { kind: 'avi-registration' | 'register-notification'; trigger: 'made' | 'ended'; subject: string; dueOn: string; doneOn: string | null }[],
  ) => {
    // Recorded on the day it was signed, as a main admin would have done then.
    const recordedAt = new Date(`${v.signedOn}T12:00:00Z`);
    const [head] = await tx.insert(agreements).values({ contractorId: p.porvoo, createdBy: adminId, createdAt: recordedAt, updatedAt: recordedAt }).returning({ id: agreements.id });
    await tx.insert(agreementVersions).values({
      agreementId: head!.id,
      version: 1,
      effectiveFrom: v.validFrom,
      title: v.title,
      contractorId: p.porvoo,
      servicePointIds: [pointId],
      payerId: p.vm,
      principals: [
        { organisationId: p.vero, tasks: ALL },
        { organisationId: p.dvv, tasks: v.dvvTasks },
        { organisationId: p.kela, tasks: ALL },
      ],
      signedOn: v.signedOn,
      validFrom: v.validFrom,
      validUntil: v.validUntil,
      hourlyRateCents: v.hourlyRateCents,
      caps: CAPS,
      createdBy: adminId,
      createdAt: recordedAt,
    });
    await tx.insert(agreementDuties).values(duties.map((d) => ({ ...d, agreementId: head!.id, version: 1, doneBy: d.doneOn ? adminId : null })));
  };
  await agreement(
    { title: 'Sopimus yhteispalvelusta – etäpalvelun pilotointi, Porvoo-info', signedOn: '2025-08-28', validFrom: '2025-09-01', validUntil: '2026-02-27', hourlyRateCents: 4000, dvvTasks: ALL },
    [
      { kind: 'avi-registration', trigger: 'made', subject: 'version:1', dueOn: '2025-09-28', doneOn: '2025-09-12' },
      { kind: 'register-notification', trigger: 'made', subject: 'version:1', dueOn: '2025-09-28', doneOn: '2025-09-12' },
      { kind: 'register-notification', trigger: 'ended', subject: 'end', dueOn: '2026-03-27', doneOn: '2026-03-10' },
    ],
  );
  await agreement(
    {
      title: 'Sopimus yhteispalvelusta – etäpalvelu, Porvoo-info 2026–2027',
      signedOn: '2026-02-20',
      validFrom: '2026-03-02',
      validUntil: '2027-12-31',
      hourlyRateCents: 4200,
      dvvTasks: ['booking', 'document-reception'],
    },
    [
      { kind: 'avi-registration', trigger: 'made', subject: 'version:1', dueOn: '2026-03-20', doneOn: '2026-03-16' },
      { kind: 'register-notification', trigger: 'made', subject: 'version:1', dueOn: '2026-03-20', doneOn: '2026-03-16' },
    ],
  );
}
