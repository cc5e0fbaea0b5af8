import { IDENTITY_RESULTS, OUTCOMES, SUPPRESSED, type StatisticsRow, type StatisticsView } from '../../src/shared/statistics.js';

/**
 * An attacker on a statistics view, written apart from the server's rule (suppress.ts) to check it: it knows every
 * relation that holds between the figures (checked on the true figures), the totals of the whole selection that
 * another grouping shows (a column's total, the weekly series' totals per week and per agency, unless 1–4 people or a
 * row of this view), bookings − cancellations, and reads "< 5" as "some number ≥ 0". Differences between selections
 * (one filter against another) are beyond it, as they are beyond the rule (docs/statistics.md). It narrows each hidden cell to an interval by subtraction, over and over; a hidden cell whose interval
 * closes to one value is derivable.
 */

type Term = { id: string; c: number };
type Equation = { terms: Term[]; total: number };

/** Every people count of a row, by a name, with its value (a number or "< 5"). */
function cellsOf(r: StatisticsRow, languages: string[]): [string, unknown][] {
  return [
    ['meetings', r.meetings],
    ['noShows', r.noShows],
    ['walkIns', r.walkIns],
    ['walkInsLeft', r.walkInsLeft],
    ['waiting.count', r.waiting.count],
    ['duration.count', r.duration.count],
    ...OUTCOMES.map((o): [string, unknown] => [`outcomes.${o}`, r.outcomes[o]]),
    ...IDENTITY_RESULTS.map((k): [string, unknown] => [`identity.${k}`, r.identityChecks[k]]),
    ...(r.documents ? ([['handovers', r.documents.handovers], ['pages', r.documents.pages]] as [string, unknown][]) : []),
    ...languages.map((l): [string, unknown] => [`interpreting.${l}`, r.interpreting[l] ?? 0]),
    ...(r.calls ? ([['calls', r.calls.count], ['escalated', r.calls.escalated]] as [string, unknown][]) : []),
    ...(r.feedback ? ([['feedback', r.feedback.count], ...r.feedback.distribution.map((d, s) => [`score${s + 1}`, d])] as [string, unknown][]) : []),
  ];
}

/**
 * `unprotected`: 1–4 people shown; `wrong`: a shown figure that is not the true one; `derivable`: hidden cells worked
 * out; `public`: hidden cells worked out that would be worked out even with every cell hidden, from the bookings and
 * the public totals alone (a row's one interpreting language: its count is the row's interpreted bookings, which the
 * interpreting filter shows; a one-row view's cells, which are the selection's totals). No suppression can hide those.
 */
export type Audit = { unprotected: string[]; wrong: string[]; derivable: string[]; public?: string[] };

/** Audits `shown` (what the API sent) against `raw` (the same selection before suppression). */
export function auditSuppression(shown: StatisticsView, raw: StatisticsView): Audit {
  const languages = [...new Set(raw.rows.flatMap((r) => Object.keys(r.interpreting)))];
  const truth = new Map<string, number>();
  const seen = new Map<string, unknown>();
  const audit: Audit = { unprotected: [], wrong: [], derivable: [] };
  const put = (id: string, t: unknown, s: unknown, people = true) => {
    if (typeof t !== 'number') return;
    truth.set(id, t);
    seen.set(id, s);
    if (people && t >= 1 && t <= 4 && s !== SUPPRESSED) audit.unprotected.push(id);
    if (s !== SUPPRESSED && s !== t) audit.wrong.push(`${id}: ${String(s)} ≠ ${t}`);
  };
  raw.rows.forEach((r, i) => {
    const s = shown.rows[i]!;
    if (s.group.id !== r.group.id) throw new Error('rows differ');
    const sc = new Map(cellsOf(s, languages));
    for (const [name, v] of cellsOf(r, languages)) put(`${r.group.id}:${name}`, v, sc.get(name), name !== 'pages');
    if (r.feedback && typeof r.feedback.count === 'number' && r.feedback.count >= 1 && r.feedback.count <= 4 && s.feedback!.mean !== SUPPRESSED) audit.unprotected.push(`${r.group.id}:mean`);
  });
  raw.weekly.forEach((w, j) => put(`w:${w.week}:${w.agency.id}`, w.meetings, shown.weekly[j]!.meetings));

  const equations: Equation[] = [];
  /** An equation over cells; kept only when it holds on the true figures (the attacker may know it does). */
  const eq = (terms: Term[], total: number) => {
    const all = terms.filter((t) => truth.has(t.id));
    if (all.reduce((s, t) => s + t.c * truth.get(t.id)!, 0) === total) equations.push({ terms: all, total });
  };
  const sumOf = (ids: string[]) => ids.reduce((s, id) => s + (truth.get(id) ?? 0), 0);
  const publicTotal = (ids: string[], people = sumOf(ids)) => {
    const total = sumOf(ids);
    if (people >= 1 && people <= 4) return;
    eq(ids.map((id) => ({ id, c: 1 })), total);
  };
  const names = new Set<string>();
  for (const r of raw.rows) {
    const at = (name: string) => `${r.group.id}:${name}`;
    for (const [name] of cellsOf(r, languages)) names.add(name);
    eq([{ id: at('meetings'), c: 1 }, { id: at('noShows'), c: 1 }], r.bookings - r.cancellations);
    eq([...OUTCOMES.map((o) => ({ id: at(`outcomes.${o}`), c: 1 })), { id: at('meetings'), c: -1 }], 0);
    eq([...[1, 2, 3, 4, 5].map((s) => ({ id: at(`score${s}`), c: 1 })), { id: at('feedback'), c: -1 }], 0);
    eq(languages.map((l) => ({ id: at(`interpreting.${l}`), c: 1 })), sumOf(languages.map((l) => at(`interpreting.${l}`))));
    const s = shown.rows.find((x) => x.group.id === r.group.id)!;
    // A shown mean and count give the sum of the scores.
    if (s.feedback && typeof s.feedback.mean === 'number' && typeof s.feedback.count === 'number') {
      eq([1, 2, 3, 4, 5].map((k) => ({ id: at(`score${k}`), c: k })), Math.round(s.feedback.mean * s.feedback.count));
    }
  }
  const column = (name: string) => raw.rows.map((r) => `${r.group.id}:${name}`).filter((id) => truth.has(id));
  // The pages of all handovers are hidden where the handovers are 1–4.
  for (const name of names) publicTotal(column(name), name === 'pages' ? sumOf(column('handovers')) : undefined);
  const weeks = new Map<string, string[]>();
  const agencies = new Map<string, string[]>();
  for (const w of raw.weekly) {
    weeks.set(w.week, [...(weeks.get(w.week) ?? []), `w:${w.week}:${w.agency.id}`]);
    agencies.set(w.agency.id, [...(agencies.get(w.agency.id) ?? []), `w:${w.week}:${w.agency.id}`]);
  }
  for (const [key, ids] of [...weeks, ...agencies]) {
    // The weekly cells of a week or an agency add up to that row's meetings when the view is grouped so (and that row
    // is protected as a cell of this view); otherwise to a total that another selection shows.
    if (truth.has(`${key}:meetings`)) eq([...ids.map((id) => ({ id, c: 1 })), { id: `${key}:meetings`, c: -1 }], 0);
    else publicTotal(ids);
  }
  const derived = narrow(equations, truth, seen);
  const told = new Set(narrow(equations, truth, new Map([...truth.keys()].map((id) => [id, SUPPRESSED]))));
  // A hidden 0 worked out tells of nobody (and what it would lead to is listed by itself).
  audit.derivable = derived.filter((d) => !told.has(d) && !d.endsWith(' = 0'));
  const known = derived.filter((d) => told.has(d));
  return known.length ? { ...audit, public: known } : audit;
}

/** Interval propagation over the equations; returns the hidden cells narrowed to one value. */
function narrow(equations: Equation[], truth: Map<string, number>, seen: Map<string, unknown>): string[] {
  const hidden = (id: string) => seen.get(id) === SUPPRESSED;
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const id of truth.keys()) {
    const known = !hidden(id);
    lo.set(id, known ? truth.get(id)! : 0);
    hi.set(id, known ? truth.get(id)! : Infinity);
  }
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
    changed = false;
    for (const { terms, total } of equations) {
      for (const t of terms) {
        if (!hidden(t.id)) continue;
        let min = total;
        let max = total;
        for (const o of terms) {
          if (o === t) continue;
          const a = o.c * lo.get(o.id)!;
          const b = o.c * hi.get(o.id)!;
          min -= Math.max(a, b);
          max -= Math.min(a, b);
        }
        const [l, h] = t.c > 0 ? [min / t.c, max / t.c] : [max / t.c, min / t.c];
        const nl = Math.max(lo.get(t.id)!, Math.ceil(l - 1e-9));
        const nh = Math.min(hi.get(t.id)!, Math.floor(h + 1e-9));
        if (nl !== lo.get(t.id) || nh !== hi.get(t.id)) {
          lo.set(t.id, nl);
          hi.set(t.id, nh);
          changed = true;
        }
      }
    }
  }
  return [...truth.keys()].filter((id) => hidden(id) && lo.get(id) === hi.get(id)).map((id) => `${id} = ${lo.get(id)}`);
}

/** What the page did before: each cell of 1–4 people hidden on its own. */
export function naiveSuppression(raw: StatisticsView): StatisticsView {
  const hide = (v: unknown) => (typeof v === 'number' && v >= 1 && v <= 4 ? SUPPRESSED : v);
  const view = structuredClone(raw);
  for (const r of view.rows) {
    const o = r as unknown as Record<string, unknown>;
    for (const k of ['meetings', 'noShows', 'walkIns', 'walkInsLeft']) o[k] = hide(o[k]);
    for (const group of [r.waiting, r.duration, r.outcomes, r.identityChecks, r.documents, r.interpreting, r.calls, r.feedback] as (Record<string, unknown> | null)[]) {
      if (!group) continue;
      for (const k of ['count', 'escalated', 'handovers', 'pages', ...OUTCOMES, ...IDENTITY_RESULTS, ...Object.keys(r.interpreting)]) if (k in group) group[k] = hide(group[k]);
    }
    if (r.feedback) r.feedback.distribution = r.feedback.distribution.map(hide) as typeof r.feedback.distribution;
  }
  for (const w of view.weekly) w.meetings = hide(w.meetings) as typeof w.meetings;
  return view;
}
