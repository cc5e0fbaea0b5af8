import type { Db } from '../../db/client.js';
import { agreementRepository as repo } from './repository.js';
import { addMonth } from './terms.js';

/**
 * §13 duties of the contractor: the agreement and each amendment are registered with the regional state
 * administrative agency (AVI, yhteispalvelulaki 8 a §), and the joint-service register is notified within one month
 * of making, changing or ending the agreement. The agreement does not set a deadline for the AVI registration; we
 * give it the register's month too, so both show the same due date (docs/agreements.md).
 */
export async function addMadeOrAmendedDuties(db: Db, agreementId: string, version: number, madeOn: string) {
  const trigger = version === 1 ? 'made' : 'amended';
  for (const kind of ['avi-registration', 'register-notification'] as const) {
    await repo.upsertDuty(db, { agreementId, kind, trigger, version, subject: `version:${version}`, dueOn: addMonth(madeOn) });
  }
}

/** The end's notification follows the last valid day (or the termination that ended the agreement early). */
export async function planEndDuty(db: Db, agreementId: string, version: number, endsOn: string | null) {
  if (endsOn === null) return repo.deletePendingDuty(db, agreementId, 'register-notification', 'end');
  await repo.upsertDuty(db, { agreementId, kind: 'register-notification', trigger: 'ended', version, subject: 'end', dueOn: addMonth(endsOn) });
}

/** A party's leaving changes the agreement for the others: the register hears of it within a month. */
export async function addTerminationDuty(db: Db, agreementId: string, version: number, terminationId: string, on: string) {
  await repo.upsertDuty(db, { agreementId, kind: 'register-notification', trigger: 'ended', version, subject: `termination:${terminationId}`, dueOn: addMonth(on) });
}
