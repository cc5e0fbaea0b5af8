import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { keyId, newKey, open, seal } from '../../crypto/aead.js';
import type { Db } from '../../db/client.js';
import { HttpProblem } from '../../http/problem.js';
import { recordAudit } from '../audit/record.js';
import { type AgencyKeyRow, keyRepository } from './key-repository.js';
import { handoverRepository } from './repository.js';

/**
 * The key hierarchy: master key (configuration) → one key per agency (stored wrapped) → one data key per
 * handover (stored wrapped) → the pages (AES-256-GCM). Associated data names each wrapped key's owner, so a
 * wrapped key moved to another agency or handover does not open.
 */
type MasterKeys = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

export function masterKeys(config: AppContext['config']): MasterKeys {
  if (!config.documentMasterKey) throw new HttpProblem(503, 'document.keys_unavailable', 'Service unavailable', 'Document encryption is not configured');
  const current = { id: keyId(config.documentMasterKey), key: config.documentMasterKey };
  const byId = new Map([[current.id, current.key]]);
  if (config.documentMasterKeyPrevious) byId.set(keyId(config.documentMasterKeyPrevious), config.documentMasterKeyPrevious);
  return { current, byId };
}

const agencyAad = (agencyId: string, version: number) => `agency-key:${agencyId}:v${version}`;
const dataKeyAad = (handoverId: string, agencyId: string) => `data-key:${handoverId}:${agencyId}`;
export const pageAad = (handoverId: string, pageId: string) => `page:${handoverId}:${pageId}`;

function unwrapAgencyKey(masters: MasterKeys, row: AgencyKeyRow): Buffer {
  const master = masters.byId.get(row.masterKeyId);
  if (!master) throw new HttpProblem(503, 'document.keys_unavailable', 'Service unavailable', 'The master key that wrapped this agency key is not configured');
  return open(master, row.wrappedKey, agencyAad(row.agencyId, row.version));
}

/** The agency's key in force, created on first use. */
export async function agencyKey(db: Db, config: AppContext['config'], agencyId: string): Promise<{ key: Buffer; version: number }> {
  const masters = masterKeys(config);
  let row = await keyRepository.get(db, agencyId);
  if (!row) {
    const fresh = newKey();
    row = await keyRepository.insertOrGet(db, { agencyId, version: 1, masterKeyId: masters.current.id, wrappedKey: seal(masters.current.key, fresh, agencyAad(agencyId, 1)) });
  }
  return { key: unwrapAgencyKey(masters, row), version: row.version };
}

/** A new handover's data key: returned in the clear for this request and wrapped for storage. */
export async function newDataKey(db: Db, config: AppContext['config'], handoverId: string, agencyId: string) {
  const agency = await agencyKey(db, config, agencyId);
  const key = newKey();
  return { key, wrapped: seal(agency.key, key, dataKeyAad(handoverId, agencyId)), version: agency.version };
}

export async function unwrapDataKey(db: Db, config: AppContext['config'], h: { id: string; agencyId: string; wrappedDataKey: Buffer | null }): Promise<Buffer> {
  if (!h.wrappedDataKey) throw new HttpProblem(410, 'document.purged', 'Gone', 'The content of this handover has been purged');
  const agency = await agencyKey(db, config, h.agencyId);
  return open(agency.key, h.wrappedDataKey, dataKeyAad(h.id, h.agencyId));
}

/**
 * Replaces an agency's key: every stored data key of the agency is unwrapped with the old key and wrapped with the
 * new one in one transaction, with the agency key row and the handovers locked, so readers see either all old or
 * all new. The documents themselves are not re-encrypted (their data keys do not change).
 */
export async function rotateAgencyKey(ctx: AppContext, actor: Actor, agencyId: string, ip?: string) {
  const masters = masterKeys(ctx.config);
  return ctx.db.transaction(async (tx) => {
    await agencyKey(tx, ctx.config, agencyId);
    const row = (await keyRepository.get(tx, agencyId, { lock: true }))!;
    const oldKey = unwrapAgencyKey(masters, row);
    const next = newKey();
    const version = row.version + 1;
    const handovers = await handoverRepository.withDataKeys(tx, agencyId);
    for (const h of handovers) {
      const dataKey = open(oldKey, h.wrappedDataKey!, dataKeyAad(h.id, agencyId));
      await handoverRepository.update(tx, h.id, { wrappedDataKey: seal(next, dataKey, dataKeyAad(h.id, agencyId)), agencyKeyVersion: version });
    }
    await keyRepository.update(tx, agencyId, {
      version,
      wrappedKey: seal(masters.current.key, next, agencyAad(agencyId, version)),
      masterKeyId: masters.current.id,
      rotatedAt: new Date(),
    });
    await recordAudit(tx, actor, { action: 'document_key.rotated', targetType: 'agency', targetId: agencyId, organisationId: agencyId, details: { version, rewrapped: handovers.length } }, ip);
    return { agencyId, version, rewrapped: handovers.length };
  });
}

/**
 * After DOCUMENT_MASTER_KEY changed (the old one in DOCUMENT_MASTER_KEY_PREVIOUS): wraps every agency key with the
 * current master key. Idempotent; afterwards the previous key can be removed from the configuration.
 */
export async function rotateMasterKey(ctx: AppContext, actor: Actor) {
  const masters = masterKeys(ctx.config);
  return ctx.db.transaction(async (tx) => {
    let rewrapped = 0;
    for (const row of await keyRepository.allForUpdate(tx)) {
      if (row.masterKeyId === masters.current.id) continue;
      const key = unwrapAgencyKey(masters, row);
      await keyRepository.update(tx, row.agencyId, { wrappedKey: seal(masters.current.key, key, agencyAad(row.agencyId, row.version)), masterKeyId: masters.current.id });
      rewrapped++;
    }
    await recordAudit(tx, actor, { action: 'document_master_key.rotated', targetType: 'master-key', targetId: masters.current.id, details: { rewrapped } });
    return { masterKeyId: masters.current.id, rewrapped };
  });
}
