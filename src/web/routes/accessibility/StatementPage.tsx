import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import { STATEMENT_PATHS, statementLanguageOf } from '../../../shared/accessibility-paths';
import type { Language } from '../../../shared/common';
import { QueryStatus } from '../../components/QueryStatus';
import { useTitle } from '../../useTitle';
import { useStatement } from './api';
import { FeedbackForm } from './FeedbackForm';
import { StatementContentView } from './StatementContentView';
import './accessibility.css';

/** Where the statement was opened from, so a kiosk customer can go back (router state, not the URL). */
export type StatementLinkState = { back?: string };

/**
 * The public accessibility statement at /saavutettavuus, /tillganglighet and /accessibility: no sign-in. The
 * address decides the language; choosing another language moves to that language's address.
 */
export function StatementPage() {
  const { pathname, state } = useLocation();
  const navigate = useNavigate();
  const lang: Language = statementLanguageOf(pathname) ?? 'fi';
  const { t, i18n } = useTranslation('accessibility');
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    const follow = (lng: string) => {
      if (lng !== lang && lng in STATEMENT_PATHS) navigate(STATEMENT_PATHS[lng as Language], { state });
    };
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n, lang, navigate, state]);
  const statement = useStatement(lang);
  useTitle(t('statement.title'));
  const back = (state as StatementLinkState | null)?.back;
  return (
    <article className="a11y-page">
      {back && (
        <p>
          <Link to={back} className="a11y-back">
            {t('statement.back')}
          </Link>
        </p>
      )}
      <Heading variant="h1" mb="m">
        {t('statement.title')}
      </Heading>
      <QueryStatus query={statement}>{(s) => <StatementContentView content={s.content} lang={lang} feedbackForm={<FeedbackForm lang={lang} />} />}</QueryStatus>
    </article>
  );
}
