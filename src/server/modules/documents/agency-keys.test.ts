import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signIn } from '../../../../test/helpers/app.js';
import { testDatabaseKinds } from '../../../../test/helpers/databases.js';
import { handoverFixtures } from '../../../../test/helpers/documents.js';
import { createUser } from '../../../../test/helpers/factories.js';
import { rotateMasterKey } from './keys.js';

describe.each(testDatabaseKinds)('agency document keys and API tokens on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { loginRatePerMinute: 1000, documentMaxFileBytes: 256 * 1024, documentMaxPages: 8 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const { audits, world, sentHandover } = handoverFixtures(() => t);

  it('agency API tokens: shown once, scoped, limited to the agency, revocable', async () => {
    const { w, s, booking, agencyAdmin } = await world();
    const h = await sentHandover(s.advisor, booking.id);
    // Only the agency's own admin manages its tokens.
    expect((await s.admin.post(`/api/agencies/${w.agency.id}/api-tokens`, { name: 'x', scopes: ['documents:read'] })).statusCode).toBe(403);
    expect((await agencyAdmin.post(`/api/agencies/${w.otherAgency.id}/api-tokens`, { name: 'x', scopes: ['documents:read'] })).statusCode).toBe(403);
    const created = await agencyAdmin.post(`/api/agencies/${w.agency.id}/api-tokens`, { name: 'Asianhallinta', scopes: ['documents:read'] });
    expect(created.statusCode, created.body).toBe(201);
    const { token, apiToken } = created.json() as { token: string; apiToken: { id: string } };
    expect(token).toMatch(/^etp_agency_/);
    const listed = await agencyAdmin.get(`/api/agencies/${w.agency.id}/api-tokens`);
    expect(listed.json().tokens).toEqual([expect.objectContaining({ id: apiToken.id, name: 'Asianhallinta', scopes: ['documents:read'], revokedAt: null })]);
    expect(listed.body).not.toContain(token);

    const api = (method: 'GET' | 'POST', url: string, bearer = token) => t.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` } });
    const list = await api('GET', '/api/agency/documents');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().documents).toEqual([expect.objectContaining({ id: h.id, status: 'sent', pageCount: 3, pages: [expect.objectContaining({ position: 1 }), expect.objectContaining({ position: 2 })] })]);
    const file = await api('GET', `/api/agency/documents/${h.id}/pages/1`);
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(h.pdf)).toBe(true);
    expect((await api('GET', `/api/agency/documents/${h.id}/pages/3`)).statusCode).toBe(404);
    // documents:read does not acknowledge.
    expect((await api('POST', `/api/agency/documents/${h.id}/acknowledge`)).statusCode).toBe(403);

    // Another agency's token sees nothing of it.
    const otherAdmin = await signIn(t.app, (await createUser(t.ctx.db, { organisationId: w.otherAgency.id, role: 'agency-admin' })).email);
    const other = (await otherAdmin.post(`/api/agencies/${w.otherAgency.id}/api-tokens`, { name: 'Muu', scopes: ['documents:read', 'documents:acknowledge'] })).json().token as string;
    expect((await api('GET', '/api/agency/documents', other)).json().documents).toEqual([]);
    expect((await api('GET', `/api/agency/documents/${h.id}`, other)).statusCode).toBe(404);
    expect((await api('GET', `/api/agency/documents/${h.id}/pages/1`, other)).statusCode).toBe(404);
    expect((await api('POST', `/api/agency/documents/${h.id}/acknowledge`, other)).statusCode).toBe(404);

    // An acknowledge-only token acknowledges but cannot read.
    const ackOnly = (await agencyAdmin.post(`/api/agencies/${w.agency.id}/api-tokens`, { name: 'Kuittaus', scopes: ['documents:acknowledge'] })).json().token as string;
    expect((await api('GET', '/api/agency/documents', ackOnly)).statusCode).toBe(403);
    const acked = await api('POST', `/api/agency/documents/${h.id}/acknowledge`, ackOnly);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json()).toMatchObject({ id: h.id, status: 'purged', purgeReason: 'acknowledged' });
    expect(acked.json()).not.toHaveProperty('pages');
    expect((await audits('document.acknowledged', h.id))[0]).toMatchObject({ actorType: 'agency-token' });

    // Revoked: the next request is refused.
    const revoked = await agencyAdmin.post(`/api/agency-tokens/${apiToken.id}/revoke`);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect((await api('GET', '/api/agency/documents')).statusCode).toBe(401);
    expect((await api('GET', '/api/agency/documents', 'etp_agency_not-a-token')).statusCode).toBe(401);
    expect(await audits('agency_token.created', apiToken.id)).toHaveLength(1);
    expect(await audits('agency_token.revoked', apiToken.id)).toHaveLength(1);

    // The API is in the OpenAPI document.
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/agency/documents', '/api/agency/documents/{id}/pages/{n}', '/api/agency/documents/{id}/acknowledge']));
  });

  it('key rotation keeps documents readable: the agency key and the master key', async () => {
    const { w, s, booking, agencyAdmin } = await world();
    const h = await sentHandover(s.advisor, booking.id);
    const pageId = (await s.expert.get(`/api/documents/${h.id}`)).json().pages[0].id as string;
    const read = async () => (await s.expert.get(`/api/documents/${h.id}/pages/${pageId}/content`)).rawPayload;

    expect((await s.expert.post(`/api/agencies/${w.agency.id}/document-key/rotate`)).statusCode).toBe(403);
    const rotated = await agencyAdmin.post(`/api/agencies/${w.agency.id}/document-key/rotate`);
    expect(rotated.json()).toMatchObject({ agencyId: w.agency.id, version: 2, rewrapped: 1 });
    expect((await read()).equals(h.pdf)).toBe(true);

    const config = t.ctx.config;
    const oldMaster = config.documentMasterKey!;
    const newMaster = randomBytes(32);
    try {
      // A new master key alone cannot open the agency keys...
      config.documentMasterKey = newMaster;
      expect((await s.expert.get(`/api/documents/${h.id}/pages/${pageId}/content`)).statusCode).toBe(503);
      // ...with the previous key configured beside it, they open and are rewrapped.
      config.documentMasterKeyPrevious = oldMaster;
      expect((await read()).equals(h.pdf)).toBe(true);
      expect((await rotateMasterKey(t.ctx, { kind: 'system', component: 'test' })).rewrapped).toBeGreaterThanOrEqual(1);
      config.documentMasterKeyPrevious = undefined;
      expect((await read()).equals(h.pdf)).toBe(true);
    } finally {
      // Other tests' agency keys were rewrapped with the new master key too; keep it.
      config.documentMasterKeyPrevious = undefined;
    }
  });
});
