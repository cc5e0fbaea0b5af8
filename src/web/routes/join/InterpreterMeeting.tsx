import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../localized';
import { useLocalMedia, useMeetingSession } from '../../meeting/useMeeting';
import { ChatPanel } from '../../meeting/ui/ChatPanel';
import { MediaControls } from '../../meeting/ui/MediaControls';
import { MeetingStage } from '../../meeting/ui/MeetingStage';
import { PhaseNotice } from '../../meeting/ui/PhaseNotice';

type Props = { meetingId: string; token: string; onLeave(why: 'left' | 'denied' | 'ended'): void };

/** The interpreter in the meeting: camera for sign language (motion, ≥ 20 fps), the others, chat. */
export function InterpreterMeeting({ meetingId, token, onLeave }: Props) {
  const { t } = useTranslation('meeting');
  const { lang } = useLanguage();
  const media = useLocalMedia(true, { profile: 'interpreter' });
  const { session, snapshot } = useMeetingSession({ meetingId, credential: { kind: 'guest', token }, local: media.media });

  useEffect(() => {
    // The session has already stopped the camera and microphone; leaving the meeting screen releases them.
    if (snapshot.phase === 'denied') onLeave('denied');
    if (snapshot.phase === 'ended') onLeave('ended');
  }, [snapshot.phase, onLeave]);

  return (
    <div className="join-meeting">
      <h1 className="visually-hidden">{t('join.meetingHeading')}</h1>
      <PhaseNotice snapshot={snapshot} />
      {media.failure && (
        <p role="alert" className="meeting-error">
          {t(`media.${media.failure}`)}
        </p>
      )}
      <MeetingStage snapshot={snapshot} local={media.media} viewer="interpreter" />
      <div className="mt-bar join-bar-controls">
        <MediaControls local={media.media} onChange={() => session?.localChanged()} />
        <button type="button" className="meeting-button" onClick={() => {
            session?.leave();
            onLeave('left');
          }}
        >
          {t('meeting.leave')}
        </button>
      </div>
      <ChatPanel
        lines={snapshot.chat}
        onSend={(text) => session?.sendChat(text) ?? false}
        failed={snapshot.chatFailed}
        disabled={snapshot.phase !== 'live'}
        kindLabel={(k) => t(`kind.${k}`)}
        lang={lang}
      />
    </div>
  );
}
