import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> – Etäpiste" in the UI language, so tabs, history and screen readers name the page (WCAG 2.4.2). */
export function useTitle(page: string | undefined) {
  const { t } = useTranslation('common');
  const app = t('appName');
  useEffect(() => {
    document.title = page ? `${page} – ${app}` : app;
  }, [page, app]);
}
