import { useTranslation } from 'react-i18next';
import type { TerminalSessionView } from '../../../shared/meetings';
import type { Language } from '../../i18n/languages';
import { LOCALES } from '../../i18n/languages';
import { localized } from '../../localized';
import type { MeetingSnapshot } from '../../meeting/session';
import type { LocalMediaState } from '../../meeting/useMeeting';
import { DeviceCheck } from './DeviceCheck';

type Props = { booking: NonNullable<TerminalSessionView['booking']>; lang: Language; media: LocalMediaState; snapshot?: MeetingSnapshot };

/** Checked in: whom the customer meets and when, that the expert lets them in, and a check of the devices. */
export function WaitingScreen({ booking, lang, media, snapshot }: Props) {
  const { t } = useTranslation('terminal');
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
  const status =
    snapshot?.phase === 'lobby' ? t('waiting.lobby') : snapshot?.phase === 'reconnecting' ? t('waiting.reconnecting') : snapshot ? t('waiting.connecting') : t('waiting.notOpen');
  return (
    <div className="terminal-waiting">
      <h1 className="terminal-title">{t('waiting.heading')}</h1>
      <dl className="terminal-facts">
        <dt>{t('waiting.agency')}</dt>
        <dd>{localized(booking.agency.name, lang)}</dd>
        <dt>{t('waiting.service')}</dt>
        <dd>{localized(booking.service.name, lang)}</dd>
        <dt>{t('waiting.time')}</dt>
        <dd>
          {time.format(new Date(booking.startsAt))}–{time.format(new Date(booking.endsAt))}
        </dd>
      </dl>
      <p className="terminal-welcome terminal-wait-note">{t('waiting.letIn')}</p>
      {booking.interpreting && <p className="terminal-text">{t('waiting.interpreting')}</p>}
      <p className="terminal-status" role="status" data-phase={snapshot?.phase ?? 'none'}>
        {status}
      </p>
      <DeviceCheck media={media} />
    </div>
  );
}
