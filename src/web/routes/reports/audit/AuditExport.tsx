import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useLanguage } from '../../../localized';
import { DayInput, emptyDay } from './DayInput';

const exportUrl = (from: string, to: string, format: 'csv' | 'json', lang: string) => `/api/audit-events/export?${new URLSearchParams({ from, to, format, lang })}`;
const shown = (ymd: string) => ymd.split('-').reverse().map(Number).join('.');

/** A period of Helsinki days out as CSV or JSON, with the hashes that prove it is part of the unchanged chain. */
export function AuditExport() {
  const { t } = useTranslation('reports');
  const { lang } = useLanguage();
  const [from, setFrom] = useState(emptyDay);
  const [to, setTo] = useState(emptyDay);
  const backwards = !!from.ymd && !!to.ymd && from.ymd > to.ymd;
  const ready = from.ymd && to.ymd && !backwards ? { from: from.ymd, to: to.ymd } : undefined;
  return (
    <section className="audit-export" aria-labelledby="audit-export-heading">
      <Heading variant="h3" id="audit-export-heading" mb="xs">
        {t('audit.export.heading')}
      </Heading>
      <Paragraph mb="s">{t('audit.export.intro')}</Paragraph>
      <div className="audit-export-fields">
        <DayInput label={t('audit.from')} field={from} onChange={setFrom} />
        <DayInput label={t('audit.to')} field={to} onChange={setTo} error={backwards ? t('audit.export.backwards') : undefined} />
      </div>
      {ready ? (
        <div className="audit-export-links">
          {(['csv', 'json'] as const).map((format) => (
            <a key={format} href={exportUrl(ready.from, ready.to, format, lang)} download>
              {t(`audit.export.${format}`, { from: shown(ready.from), to: shown(ready.to) })}
            </a>
          ))}
        </div>
      ) : (
        <Paragraph>{t('audit.export.needDates')}</Paragraph>
      )}
    </section>
  );
}
