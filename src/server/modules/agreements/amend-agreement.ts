import type { AgreementAmendment, AgreementTerms } from '../../../shared/agreements.js';
import type { UserActor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { catalogueChanged } from '../scheduling/availability-catalogue.js';
import { addMadeOrAmendedDuties } from './duties.js';
import { agreementRepository as repo } from './repository.js';
import { newest, termsOf, today } from './terms.js';
import { validateTerms } from './validate-terms.js';

/** JSON with object keys in order: jsonb gives keys back in its own order, which is not a change. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** Which terms an amendment changed, and which tasks it gave or took away: the history's "what". */
function changesBetween(before: AgreementTerms, after: AgreementTerms) {
  const fields = (Object.keys(after) as (keyof AgreementTerms)[]).filter((k) => k !== 'principals' && canonical(before[k]) !== canonical(after[k]));
  const tasks = (t: AgreementTerms) => new Set(t.principals.flatMap((p) => p.tasks.map((task) => `${p.organisationId}:${task}`)));
  const [was, is] = [tasks(before), tasks(after)];
  const split = (s: string[]) => s.map((x) => ({ organisationId: x.split(':')[0]!, task: x.split(':')[1]! }));
  const tasksAdded = split([...is].filter((x) => !was.has(x)));
  const tasksRemoved = split([...was].filter((x) => !is.has(x)));
  const principalsChanged = JSON.stringify(before.principals.map((p) => p.organisationId).sort()) !== JSON.stringify(after.principals.map((p) => p.organisationId).sort());
  if (tasksAdded.length || tasksRemoved.length || principalsChanged) fields.push('principals');
  return { fields, tasksAdded, tasksRemoved };
}

/**
 * §13: a written amendment adds a whole new version with its own effective date; earlier versions stay as they
 * were. It cannot take effect before the newest version (amendments do not rewrite the past) nor change the
 * contractor (that is another agreement).
 */
export async function amendAgreement(ctx: AppContext, actor: UserActor, id: string, input: AgreementAmendment, ip?: string): Promise<void> {
  const terms = await validateTerms(ctx.db, input.terms);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.lock(tx, id))) throw notFound('Agreement');
    const [agreement] = await repo.load(tx, [id]);
    const current = newest(agreement!);
    if (terms.contractorId !== current.contractorId) {
      throw invalid('agreement.contractor_changed', 'An amendment cannot change the contractor', [{ path: 'terms.contractorId', message: 'differs from the agreement' }]);
    }
    if (input.effectiveFrom < current.effectiveFrom) {
      throw invalid('agreement.amendment_backdated', `The amendment cannot take effect before version ${current.version} (${current.effectiveFrom})`, [
        { path: 'effectiveFrom', message: `before ${current.effectiveFrom}` },
      ]);
    }
    const version = current.version + 1;
    await repo.insertVersion(tx, id, { ...terms, version, effectiveFrom: input.effectiveFrom, description: input.description, createdBy: actor.userId });
    await repo.touch(tx, id, new Date());
    await addMadeOrAmendedDuties(tx, id, version, today());
    await recordAudit(
      tx,
      actor,
      { action: 'agreement.amended', targetType: 'agreement', targetId: id, organisationId: terms.contractorId, details: { version, effectiveFrom: input.effectiveFrom, ...changesBetween(termsOf(current), terms) } },
      ip,
    );
  });
  // Availability keeps each point's agreements in its catalogue (a day not delegated offers no time).
  await catalogueChanged(ctx, { id });
}
