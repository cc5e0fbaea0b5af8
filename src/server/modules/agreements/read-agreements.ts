import type { AgreementDetail, AgreementState, AgreementView } from '../../../shared/agreements.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, can } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { partiesOf, presentAgreement, presentDetail } from './present.js';
import { agreementRepository as repo } from './repository.js';
import { stateOf, today } from './terms.js';

/** The agreements the actor may read: all for VM's roles and auditors, those they are party to for the others. */
export async function listAgreements(ctx: AppContext, actor: Actor, q: { state?: AgreementState }): Promise<AgreementView[]> {
  const on = today();
  const readable = (await repo.load(ctx.db)).filter((a) => can(actor, 'agreement:read', partiesOf(a)) && (!q.state || stateOf(a, on) === q.state));
  const ids = readable.map((a) => a.id);
  const [duties, documents] = await Promise.all([repo.duties(ctx.db, ids), repo.documentMeta(ctx.db, ids)]);
  return readable.map((a) =>
    presentAgreement(
      a,
      on,
      duties.filter((d) => d.agreementId === a.id),
      documents.has(a.id),
    ),
  );
}

/** One agreement with every version, duty, termination and its history. Unreadable is the same as missing. */
export async function getAgreement(ctx: AppContext, actor: Actor, id: string): Promise<AgreementDetail> {
  const [agreement] = await repo.load(ctx.db, [id]);
  if (!agreement || !can(actor, 'agreement:read', partiesOf(agreement))) throw notFound('Agreement');
  const [duties, history, documents] = await Promise.all([repo.duties(ctx.db, [id]), repo.history(ctx.db, id), repo.documentMeta(ctx.db, [id])]);
  const people = [
    ...agreement.versions.map((v) => v.createdBy),
    ...agreement.terminations.map((t) => t.recordedBy),
    ...duties.map((d) => d.doneBy),
    ...history.map((h) => h.actorId),
  ].filter((x): x is string => !!x && /^[0-9a-f-]{36}$/.test(x));
  const names = await repo.names(ctx.db, [...new Set(people)]);
  return presentDetail(agreement, today(), { duties, names, history, document: documents.get(id) });
}

/** The signed PDF, for whoever may read the agreement. */
export async function readDocument(ctx: AppContext, actor: Actor, id: string) {
  const [agreement] = await repo.load(ctx.db, [id]);
  if (!agreement) throw notFound('Agreement');
  authorize(actor, 'agreement:read', partiesOf(agreement));
  const doc = await repo.document(ctx.db, id);
  if (!doc) throw notFound('Signed agreement');
  return doc;
}
