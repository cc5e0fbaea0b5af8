import { IDENTITY_RESULTS, OUTCOMES, SUPPRESSED, type StatisticsRow, type StatisticsView } from '../../../shared/statistics.js';

/**
 * Pseudonymity (docs/statistics.md, "Pseudonymity"): the one place that decides which cells of a view are hidden.
 *
 * Primary: a count of 1–4 people, a median or mean over 1–4 people, the pages of 1–4 handovers.
 * Secondary (complementary): the cells are tied by additive sets (parts that add up to a total that is shown or can be
 * had from another selection). A hidden cell alone in such a set could be worked out by subtraction, so while any set
 * holds exactly one hidden cell, the smallest non-zero shown cell of that set is hidden too (a zero only when no other
 * is left), until every set holds none or at least two. A feedback mean is hidden with any hidden score of its row
 * (the mean and the count are two equations over the scores). Every hidden cell, primary or secondary, is `"< 5"`:
 * one marker, so that a reader cannot tell which hidden cell is the small one.
 *
 * Takes a view whose counts are plain numbers (as presentRows gives them) and returns it with the hidden cells marked.
 */

/** How many people make a cell that is never shown as its number. */
const small = (n: number) => n >= 1 && n <= 4;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** `known`: a reader can tell its value from a shown cell (the pages of no handovers), so hiding it protects nothing. */
type Cell = { value: number; size: number; hidden: boolean; known: boolean; hide: () => void };
/**
 * Cells whose sum is known: `total` 'cell' when the total is a cell among them, 'bookings' when it is a count of
 * bookings (never hidden), 'people' when another selection shows it as one cell (hidden itself when 1–4).
 */
type Set_ = { ids: string[]; total: 'cell' | 'bookings' | 'people'; people?: string[] };

export function protectView(raw: StatisticsView): StatisticsView {
  const view = structuredClone(raw);
  const cells = new Map<string, Cell>();
  const sets: Set_[] = [];
  /** A cell at obj[key]; primary when small; `size` orders the candidates for secondary suppression. */
  const cell = <T extends object>(id: string, obj: T, key: keyof T, primary = small(num(obj[key])), size = num(obj[key]), known = false) =>
    cells.set(id, {
      value: num(obj[key]),
      size,
      hidden: primary,
      known,
      hide: () => {
        (obj as Record<keyof T, unknown>)[key] = SUPPRESSED;
      },
    });
  /** A median or mean over `n` people: hidden for 1–4 (not part of any additive set). */
  const over = <T extends object>(n: unknown, obj: T, ...keys: (keyof T)[]) => {
    if (small(num(n))) for (const k of keys) if (obj[k] !== null) (obj as Record<keyof T, unknown>)[k] = SUPPRESSED;
  };

  const languages = [...new Set(view.rows.flatMap((r) => Object.keys(r.interpreting)))].sort();
  const names = new Set<string>();
  view.rows.forEach((r, i) => {
    const at = (name: string) => {
      names.add(name);
      return `${i}:${name}`;
    };
    const outcomes = OUTCOMES.map((o) => at(`outcomes.${o}`));
    cell(at('meetings'), r, 'meetings');
    cell(at('noShows'), r, 'noShows');
    cell(at('walkIns'), r, 'walkIns');
    cell(at('walkInsLeft'), r, 'walkInsLeft');
    cell(at('waiting.count'), r.waiting, 'count');
    cell(at('duration.count'), r.duration, 'count');
    over(r.waiting.count, r.waiting, 'median', 'p90');
    over(r.duration.count, r.duration, 'median');
    OUTCOMES.forEach((o, j) => cell(outcomes[j]!, r.outcomes, o));
    for (const k of IDENTITY_RESULTS) cell(at(`identityChecks.${k}`), r.identityChecks, k);
    if (r.documents) {
      cell(at('documents.handovers'), r.documents, 'handovers');
      cell(at('documents.pages'), r.documents, 'pages', small(num(r.documents.handovers)), num(r.documents.pages), r.documents.handovers === 0);
    }
    // Every row holds every language of the view, 0 included, so that a 0 can be hidden too.
    for (const l of languages) r.interpreting[l] ??= 0;
    for (const l of languages) cell(at(`interpreting.${l}`), r.interpreting, l);
    if (r.calls) {
      cell(at('calls.count'), r.calls, 'count');
      cell(at('calls.escalated'), r.calls, 'escalated');
      over(r.calls.count, r.calls, 'acknowledgedMedian', 'acknowledgedP90');
    }
    if (r.feedback) {
      const count = num(r.feedback.count);
      cell(at('feedback.count'), r.feedback, 'count');
      r.feedback.distribution.forEach((_, s) => cell(at(`feedback.score${s + 1}`), r.feedback!.distribution, s));
      if (r.feedback.mean !== null) cell(at('feedback.mean'), r.feedback, 'mean', small(count), count);
      sets.push({ ids: [at('feedback.count'), ...[1, 2, 3, 4, 5].map((s) => at(`feedback.score${s}`))], total: 'cell' });
    }
    // Held + no-shows = bookings − cancellations (shown) once the period's bookings are settled.
    sets.push({ ids: [at('meetings'), at('noShows')], total: 'bookings' });
    // Held = the outcomes (a meeting still on has none; counted as if it had one).
    sets.push({ ids: [at('meetings'), ...outcomes], total: 'cell' });
    // The interpreted bookings add up to the bookings − cancellations of the same row filtered by interpreting.
    sets.push({ ids: languages.map((l) => `${i}:interpreting.${l}`), total: 'bookings' });
  });
  // A column adds up to the same measure over the whole selection, which another grouping shows as one row.
  const column = (name: string) => view.rows.map((_, i) => `${i}:${name}`).filter((id) => cells.has(id));
  // The pages of all handovers are hidden wherever the handovers are 1–4: that total is known only when they are not.
  for (const name of names) sets.push({ ids: column(name), total: 'people', people: name === 'documents.pages' ? column('documents.handovers') : undefined });

  // The weekly series (week × agency): each week's and each agency's cells add up to a total, which is a row of this
  // view when it is grouped by week or by agency (and otherwise another selection's).
  const rowIndex = new Map(view.rows.map((r, i) => [r.group.id, i]));
  const byWeek = new Map<string, string[]>();
  const byAgency = new Map<string, string[]>();
  for (const w of view.weekly) {
    const id = `w:${w.week}:${w.agency.id}`;
    cell(id, w, 'meetings');
    byWeek.set(w.week, [...(byWeek.get(w.week) ?? []), id]);
    byAgency.set(w.agency.id, [...(byAgency.get(w.agency.id) ?? []), id]);
  }
  const linked = (groupBy: StatisticsView['groupBy'], key: string, ids: string[]) => {
    const i = view.groupBy === groupBy ? rowIndex.get(key) : undefined;
    sets.push(i === undefined ? { ids, total: 'people' } : { ids: [`${i}:meetings`, ...ids], total: 'cell' });
  };
  for (const [week, ids] of byWeek) linked('week', week, ids);
  for (const [agency, ids] of byAgency) linked('agency', agency, ids);

  settle(cells, sets, view.rows);
  for (const c of cells.values()) if (c.hidden) c.hide();
  return view;
}

/**
 * Hide cells until every additive set holds no hidden cell, or at least two whose sum is not 0 (and no shown mean sits
 * beside a hidden score). A set whose total is 0 tells that each of its cells is 0: such a cell protects nothing and is
 * never chosen. A set totalling 1–4 people is no constraint: that total is hidden wherever it is shown. A work list:
 * a set is looked at again only when one of its cells has been hidden.
 *
 * Then the audit: sets share cells, so a hidden cell can still be narrowed to one value through several of them (a
 * chain of subtractions, bounded below by 0). `derivable` runs that attack; each cell it works out gets one more
 * cell of one of its sets hidden, and the whole runs again, until the attack finds nothing that it would not find with
 * every cell hidden (what the shown bookings and public totals alone tell).
 */
function settle(cells: Map<string, Cell>, allSets: Set_[], rows: StatisticsRow[]) {
  const members = (ids: string[]) => ids.map((id) => cells.get(id)).filter((c): c is Cell => c !== undefined);
  const people = (set: Set_) => members(set.people ?? set.ids).reduce((s, c) => s + c.size, 0);
  const kept = allSets.filter((set) => !(set.total === 'people' && small(people(set)))).filter((set) => members(set.ids).length > 0);
  const sets = kept.map((set) => members(set.ids));
  // A public total of 0 tells each of its cells (a total that is a cell does so only while shown: left to the audit).
  const pinned = new Set([...sets.filter((m, j) => kept[j]!.total !== 'cell' && m.every((c) => c.size === 0)).flat(), ...[...cells.values()].filter((c) => c.known)]);
  const setsOf = new Map<Cell, number[]>();
  sets.forEach((set, j) => set.forEach((c) => setsOf.set(c, [...(setsOf.get(c) ?? []), j])));
  // A hidden score hides its row's mean.
  const alsoHide = new Map<Cell, Cell>();
  const means = new Set<Cell>();
  rows.forEach((_, i) => {
    const mean = cells.get(`${i}:feedback.mean`);
    if (mean) means.add(mean);
    if (mean) for (let s = 1; s <= 5; s++) alsoHide.set(cells.get(`${i}:feedback.score${s}`)!, mean);
  });
  const queue: number[] = [];
  const queued = new Set<number>();
  const hide = (c: Cell) => {
    c.hidden = true;
    for (const j of setsOf.get(c) ?? []) {
      if (queued.has(j)) continue;
      queued.add(j);
      queue.push(j);
    }
    const mean = alsoHide.get(c);
    if (mean && !mean.hidden) hide(mean);
  };
  const smallestShown = (set: Cell[], zero = false) =>
    set
      .filter((c) => !c.hidden && !pinned.has(c))
      .sort((a, b) => a.size - b.size)
      .find((c) => zero || c.size > 0);
  /** The smallest shown cell in the sets nearest to a cell: its own, then those reached through their hidden cells. */
  const nearestShown = (from: Cell) => {
    const seen = new Set<number>();
    let frontier = [from];
    const reached = new Set(frontier);
    while (frontier.length > 0) {
      const level = [...new Set(frontier.flatMap((c) => setsOf.get(c) ?? []))].filter((j) => !seen.has(j));
      level.forEach((j) => seen.add(j));
      const found = [false, true]
        .flatMap((zero) => level.map((j) => smallestShown(sets[j]!, zero)).filter((c): c is Cell => c !== undefined))
        .sort((a, b) => Number(a.size === 0) - Number(b.size === 0) || a.size - b.size)[0];
      if (found) return found;
      frontier = level.flatMap((j) => sets[j]!.filter((c) => c.hidden && !reached.has(c)));
      frontier.forEach((c) => reached.add(c));
    }
    return undefined;
  };
  const run = () => {
    while (queue.length > 0) {
      const j = queue.shift()!;
      queued.delete(j);
      const set = sets[j]!;
      const hidden = set.filter((c) => c.hidden);
      if (hidden.length === 0 || (hidden.length >= 2 && hidden.some((c) => c.size > 0))) continue;
      const next = smallestShown(set) ?? (hidden.length === 1 ? set.find((c) => !c.hidden && !pinned.has(c)) : undefined);
      if (next) hide(next);
    }
  };
  sets.forEach((_, j) => (queued.add(j), queue.push(j)));
  for (const c of [...alsoHide.keys()]) if (c.hidden) hide(c);
  run();

  // The attack's equations: a 'cell' set's first cell is its total (the others add up to it). Means are not additive.
  const equations: Equation[] = kept
    .map((set, j) => ({ set, cells: sets[j]! }))
    .filter(({ cells: m }) => !m.some((c) => means.has(c)))
    .map(({ set, cells: m }) => {
      const terms = m.map((c, k) => ({ cell: c, c: set.total === 'cell' && k === 0 ? -1 : 1 }));
      return { terms, total: terms.reduce((s, t) => s + t.c * t.cell.value, 0) };
    });
  const all = [...cells.values()].filter((c) => !means.has(c));
  const told = derivable(equations, all, (c) => !c.known);
  for (let round = 0; round < 50; round++) {
    const leaks = [...derivable(equations, all, (c) => c.hidden)].filter((c) => !told.has(c));
    let added = false;
    for (const leak of leaks) {
      const next = nearestShown(leak);
      if (next && !next.hidden) {
        hide(next);
        added = true;
      }
    }
    if (!added) break;
    run();
  }
}

type Equation = { terms: { cell: Cell; c: number }[]; total: number };

/**
 * The attacker: every hidden cell starts as "some number ≥ 0"; each equation narrows each of its hidden cells to what
 * the others leave, over and over. Returns the hidden cells narrowed to one value.
 */
function derivable(all: Equation[], cells: Cell[], hidden: (c: Cell) => boolean): Set<Cell> {
  const lo = new Map<Cell, number>();
  const hi = new Map<Cell, number>();
  for (const c of cells) {
    lo.set(c, hidden(c) ? 0 : c.value);
    hi.set(c, hidden(c) ? Infinity : c.value);
  }
  // An equation without a hidden cell narrows nothing.
  const equations = all.filter((e) => e.terms.some((t) => hidden(t.cell)));
  for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
    changed = false;
    for (const { terms, total } of equations) {
      // The sums of the terms' lowest and highest values, the infinite ones counted apart (a hidden cell has no upper
      // bound until narrowed), so that each term's own bound can be taken back out in constant time.
      let minSum = 0;
      let maxSum = 0;
      let minInf = 0;
      let maxInf = 0;
      const bounds = terms.map((t) => {
        const a = t.c * lo.get(t.cell)!;
        const b = t.c * hi.get(t.cell)!;
        const low = Math.min(a, b);
        const high = Math.max(a, b);
        if (Number.isFinite(low)) minSum += low;
        else minInf += 1;
        if (Number.isFinite(high)) maxSum += high;
        else maxInf += 1;
        return [low, high] as const;
      });
      terms.forEach((t, k) => {
        if (!hidden(t.cell)) return;
        const [low, high] = bounds[k]!;
        const othersMin = minInf - (Number.isFinite(low) ? 0 : 1) > 0 ? -Infinity : minSum - (Number.isFinite(low) ? low : 0);
        const othersMax = maxInf - (Number.isFinite(high) ? 0 : 1) > 0 ? Infinity : maxSum - (Number.isFinite(high) ? high : 0);
        const [l, h] = t.c > 0 ? [(total - othersMax) / t.c, (total - othersMin) / t.c] : [(total - othersMin) / t.c, (total - othersMax) / t.c];
        const nl = Math.max(lo.get(t.cell)!, Math.ceil(l - 1e-9));
        const nh = Math.min(hi.get(t.cell)!, Math.floor(h + 1e-9));
        if (nl !== lo.get(t.cell) || nh !== hi.get(t.cell)) {
          lo.set(t.cell, nl);
          hi.set(t.cell, nh);
          changed = true;
        }
      });
    }
  }
  return new Set(cells.filter((c) => hidden(c) && lo.get(c) === hi.get(c)));
}
