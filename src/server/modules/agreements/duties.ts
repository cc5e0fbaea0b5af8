import type { Db } from '../../db/client.js';
import { type DutyRow, agreementRepository as repo } from './repository.js';
import { type AgreementRecord, addMonth, newest, stateOf } from './terms.js';

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

/** The end's notification, due a month after the agreement ended (by its last valid day or a termination). */
export async function addEndDuty(db: Db, agreementId: string, version: number, endedOn: string) {
  await repo.upsertDuty(db, { agreementId, kind: 'register-notification', trigger: 'ended', version, subject: 'end', dueOn: addMonth(endedOn) });
}

/**
 * A duty arises when its event happens: an agreement that ended by itself at its last valid day gets its end
 * notification then (the hourly sweep, and every read of agreements, ask this), not on the day it was recorded.
 */
export async function addDutiesOfEndedAgreements(db: Db, records: AgreementRecord[], on: string, duties: DutyRow[]) {
  let added = 0;
  for (const a of records) {
    const v = newest(a);
    if (stateOf(a, on) !== 'ended' || v.validUntil === null) continue;
    if (duties.some((d) => d.agreementId === a.id && d.subject === 'end')) continue;
    await addEndDuty(db, a.id, v.version, v.validUntil);
    added++;
  }
  return added;
}

/** A party's leaving changes the agreement for the others: the register hears of it within a month. */
export async function addTerminationDuty(db: Db, agreementId: string, version: number, terminationId: string, on: string) {
  await repo.upsertDuty(db, { agreementId, kind: 'register-notification', trigger: 'ended', version, subject: `termination:${terminationId}`, dueOn: addMonth(on) });
}
