import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useUser } from '../../auth';
import { QueryStatus } from '../../components/QueryStatus';
import { ServicePointCard } from '../../components/ServicePointCard';
import { localized, useLanguage } from '../../localized';
import { useOrganisations, useServicePoints } from '../../queries';
import { useNow } from '../../useNow';
import { useTitle } from '../../useTitle';
import { CalendarLink } from '../desk/calendar/CalendarLink';
import { ExpertBookingsArea } from './bookings/ExpertBookingsArea';
import { ExpertMeetingsArea } from './meetings/ExpertMeetingsArea';
import { MeetingsLink } from './meetings/MeetingsLink';
import { DocumentsLink } from '../desk/documents/DeskDocumentsArea';
import { ExpertDocumentsArea } from './documents/ExpertDocumentsArea';
import { ProcessingRecordLink } from '../privacy/PrivacyAdmin';
import { ProcessingRecordPage } from '../privacy/ProcessingRecordPage';
import './expert.css';

/** The expert area: the front page, the agency's bookings (/expert/bookings) and today's meetings (/expert/meetings). */
export function ExpertArea() {
  // Agreement refusals (e.g. an identity check or booking not delegated to the point) read from the agreements texts.
  useTranslation('agreements');
  return (
    <Routes>
      <Route path="bookings/*" element={<ExpertBookingsArea />} />
      <Route path="documents/*" element={<ExpertDocumentsArea />} />
      <Route path="meetings/*" element={<ExpertMeetingsArea />} />
      <Route path="privacy" element={<ProcessingRecordPage />} />
      <Route path="*" element={<ExpertHome />} />
    </Routes>
  );
}

/** The agency's view: which agency the user serves for, and the points where the agency meets customers. */
function ExpertHome() {
  const { t } = useTranslation('expert');
  const { lang } = useLanguage();
  const me = useUser();
  const organisations = useOrganisations();
  const points = useServicePoints();
  const now = useNow();
  useTitle(t('title'));
  const agencyIds = new Set(me.roles.filter((r) => r.role === 'expert' || r.role === 'agency-booker').map((r) => r.organisationId));
  const agencies = (organisations.data ?? []).filter((o) => agencyIds.has(o.id));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('title')}
      </Heading>
      <Paragraph mb="m">{t('greeting', { name: me.name })}</Paragraph>
      <CalendarLink to="/expert/bookings" variant="expert" />
      {me.roles.some((r) => r.role === 'expert') && <DocumentsLink to="/expert/documents" />}
      {/* Today's meetings are the experts' (policy meeting:list); an agency booker books but does not meet. */}
      {me.roles.some((r) => r.role === 'expert') && <MeetingsLink />}
      <ProcessingRecordLink to="/expert/privacy" />
      {agencies.length > 0 && (
        <dl className="expert-agency">
          <dt>{t('agency')}</dt>
          {agencies.map((a) => (
            <dd key={a.id}>{localized(a.name, lang)}</dd>
          ))}
        </dl>
      )}
      <Heading variant="h2" mt="l" mb="xs">
        {t('points')}
      </Heading>
      <Paragraph mb="m">{t('intro')}</Paragraph>
      <QueryStatus query={points}>
        {(all) => {
          // Every active point serves every principal under the joint-service agreement.
          const active = all.filter((p) => p.active);
          if (active.length === 0) return <Paragraph>{t('noPoints')}</Paragraph>;
          return active.map((p) => <ServicePointCard key={p.id} point={p} now={now} level="h3" />);
        }}
      </QueryStatus>
    </>
  );
}
