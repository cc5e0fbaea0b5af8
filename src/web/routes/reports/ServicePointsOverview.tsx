import { ScrollTable } from '../../components/ScrollTable';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Table } from 'suomifi-ui-components';
import { PointOpenStatus } from '../../components/OpenStatus';
import { QueryStatus } from '../../components/QueryStatus';
import { localized, useLanguage } from '../../localized';
import { useServicePoints } from '../../queries';
import { useNow } from '../../useNow';

/** One row a point: where it is, how many rooms it has, and whether it is open today. */
export function ServicePointsOverview() {
  const { t } = useTranslation(['reports', 'servicePoint']);
  const { lang } = useLanguage();
  const points = useServicePoints();
  const now = useNow();
  const columns = [
    { key: 'name', labelText: t('overview.name') },
    { key: 'city', labelText: t('overview.city') },
    { key: 'rooms', labelText: t('overview.rooms'), textAlign: 'right' as const },
    { key: 'today', labelText: t('overview.today') },
  ];
  return (
    <section aria-labelledby="overview-heading" className="reports-section">
      <Heading variant="h2" id="overview-heading" mb="xs">
        {t('overview.heading')}
      </Heading>
      <Paragraph mb="m">{t('overview.intro')}</Paragraph>
      <QueryStatus query={points}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('overview.none')}</Paragraph>
          ) : (
            <ScrollTable labelledBy="overview-heading">
            <Table
              aria-labelledby="overview-heading"
              columns={columns}
              data={list.map((p) => ({
                id: p.id,
                name: localized(p.name, lang),
                city: localized(p.city, lang),
                rooms: String(p.rooms.filter((r) => r.active).length),
                today: p.active ? <PointOpenStatus point={p} now={now} /> : t('overview.inactive'),
              }))}
            />
            </ScrollTable>
          )
        }
      </QueryStatus>
    </section>
  );
}
