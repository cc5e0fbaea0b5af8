import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalSelf } from '../../../shared/directory';
import type { TerminalSessionView } from '../../../shared/meetings';
import i18next from '../../i18n/index';
import type { Language } from '../../i18n/languages';
import { LocalMedia } from '../../meeting/localMedia';
import { useLocalMedia, useMeetingSession } from '../../meeting/useMeeting';
import { useEventHints } from '../../meeting/useEventHints';
import { CheckInForm } from './CheckInForm';
import { FeedbackScreen } from './FeedbackScreen';
import { IdleScreen } from './IdleScreen';
import { TerminalMeeting } from './TerminalMeeting';
import { useCaptureResponder } from './useCaptureResponder';
import { WaitingScreen } from './WaitingScreen';
import { fetchTerminalSession, sessionKey } from './sessionApi';

type Props = { token: string; self: TerminalSelf; lang: Language; offline: boolean; assist: ReactNode; onBusy(busy: boolean): void };

/**
 * The paired kiosk follows its room's session (GET /api/terminal/session), live from the service point's events
 * with a slow poll behind them: idle → checked in (waiting, device check) → meeting (lobby until admitted) →
 * feedback → idle. Between customers nothing of the previous one stays: the session is dropped from the cache,
 * every track is stopped, the language returns to Finnish.
 */
export function TerminalHome({ token, self, lang, offline, assist, onBusy }: Props) {
  const { t } = useTranslation('terminal');
  const client = useQueryClient();
  const [checkingIn, setCheckingIn] = useState(false);
  const [doneFeedback, setDoneFeedback] = useState<string>();
  // The meeting whose feedback screen is up: it stays up for the thanks after the answer, although the session
  // stops offering feedback the moment the answer is stored.
  const [feedbackShown, setFeedbackShown] = useState<string>();
  const key = sessionKey(token);
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: sessionKey(token) }), [client, token]);
  const live = useEventHints({ scopes: [{ servicePointId: self.servicePoint.id }], types: ['meeting.changed', 'booking.changed'], onHint: refresh, deviceToken: token });
  const session = useQuery({
    queryKey: key,
    queryFn: () => fetchTerminalSession(token),
    refetchInterval: live === 'live' ? 10_000 : 4_000,
    refetchIntervalInBackground: true,
  });
  const view: TerminalSessionView | undefined = session.data;
  const offered = view?.feedbackFor && view.feedbackFor !== doneFeedback ? view.feedbackFor : undefined;
  if (offered && offered !== feedbackShown) setFeedbackShown(offered);
  const feedbackFor = offered ?? (feedbackShown && feedbackShown !== doneFeedback ? feedbackShown : undefined);
  const meeting = !feedbackFor && view?.meeting?.status === 'open' ? view.meeting : undefined;
  const booking = feedbackFor ? null : (view?.booking ?? null);

  const media = useLocalMedia(!!booking || !!meeting, { document: true });
  // Without a camera (refused, broken) the customer still sees and hears the expert.
  const noDevices = useMemo(() => new LocalMedia(undefined), []);
  const local = media.media ?? (media.failure ? noDevices : undefined);
  const { session: meetingSession, snapshot } = useMeetingSession({
    meetingId: meeting?.id,
    credential: { kind: 'terminal', token },
    local,
    onEnded: refresh,
  });

  const capture = useCaptureResponder(meetingSession, snapshot, local, token);

  const busy = !!booking || !!meeting || !!feedbackFor;
  useEffect(() => onBusy(busy), [busy, onBusy]);

  const backToIdle = useCallback(() => {
    setDoneFeedback(feedbackFor);
    setCheckingIn(false);
    client.removeQueries({ queryKey: ['terminal-session'] });
    void i18next.changeLanguage('fi');
  }, [client, feedbackFor]);

  if (feedbackFor)
    return (
      <>
        <FeedbackScreen token={token} meetingId={feedbackFor} onDone={backToIdle} onAnswered={refresh} />
        {assist}
      </>
    );
  const over = snapshot.phase === 'ended' || snapshot.phase === 'denied';
  if (meeting && over)
    return (
      <>
        <div className="terminal-feedback" role="status">
          <h1 className="terminal-title">{t('meeting.ended')}</h1>
        </div>
        {assist}
      </>
    );
  const inMeeting = meeting && (meeting.admitted || snapshot.phase === 'live');
  if (meeting && inMeeting) return <TerminalMeeting session={meetingSession} snapshot={snapshot} local={local} lang={lang} assist={assist} capture={capture} />;
  if (booking)
    return (
      <>
        <WaitingScreen booking={booking} lang={lang} media={media} snapshot={meeting ? snapshot : undefined} />
        {assist}
      </>
    );
  if (checkingIn)
    return (
      <>
        <CheckInForm
          token={token}
          onCheckedIn={(s) => {
            client.setQueryData(key, s);
            setCheckingIn(false);
          }}
          onCancel={() => setCheckingIn(false)}
        />
        {assist}
      </>
    );
  return (
    <>
      <IdleScreen self={self} lang={lang} offline={offline} onCheckIn={() => setCheckingIn(true)} />
      {assist}
    </>
  );
}
