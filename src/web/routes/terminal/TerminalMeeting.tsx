import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/languages';
import type { LocalMedia } from '../../meeting/localMedia';
import type { MeetingSession, MeetingSnapshot } from '../../meeting/session';
import { ChatPanel } from '../../meeting/ui/ChatPanel';
import { MediaControls } from '../../meeting/ui/MediaControls';
import { MeetingStage } from '../../meeting/ui/MeetingStage';
import { PhaseNotice } from '../../meeting/ui/PhaseNotice';
import '../../meeting/ui/meeting.css';
import type { CaptureState } from './useCaptureResponder';

type Props = { session?: MeetingSession; snapshot: MeetingSnapshot; local?: LocalMedia; lang: Language; assist: ReactNode; capture?: CaptureState };

/** The meeting at the kiosk: the others big, the customer small, chat in large text, help always at hand. */
export function TerminalMeeting({ session, snapshot, local, lang, assist, capture = 'idle' }: Props) {
  const { t } = useTranslation(['terminal', 'meeting']);
  return (
    <div className="terminal-meeting">
      <h1 className="visually-hidden">{t('meeting.heading')}</h1>
      <div className="terminal-meeting-main">
        <MeetingStage snapshot={snapshot} local={local} viewer="terminal" />
      </div>
      <aside className="terminal-meeting-side" aria-label={t('meeting.side')}>
        <PhaseNotice snapshot={snapshot} className="terminal-meeting-phase" />
        <p className={`terminal-capture terminal-capture-${capture}`} role="status" aria-live="polite">
          {capture === 'idle' ? '' : t(`meeting.capture.${capture}`)}
        </p>
        <MediaControls local={local} onChange={() => session?.localChanged()} large />
        <ChatPanel
          lines={snapshot.chat}
          onSend={(text) => session?.sendChat(text) ?? false}
          failed={snapshot.chatFailed}
          disabled={snapshot.phase !== 'live'}
          large
          kindLabel={(k) => t(`meeting:kind.${k}`)}
          lang={lang}
        />
        {assist}
      </aside>
    </div>
  );
}
