import { useTranslation } from 'react-i18next';

/** What a page shows while its code, translations or data are on the way. */
export function Loading() {
  const { t } = useTranslation('common');
  return (
    <p role="status" className="loading">
      {t('loading')}
    </p>
  );
}

/** Suspense fallback outside any translations (before i18next is ready): no text, so no untranslated text. */
export function BlankLoading() {
  return <div role="status" aria-busy="true" className="loading" />;
}
