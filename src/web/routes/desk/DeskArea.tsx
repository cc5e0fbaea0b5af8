import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useUser } from '../../auth';
import { NoticeAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { ServicePointCard } from '../../components/ServicePointCard';
import { useServicePoints } from '../../queries';
import { useNow } from '../../useNow';
import { useTitle } from '../../useTitle';
import { StatusBoardLink } from '../status/StatusBoardLink';
import { StatusBoardPage } from '../status/StatusBoardPage';
import { localized, useLanguage } from '../../localized';
import { OurAgreementsPanel, RearrangeNotice } from './agreements/OurAgreementsPanel';
import { CallAlerts, useAdvisorPoints } from './assistance/CallAlerts';
import { CalendarLink } from './calendar/CalendarLink';
import { FailedMessages } from './calendar/CustomerMessages';
import { DeskCalendarArea } from './calendar/DeskCalendarPage';
import { DeskDocumentsArea, DocumentsLink } from './documents/DeskDocumentsArea';
import { TimeReportLink } from '../time-reports/TimeReportLinks';
import { TimePage } from '../time-reports/TimePage';

/** The desk area: the front page, the booking calendar (/desk/calendar), the live status board (/desk/status). */
export function DeskArea() {
  // Agreement refusals (agreement.task_not_delegated) can come from any desk form: their texts are loaded up front.
  useTranslation('agreements');
  return (
    <>
      {/* Calls and identity-check requests reach the advisor on every desk page. */}
      <CallAlerts />
      <Routes>
        <Route path="calendar/*" element={<DeskCalendarArea />} />
        <Route path="documents/*" element={<DeskDocumentsArea />} />
        <Route path="status" element={<DeskStatus />} />
        <Route path="time" element={<TimePage />} />
        <Route path="*" element={<DeskHome />} />
      </Routes>
    </>
  );
}

function DeskStatus() {
  return <StatusBoardPage pointIds={useAdvisorPoints()} canReport />;
}

/** The advisor's desk: the service point(s) their advisor role is attached to. */
function DeskHome() {
  const { t } = useTranslation('desk');
  const { lang } = useLanguage();
  const me = useUser();
  const points = useServicePoints();
  const now = useNow();
  useTitle(t('title'));
  const mine = new Set(me.roles.filter((r) => r.role === 'advisor' && r.servicePointId).map((r) => r.servicePointId));
  return (
    <>
      <Heading variant="h1" mb="xs">
        {t('title')}
      </Heading>
      <Paragraph mb="xs">{t('greeting', { name: me.name })}</Paragraph>
      <Paragraph mb="l">{t('intro')}</Paragraph>
      {mine.size > 0 && (
        <>
          <CalendarLink />
          <DocumentsLink />
          <TimeReportLink to="/desk/time" text="desk.link" />
          <StatusBoardLink to="/desk/status" />
        </>
      )}
      <QueryStatus query={points}>
        {(all) => {
          const list = all.filter((p) => mine.has(p.id));
          if (list.length === 0) return <NoticeAlert status="warning">{t('noPoint')}</NoticeAlert>;
          return (
            <>
              {list.map((p) => (
                <div key={p.id}>
                  <RearrangeNotice servicePointId={p.id} />
                  <FailedMessages servicePointId={p.id} bookingHref={(id) => `/desk/calendar/booking/${id}`} />
                  <OurAgreementsPanel servicePointId={p.id} pointName={list.length > 1 ? localized(p.name, lang) : undefined} />
                </div>
              ))}
              {list.map((p) => (
                <ServicePointCard key={p.id} point={p} now={now} showRooms />
              ))}
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}
