import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { organisations, servicePoints, shortNameIs } from '../../src/server/db/schema/index.js';
import { makePdf } from '../helpers/documents.js';
import { axeViolations, browserAvailable, shot, suiteEnvironment } from './harness.js';
import { openStaff, staffHeaders } from './meeting-support.js';
import type { Lang } from './translations.js';
import { tr } from './ui.js';

/** How many of the canvas's pixels are dark (text drawn), so a blank canvas does not pass for a page. */
const inked = (page: Page) =>
  page.locator('canvas.pdf-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
    return dark;
  });

describe.skipIf(!browserAvailable)('the expert (and the advisor before sending) previews a PDF inside the app', () => {
  const env = suiteEnvironment();

  /** A walk-in's three-page PDF for Kela, registered and sent by the advisor through the API. */
  async function sentPdf(): Promise<string> {
    const db = env.server.database.db;
    const [kela] = await db.select().from(organisations).where(shortNameIs('Kela'));
    const [point] = await db.select().from(servicePoints).limit(1);
    const advisor = await openStaff(env.browser, env.server, 'neuvoja1@porvoo.demo', '/desk');
    const headers = staffHeaders(advisor);
    const created = await advisor.request.post('/api/documents', {
      headers,
      data: { walkIn: { servicePointId: point!.id, agencyId: kela!.id, customerName: 'Aino Asiakas' }, kind: 'application' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const upload = await advisor.request.post(`/api/documents/${id}/pages`, {
      headers: { ...headers, 'content-type': 'application/pdf' },
      data: await makePdf(3, { label: 'Hakemus' }),
    });
    expect(upload.ok()).toBe(true);
    // The advisor checks the draft's PDF in the editor the same way: inside the app, not in a new tab.
    await advisor.goto(`/desk/documents/${id}`);
    await advisor.getByText(tr('fi', 'documents:pages.open').replace('{{n}}', '1')).click();
    await expect.poll(() => advisor.locator('canvas.pdf-canvas').getAttribute('data-rendered')).toBe('1:2');
    expect(await inked(advisor)).toBeGreaterThan(50);
    expect(advisor.context().pages()).toHaveLength(1);
    expect((await advisor.request.post(`/api/documents/${id}/send`, { headers })).ok()).toBe(true);
    await advisor.context().close();
    return id;
  }

  for (const lang of ['fi', 'sv'] as const satisfies Lang[]) {
    it(`${lang}: pages drawn by PDF.js under the app's CSP, next page and zoom, nothing downloaded`, async () => {
      const id = await sentPdf();
      const expert = await openStaff(env.browser, env.server, 'asiantuntija@kela.demo', '/expert');
      if (lang !== 'fi') await expert.evaluate((l) => localStorage.setItem('etapiste.language', l), lang);
      const problems: string[] = [];
      expert.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      expert.on('pageerror', (e) => problems.push(e.message));
      expert.on('download', (d) => problems.push(`downloaded ${d.suggestedFilename()}`));
      const workers: string[] = [];
      expert.on('worker', (w) => workers.push(w.url()));
      const response = await expert.goto(`/expert/documents/${id}`);
      expect(response!.headers()['content-security-policy']).toContain("object-src 'none'");

      const canvas = expert.locator('canvas.pdf-canvas');
      const position = (page: number) => tr(lang, 'documents:viewer.position').replace('{{page}}', String(page)).replace('{{pages}}', '3');
      await expert.getByText(position(1)).waitFor();
      await expect.poll(() => canvas.getAttribute('data-rendered')).toBe('1:2');
      expect(await inked(expert)).toBeGreaterThan(50);
      // PDF.js's worker comes from this app's own origin.
      expect(workers.length).toBeGreaterThan(0);
      for (const url of workers) expect(url.startsWith(env.server.url)).toBe(true);
      await shot(expert, `document-preview-${lang}`);
      expect(await axeViolations(expert)).toEqual([]);

      await expert.getByRole('button', { name: tr(lang, 'documents:viewer.next') }).click();
      await expert.getByText(position(2)).waitFor();
      await expect.poll(() => canvas.getAttribute('data-rendered')).toBe('2:2');
      expect(await inked(expert)).toBeGreaterThan(50);

      const before = (await canvas.boundingBox())!.width;
      await expert.getByRole('button', { name: tr(lang, 'documents:viewer.zoomIn') }).click();
      await expert.getByText(tr(lang, 'documents:viewer.zoom').replace('{{percent}}', '125')).waitFor();
      await expect.poll(() => canvas.getAttribute('data-rendered')).toBe('2:3');
      expect((await canvas.boundingBox())!.width).toBeGreaterThan(before * 1.2);
      await expert.getByRole('button', { name: tr(lang, 'documents:viewer.previous') }).click();
      await expect.poll(() => canvas.getAttribute('data-rendered')).toBe('1:3');

      // Still in the app: no plug-in object, no link that leaves it, no download, no error.
      expect(await expert.locator('object').count()).toBe(0);
      expect(expert.url()).toContain(`/expert/documents/${id}`);
      expect(problems).toEqual([]);
      await expert.context().close();
    });
  }
});
