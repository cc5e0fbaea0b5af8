import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import { ApiError } from '../../../api';
import { ErrorAlert, NoticeAlert } from '../../../components/Alerts';
import { localized, useLanguage } from '../../../localized';
import { meetingError } from '../../../meeting/meetingError';
import { useEventHints } from '../../../meeting/useEventHints';
import { useLocalMedia, useMeetingSession } from '../../../meeting/useMeeting';
import { ChatPanel } from '../../../meeting/ui/ChatPanel';
import { MediaControls } from '../../../meeting/ui/MediaControls';
import { MeetingStage } from '../../../meeting/ui/MeetingStage';
import { PhaseNotice } from '../../../meeting/ui/PhaseNotice';
import { useTitle } from '../../../useTitle';
import { MEETING_KEYS, leaveMeeting, openMeeting, useAdmit, useMeetingView } from './api';
import { EndMeeting, ExtendMeeting, InterpreterLinkTool, InviteExpert } from './MeetingTools';
import { AssistMount } from './AssistMount';
import { CaptureDocument } from './CaptureDocument';
import '../../../meeting/ui/meeting.css';
import './meetings.css';

/** The expert's meeting: pictures, admit, mute/camera, the document camera, chat, and the meeting's tools. */
export function ExpertMeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['meeting', 'common', 'calendar']);
  const { lang, locale } = useLanguage();
  const client = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => void client.invalidateQueries({ queryKey: MEETING_KEYS.one(id) });
  const live = useEventHints({ scopes: [{}], types: ['meeting.changed'], onHint: refresh });
  const view = useMeetingView(id, live === 'live' ? 20_000 : 5_000);
  const meeting = view.data;
  const isParticipant = !!meeting?.selfParticipantId;
  const open = meeting?.status === 'open';
  const media = useLocalMedia(open && isParticipant);
  const { session, snapshot } = useMeetingSession({ meetingId: open && isParticipant ? id : undefined, credential: { kind: 'session' }, local: media.media, onEnded: refresh });
  const admit = useAdmit(id);
  const join = useMutation({ mutationFn: () => openMeeting(meeting!.bookingId), onSuccess: refresh });
  const leave = useMutation({
    mutationFn: () => leaveMeeting(id),
    onSuccess: () => {
      // The others see "… left the meeting", not "reconnecting…".
      session?.leave();
      navigate('/expert/meetings');
    },
  });
  const title = meeting ? localized(meeting.booking.service, lang) : t('meeting.title');
  useTitle(title);

  if (view.isPending) return <p role="status">{t('common:loading')}</p>;
  if (view.isError || !meeting) {
    const gone = view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 403);
    return (
      <>
        <Heading variant="h1">{t('meeting.title')}</Heading>
        <ErrorAlert>{gone ? t('meeting.notAvailable') : meetingError(t, view.error)}</ErrorAlert>
        <Link to="/expert/meetings">{t('meeting.back')}</Link>
      </>
    );
  }

  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
  const terminal = meeting.participants.find((p) => p.kind === 'terminal');
  // The booking agency's expert runs the meeting; an invited expert of another agency takes part.
  const host = meeting.participants.find((p) => p.id === meeting.selfParticipantId)?.kind === 'expert';
  const waiting = host && open && terminal && !terminal.admittedAt;

  return (
    <div className="mt-page">
      <p className="mt-back">
        <Link to="/expert/meetings">{t('meeting.back')}</Link>
      </p>
      <Heading variant="h1" mb="xs">
        {title}
      </Heading>
      <dl className="mt-facts">
        <div>
          <dt>{t('meeting.customer')}</dt>
          <dd>{meeting.booking.customerName ?? t('list.hiddenCustomer')}</dd>
        </div>
        <div>
          <dt>{t('meeting.time')}</dt>
          <dd>
            {time.format(new Date(meeting.booking.startsAt))}–{time.format(new Date(meeting.booking.endsAt))}
          </dd>
        </div>
        <div>
          <dt>{t('meeting.agency')}</dt>
          <dd>{localized(meeting.booking.agency, lang)}</dd>
        </div>
        <div>
          <dt>{t('meeting.reference')}</dt>
          <dd>{meeting.booking.reference}</dd>
        </div>
        <div>
          <dt>{t('meeting.language')}</dt>
          <dd>{t(`calendar:bookingLanguage.${meeting.booking.language}`, { defaultValue: meeting.booking.language })}</dd>
        </div>
      </dl>

      {!open ? (
        <NoticeAlert>{t('meeting.endedNotice', { outcome: meeting.outcome ? t(`outcome.${meeting.outcome}`) : '' })}</NoticeAlert>
      ) : !isParticipant ? (
        <div className="mt-join">
          <p>{t('meeting.notJoined')}</p>
          <button type="button" className="meeting-button meeting-button-primary" onClick={() => join.mutate()} disabled={join.isPending}>
            {t('meeting.join')}
          </button>
          {join.isError && <ErrorAlert>{meetingError(t, join.error)}</ErrorAlert>}
        </div>
      ) : (
        <>
          <div className="mt-status-row">
            <PhaseNotice snapshot={snapshot} />
            {media.failure && <ErrorAlert>{t(`media.${media.failure}`)}</ErrorAlert>}
          </div>
          {waiting && terminal && (
            <div className="mt-lobby" role="status">
              <p>{terminal.online ? t('meeting.customerWaiting') : t('meeting.customerNotConnected')}</p>
              <button type="button" className="meeting-button meeting-button-primary" onClick={() => admit.mutate(undefined)} disabled={admit.isPending}>
                {t('meeting.admit')}
              </button>
              {admit.isError && <ErrorAlert>{meetingError(t, admit.error)}</ErrorAlert>}
            </div>
          )}
          <MeetingStage snapshot={snapshot} local={media.media} viewer="expert" />
          <div className="mt-bar">
            <MediaControls local={media.media} onChange={() => session?.localChanged()} />
            {host && <CaptureDocument session={session} snapshot={snapshot} locale={locale} />}
            <button type="button" className="meeting-button" onClick={() => leave.mutate()} disabled={leave.isPending}>
              {t('meeting.leave')}
            </button>
          </div>
          <div className="mt-columns">
            <ChatPanel
              lines={snapshot.chat}
              onSend={(text) => session?.sendChat(text) ?? false}
              failed={snapshot.chatFailed}
              disabled={snapshot.phase !== 'live'}
              kindLabel={(k) => t(`kind.${k}`)}
              lang={lang}
            />
            {host && (
              <div className="mt-tools">
                <ExtendMeeting view={meeting} />
                <InterpreterLinkTool view={meeting} />
                <InviteExpert view={meeting} />
                <EndMeeting view={meeting} onEnded={refresh} />
              </div>
            )}
          </div>
          <AssistMount bookingId={meeting.bookingId} roomId={meeting.roomId} />
        </>
      )}
    </div>
  );
}
