import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import type { StatementContent } from '../../../shared/accessibility';
import type { Language } from '../../../shared/common';
import { formatDay } from '../../days';

/**
 * The parts of the statement in the order of the law's model statement; headings start at `level`. `feedbackForm`
 * sits under the feedback instructions on the public page.
 */
export function StatementContentView({ content, lang, level = 2, feedbackForm }: { content: StatementContent; lang: Language; level?: 2 | 3; feedbackForm?: ReactNode }) {
  const { t } = useTranslation('accessibility', { lng: lang });
  const h = level === 2 ? 'h2' : 'h3';
  return (
    <div className="a11y-statement" lang={lang}>
      <p className="a11y-text">{content.service}</p>
      <dl className="a11y-dates">
        <dt>{t('statement.statementDate')}</dt>
        <dd>{formatDay(content.statementDate, lang)}</dd>
        <dt>{t('statement.reviewedOn')}</dt>
        <dd>{formatDay(content.reviewedOn, lang)}</dd>
      </dl>
      <Heading variant={h} mt="l" mb="s">
        {t('statement.conformanceHeading')}
      </Heading>
      <p className="a11y-text">{t(`statement.conformance.${content.conformance}`)}</p>
      {content.shortcomings.length > 0 && (
        <>
          <Heading variant={h} mt="l" mb="s">
            {t('statement.shortcomingsHeading')}
          </Heading>
          <ul className="a11y-shortcomings">
            {content.shortcomings.map((s, i) => (
              <li key={i}>
                <p className="a11y-text">{s.description}</p>
                {s.criteria && <p className="a11y-meta">{t('statement.criteria', { criteria: s.criteria })}</p>}
                <p className="a11y-meta">{s.fixBy ? t('statement.fixBy', { date: formatDay(s.fixBy, lang) }) : t('statement.noFixDate')}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading variant={h} mt="l" mb="s">
        {t('statement.feedbackHeading')}
      </Heading>
      <p className="a11y-text">{content.feedback}</p>
      {feedbackForm}
      <Heading variant={h} mt="l" mb="s">
        {t('statement.supervisionHeading')}
      </Heading>
      <p className="a11y-text">{content.supervision}</p>
      <Heading variant={h} mt="l" mb="s">
        {t('statement.assessmentHeading')}
      </Heading>
      <p className="a11y-text">{content.assessment}</p>
    </div>
  );
}
