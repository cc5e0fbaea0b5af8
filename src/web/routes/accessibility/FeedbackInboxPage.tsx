import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { FeedbackItem } from '../../../shared/accessibility';
import { QueryStatus } from '../../components/QueryStatus';
import { useTitle } from '../../useTitle';
import { useFeedbackInbox } from './api';
import { FeedbackCard } from './FeedbackCard';
import './accessibility.css';

/** /reports/accessibility-feedback — the coordinators' inbox: open feedback first, earliest deadline first. */
export function FeedbackInboxPage() {
  const { t } = useTranslation('accessibility');
  useTitle(t('inbox.title'));
  const inbox = useFeedbackInbox();
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('inbox.title')}
      </Heading>
      <Paragraph mb="m">{t('inbox.intro')}</Paragraph>
      <QueryStatus query={inbox}>
        {(items) => (
          <>
            <Section title={t('inbox.open')} items={items.filter((i) => i.status === 'new')} />
            <Section title={t('inbox.answered')} items={items.filter((i) => i.status === 'answered')} />
            <Section title={t('inbox.closed')} items={items.filter((i) => i.status === 'closed')} />
          </>
        )}
      </QueryStatus>
    </>
  );
}

function Section({ title, items }: { title: string; items: FeedbackItem[] }) {
  const { t } = useTranslation('accessibility');
  return (
    <section className="a11y-inbox-section">
      <Heading variant="h2" mt="l" mb="s">
        {title} ({items.length})
      </Heading>
      {items.length === 0 ? (
        <p>{t('inbox.none')}</p>
      ) : (
        <ul className="a11y-inbox">
          {items.map((item) => (
            <li key={item.id}>
              <FeedbackCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
