import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { openPdf } from './openPdf';
import './pdf.css';

/** Sizes relative to the frame's width; 100 % fits the page to it. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

type Props = { url: string; label: string };

/**
 * A PDF shown page by page inside the app (PDF.js draws it onto a canvas), with previous/next page and zoom: the
 * app's CSP keeps `object-src 'none'`, and nothing is downloaded to the computer.
 */
export function PdfPreview({ url, label }: Props) {
  const { t } = useTranslation('documents');
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [failed, setFailed] = useState(false);
  const [pageNo, setPageNo] = useState(1);
  const [zoom, setZoom] = useState(2);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | undefined;
    setFailed(false);
    openPdf(url).then(
      (d) => {
        opened = d;
        if (cancelled) void d.loadingTask.destroy();
        else setDoc(d);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      void opened?.loadingTask.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (!doc || !canvas.current || !frame.current) return;
    let task: RenderTask | undefined;
    let cancelled = false;
    void (async () => {
      const page = await doc.getPage(pageNo);
      if (cancelled || !canvas.current || !frame.current) return;
      const fit = Math.max(200, frame.current.clientWidth - 2) / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale: fit * ZOOMS[zoom]! });
      const ratio = window.devicePixelRatio || 1;
      const target = canvas.current;
      target.width = Math.floor(viewport.width * ratio);
      target.height = Math.floor(viewport.height * ratio);
      target.style.width = `${Math.floor(viewport.width)}px`;
      target.style.height = `${Math.floor(viewport.height)}px`;
      task = page.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise.then(
        () => target.setAttribute('data-rendered', `${pageNo}:${zoom}`),
        () => undefined,
      );
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNo, zoom]);

  if (failed) return <p className="pdf-failed">{t('viewer.failed')}</p>;
  const pages = doc?.numPages ?? 0;
  return (
    <div className="pdf-preview">
      <div className="pdf-toolbar" role="toolbar" aria-label={t('viewer.toolbar', { item: label })}>
        <button type="button" className="pdf-button" onClick={() => setPageNo((n) => n - 1)} disabled={!doc || pageNo <= 1}>
          {t('viewer.previous')}
        </button>
        <span className="pdf-position" aria-live="polite">
          {doc ? t('viewer.position', { page: pageNo, pages }) : t('viewer.loading')}
        </span>
        <button type="button" className="pdf-button" onClick={() => setPageNo((n) => n + 1)} disabled={!doc || pageNo >= pages}>
          {t('viewer.next')}
        </button>
        <button type="button" className="pdf-button" onClick={() => setZoom((z) => z - 1)} disabled={!doc || zoom <= 0}>
          {t('viewer.zoomOut')}
        </button>
        <span className="pdf-zoom" aria-live="polite">
          {t('viewer.zoom', { percent: Math.round(ZOOMS[zoom]! * 100) })}
        </span>
        <button type="button" className="pdf-button" onClick={() => setZoom((z) => z + 1)} disabled={!doc || zoom >= ZOOMS.length - 1}>
          {t('viewer.zoomIn')}
        </button>
      </div>
      {/* Scrolls when zoomed in; focusable so the keyboard can scroll it too. */}
      <div className="pdf-frame" ref={frame} tabIndex={0} role="group" aria-label={t('viewer.frame', { item: label })}>
        <canvas ref={canvas} className="pdf-canvas" role="img" aria-label={doc ? t('viewer.page', { item: label, page: pageNo, pages }) : t('viewer.loading')} />
      </div>
    </div>
  );
}
