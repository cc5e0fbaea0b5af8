import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, useParams } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { type Language, LANGUAGES } from '../../i18n/languages';
import { QueryStatus } from '../../components/QueryStatus';
import { formatInstant } from '../agreements/format';
import { useTitle } from '../../useTitle';
import { useStatementHistory } from './api';
import { StatementContentView } from './StatementContentView';
import { StatementForm } from './StatementForm';
import './accessibility.css';

const NAMES = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;

/** /admin/accessibility/:language — the main admin edits each language's statement and reads its history. */
export function StatementEditorPage() {
  const { language } = useParams();
  const { t, i18n } = useTranslation('accessibility');
  useTitle(t('editor.title'));
  if (!LANGUAGES.includes(language as Language)) return <Navigate to="/admin/accessibility/fi" replace />;
  const lang = language as Language;
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('editor.title')}
      </Heading>
      <Paragraph mb="m">{t('editor.intro')}</Paragraph>
      <nav aria-label={t('editor.languages')} className="a11y-tabs">
        <ul>
          {LANGUAGES.map((l) => (
            <li key={l}>
              <NavLink to={`/admin/accessibility/${l}`} lang={l}>
                {NAMES[l]}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <History key={lang} lang={lang} uiLang={i18n.language as Language} />
    </>
  );
}

function History({ lang, uiLang }: { lang: Language; uiLang: Language }) {
  const { t } = useTranslation('accessibility');
  const history = useStatementHistory(lang);
  return (
    <QueryStatus query={history}>
      {(versions) => (
        <>
          <Heading variant="h2" mb="s">
            {t('editor.editing', { language: NAMES[lang], version: versions[0]!.version })}
          </Heading>
          <StatementForm key={lang} current={versions[0]!} language={lang} />
          <Heading variant="h2" mt="xl" mb="s">
            {t('editor.history')}
          </Heading>
          <ol className="a11y-history">
            {versions.map((v) => (
              <li key={v.version}>
                <details>
                  <summary>
                    {v.version === 0
                      ? t('editor.builtIn')
                      : t('editor.versionLine', { version: v.version, at: formatInstant(v.savedAt, uiLang), by: v.savedBy?.name ?? '' })}
                  </summary>
                  <StatementContentView content={v.content} lang={lang} level={3} />
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </QueryStatus>
  );
}
