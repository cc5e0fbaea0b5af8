import { describe, expect, it } from 'vitest';
import { fieldToCents, formatDay, formatEuro } from './format';
import { draftFromTerms, draftProblems, emptyDraft, termsFromDraft } from './termsDraft';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('agreement form', () => {
  it('reads amounts the way people type them and shows them in Finnish style', () => {
    expect(['42', '42,5', '42.50', '1 700,00', '1\u00a0700 €'].map(fieldToCents)).toEqual([4200, 4250, 4250, 170_000, 170_000]);
    expect(['', '4,255', '-1', 'abc'].map(fieldToCents)).toEqual([undefined, undefined, undefined, undefined]);
    expect(formatEuro(4200, 'fi').replace(/\s/g, ' ')).toBe('42,00 €');
    expect(formatDay('2026-02-27', 'fi')).toBe('27.2.2026');
    expect(formatDay('2026-02-27', 'sv')).toBe('27.2.2026');
  });

  it('a new draft has the pilot caps; a complete draft becomes terms, and those terms come back the same', () => {
    const draft = {
      ...emptyDraft(),
      title: 'Sopimus',
      contractorId: ID(1),
      servicePointIds: [ID(2)],
      payerId: ID(3),
      principals: { [ID(4)]: { party: true, tasks: ['booking' as const] }, [ID(5)]: { party: false, tasks: [] } },
      validFrom: '2026-03-02',
      hourlyRate: '42,00',
    };
    const terms = termsFromDraft(draft);
    expect(terms).toMatchObject({
      principals: [{ organisationId: ID(4), tasks: ['booking'] }],
      validUntil: null,
      signedOn: null,
      hourlyRateCents: 4200,
      caps: { communicationMaterialsCents: 100_000, premisesRentCents: 170_000, premisesWorksCents: 250_000 },
    });
    expect(termsFromDraft(draftFromTerms(terms!))).toEqual(terms);
  });

  it('says which fields are missing or wrong', () => {
    expect([...draftProblems(emptyDraft())].sort()).toEqual(['contractorId', 'hourlyRate', 'payerId', 'principals', 'servicePointIds', 'title', 'validFrom']);
    expect(draftProblems({ ...emptyDraft(), validFrom: '2026-03-02', validUntil: '2026-03-01' }).has('validUntil')).toBe(true);
    expect(termsFromDraft(emptyDraft())).toBeUndefined();
  });
});
