import { createHash } from 'node:crypto';
import { parseCsv as parseCsvRows } from './csv.js';

/** An exported event's hashed fields, as JSON numbers or CSV strings. */
export type ExportedEvent = Record<'id' | 'at' | 'actorType' | 'actorId' | 'action' | 'outcome' | 'targetType' | 'targetId' | 'organisationId' | 'details' | 'prevHash' | 'hash', string | number>;

const HASHED = ['id', 'at', 'actorType', 'actorId', 'action', 'outcome', 'targetType', 'targetId', 'organisationId', 'details'] as const;

/**
 * Recomputes an export's chain outside the database, as an auditor would: each row's sha256 over
 * prevHash|id|at|…|details must be its hash, and each row must link to the one before it (the first to the anchor).
 */
export function verifyExport(events: ExportedEvent[], anchorHash: string): { ok: boolean; firstHash: string; lastHash: string; brokenAt?: number } {
  let previous = anchorHash;
  for (const [i, e] of events.entries()) {
    const payload = [previous, ...HASHED.map((k) => String(e[k]))].join('|');
    const hash = createHash('sha256').update(payload, 'utf8').digest('hex');
    if (String(e.prevHash) !== previous || hash !== e.hash) return { ok: false, firstHash: String(events[0]!.hash), lastHash: String(events.at(-1)!.hash), brokenAt: i };
    previous = hash;
  }
  return { ok: true, firstHash: String(events[0]?.hash ?? ''), lastHash: String(events.at(-1)?.hash ?? '') };
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) into objects keyed by the header row. */
export function parseCsv(text: string): ExportedEvent[] {
  const [header, ...data] = parseCsvRows(text);
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])) as ExportedEvent);
}
