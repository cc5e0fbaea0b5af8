import { readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHandovers, documentPages } from '../../src/server/db/schema/index.js';
import { PNG_1PX, makePdf } from '../helpers/documents.js';
import { type E2EServer, axeViolations, browserAvailable, launchBrowser, newContext, signInAs, startServer, shot } from './harness.js';
import { tr } from './ui.js';

const KELA = 'Kela';

describe.skipIf(!browserAvailable)('document handover', () => {
  let server: E2EServer;
  let advisorBrowser: Browser;
  let expertBrowser: Browser;
  beforeAll(async () => {
    server = await startServer();
    // Two fake cameras: the advisor picks the second one as the document camera.
    advisorBrowser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream=device-count=2']);
    expertBrowser = await launchBrowser();
  });
  afterAll(async () => {
    await advisorBrowser?.close();
    await expertBrowser?.close();
    await server?.stop();
  });

  const items = (page: Page) => page.getByTestId('doc-page');

  it('the advisor registers files and a document-camera still, sends, prints the receipt; the agency sees it live, downloads and acknowledges', async () => {
    // The Kela expert's inbox is open before anything is sent.
    const expert = await (await newContext(expertBrowser, server.url, 'fi')).newPage();
    await signInAs(expert, 'asiantuntija@kela.demo');
    await expert.goto('/expert/documents');
    await expert.getByRole('heading', { level: 1, name: tr('fi', 'documents:inbox.title') }).waitFor();
    await expect.poll(() => expert.locator('.live-status').getAttribute('data-state')).toBe('live');
    await shot(expert, 'documents-1');
    expect(await axeViolations(expert)).toEqual([]);

    const page = await (await newContext(advisorBrowser, server.url, 'fi')).newPage();
    await signInAs(page, 'neuvoja1@porvoo.demo');
    await page.getByRole('link', { name: tr('fi', 'documents:entry') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'documents:desk.title') }).waitFor();
    await shot(page, 'documents-2');
    expect(await axeViolations(page)).toEqual([]);

    // A walk-in customer's application for Kela.
    await page.getByLabel(tr('fi', 'documents:new.walkIn')).check();
    await page.getByLabel(tr('fi', 'documents:new.agency')).selectOption({ label: KELA });
    await page.getByLabel(tr('fi', 'documents:new.customerName')).fill('Aino Asiakas');
    await page.getByLabel(tr('fi', 'documents:new.kind')).selectOption({ label: tr('fi', 'documents:kind.application') });
    await page.getByLabel(tr('fi', 'documents:new.coverNote')).fill('Asumistukihakemus liitteineen');
    await page.getByRole('button', { name: tr('fi', 'documents:new.submit') }).click();
    const heading = page.getByRole('heading', { level: 1, name: /Asiakirjaluovutus D-/ });
    await heading.waitFor();
    const reference = (await heading.innerText()).split(' ').pop()!;
    const id = page.url().split('/').pop()!;

    // Two scanned files, then a still from the second camera.
    const pdf = await makePdf(2, { label: 'Hakemus' });
    await page.getByLabel(tr('fi', 'documents:add.files')).setInputFiles([
      { name: 'hakemus.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'liite.png', mimeType: 'image/png', buffer: PNG_1PX },
    ]);
    await expect.poll(() => items(page).count()).toBe(2);
    await page.getByRole('button', { name: tr('fi', 'documents:camera.start') }).click();
    const cameraSelect = page.getByLabel(tr('fi', 'documents:camera.device'), { exact: true });
    await expect.poll(() => cameraSelect.locator('option').count()).toBe(2);
    await cameraSelect.selectOption({ index: 1 });
    await expect.poll(() => page.locator('.doc-camera video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    expect(await cameraSelect.inputValue()).toBe(await cameraSelect.locator('option').nth(1).getAttribute('value'));
    await page.getByRole('button', { name: tr('fi', 'documents:camera.capture') }).click();
    await expect.poll(() => items(page).count()).toBe(3);
    await expect.poll(() => items(page).nth(2).innerText()).toContain(tr('fi', 'documents:pages.camera'));
    await shot(page, 'documents-3');
    expect(await axeViolations(page)).toEqual([]);

    // The still goes before the PNG, and the PNG is dropped.
    await page.getByRole('button', { name: tr('fi', 'documents:pages.moveUp').replace('{{n}}', '3') }).click();
    await expect.poll(() => items(page).nth(1).innerText()).toContain(tr('fi', 'documents:pages.camera'));
    await page.getByRole('button', { name: tr('fi', 'documents:pages.remove').replace('{{n}}', '3') }).click();
    await expect.poll(() => items(page).count()).toBe(2);
    expect(await items(page).nth(0).innerText()).toContain(tr('fi', 'documents:pages.pdf_other').replace('{{count}}', '2'));
    await expect.poll(() => page.locator('.doc-page img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    await page.getByRole('button', { name: tr('fi', 'documents:editor.send') }).click();
    await page.getByText(tr('fi', 'documents:editor.sentNotice')).waitFor();
    await shot(page, 'documents-4');
    expect(await axeViolations(page)).toEqual([]);

    // The agency's inbox shows it without a reload.
    await expert.getByRole('link', { name: reference }).waitFor();

    // The advisor can no longer read the content.
    const pages = (await (await expert.request.get(`/api/documents/${id}`)).json()) as { pages: { id: string; position: number }[] };
    expect(pages.pages).toHaveLength(2);
    expect((await page.request.get(`/api/documents/${id}/pages/${pages.pages[0]!.id}/content`)).status()).toBe(403);

    // The receipt: what, how many pages, for whom, when and where; printable and as a PDF.
    await page.getByRole('link', { name: tr('fi', 'documents:editor.receipt') }).click();
    await page.getByRole('heading', { level: 1, name: tr('fi', 'documents:receipt.title') }).waitFor();
    const sheet = page.locator('.doc-receipt');
    expect(await page.getByTestId('receipt-reference').innerText()).toBe(reference);
    expect(await page.getByTestId('receipt-pages').innerText()).toBe('3');
    for (const text of [KELA, 'Aino Asiakas', tr('fi', 'documents:kind.application'), 'Porvoo-info', 'Lundinkatu 8 A', tr('fi', 'documents:receipt.received'), tr('fi', 'documents:receipt.sent'), tr('fi', 'documents:receipt.noContent')]) {
      expect(await sheet.innerText(), text).toContain(text);
    }
    expect(await sheet.innerText()).not.toContain('Asumistukihakemus');
    await shot(page, 'documents-5');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: tr('fi', 'documents:receiptPage.print') }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // The same receipt in Swedish.
    await page.getByLabel('svenska').click();
    await page.getByRole('heading', { level: 1, name: tr('sv', 'documents:receipt.title') }).waitFor();
    const receiptPdf = await page.request.get(`/api/documents/${id}/receipt.pdf?lang=sv`);
    expect([receiptPdf.status(), receiptPdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect((await receiptPdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The expert opens it, downloads the PDF as it was received, and acknowledges.
    await expert.getByRole('link', { name: reference }).click();
    await expert.getByRole('heading', { level: 1, name: tr('fi', 'documents:inbox.detailTitle').replace('{{reference}}', reference) }).waitFor();
    expect(await expert.getByText('Asumistukihakemus liitteineen').isVisible()).toBe(true);
    await expect.poll(() => expert.getByAltText(tr('fi', 'documents:pages.imageAlt').replace('{{n}}', '2')).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await shot(expert, 'documents-6');
    expect(await axeViolations(expert)).toEqual([]);
    const [download] = await Promise.all([expert.waitForEvent('download'), expert.getByRole('link', { name: tr('fi', 'documents:inbox.download').replace('{{n}}', '1') }).click()]);
    expect(download.suggestedFilename()).toBe(`${reference}-1.pdf`);
    expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);

    await expert.getByRole('button', { name: tr('fi', 'documents:inbox.acknowledge') }).click();
    // Purging is for good: the expert confirms it once more.
    await expert.getByRole('button', { name: tr('fi', 'documents:inbox.confirmAcknowledge') }).click();
    await expert.getByText(tr('fi', 'documents:inbox.purgedAcknowledged')).waitFor();
    const [row] = await server.database.db.select().from(documentHandovers).where(eq(documentHandovers.id, id));
    expect(row).toMatchObject({ status: 'purged', purgeReason: 'acknowledged', pageCount: 3, fileCount: 2 });
    const [{ n }] = (await server.database.db.select({ n: sql<number>`count(*)::int` }).from(documentPages).where(eq(documentPages.handoverId, id))) as [{ n: number }];
    expect(n).toBe(0);
    await shot(expert, 'documents-7');
    expect(await axeViolations(expert)).toEqual([]);
  });

  it('the agency admin creates an API token (shown once) that the agency system uses, and revokes it', async () => {
    const page = await (await newContext(expertBrowser, server.url, 'en')).newPage();
    await signInAs(page, 'admin@kela.demo');
    await page.goto('/admin/agency-tokens');
    await page.getByRole('heading', { level: 1, name: tr('en', 'documents:tokens.title') }).waitFor();
    await shot(page, 'documents-8');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(tr('en', 'documents:tokens.name'), { exact: true }).fill('Case management');
    await page.getByLabel(tr('en', 'documents:tokens.scope.documents_acknowledge')).check();
    await page.getByRole('button', { name: tr('en', 'documents:tokens.create') }).click();
    const token = await page.getByTestId('agency-token').inputValue();
    expect(token).toMatch(/^etp_agency_/);
    await shot(page, 'documents-9');
    expect(await axeViolations(page)).toEqual([]);
    const api = await fetch(`${server.url}/api/agency/documents?status=all`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    await page.getByRole('button', { name: tr('en', 'documents:tokens.revokeNamed').replace('{{name}}', 'Case management') }).click();
    await page.getByText(/^Revoked /).waitFor();
    expect((await fetch(`${server.url}/api/agency/documents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
