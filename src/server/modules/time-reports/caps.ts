import type { AgreementCaps } from '../../../shared/agreements.js';
import type { ClaimCategory } from '../../../shared/time-reports.js';
import type { AgreementRecord, AgreementVersion } from '../agreements/terms.js';
import { newest, versionOn } from '../agreements/terms.js';

/** The agreement's caps by category (§8): furniture and other costs have none. */
export const CAPPED: Partial<Record<ClaimCategory, keyof AgreementCaps>> = {
  'communication-materials': 'communicationMaterialsCents',
  'premises-rent': 'premisesRentCents',
  'premises-works': 'premisesWorksCents',
};

export const capOf = (v: AgreementVersion, category: ClaimCategory): number | null => {
  const key = CAPPED[category];
  return key ? v.caps[key] : null;
};

/** The version whose terms apply on a day, else the newest (a day outside every version reads the current terms). */
export const versionFor = (a: AgreementRecord, date: string) => versionOn(a, date) ?? newest(a);

/** Every service point any version of the agreement names: whose managers may claim against it. */
export const pointsOf = (a: AgreementRecord) => [...new Set(a.versions.flatMap((v) => v.servicePointIds))];

/** The first and last valid day over all versions (open end: null). */
export function validityOf(a: AgreementRecord): { from: string; to: string | null } {
  const v = newest(a);
  return { from: a.versions[0]!.validFrom < v.validFrom ? a.versions[0]!.validFrom : v.validFrom, to: v.validUntil };
}
