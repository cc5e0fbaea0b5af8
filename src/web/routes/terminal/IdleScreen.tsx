import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATEMENT_PATHS } from '../../../shared/accessibility-paths';
import type { TerminalSelf } from '../../../shared/directory';
import type { Language } from '../../i18n/languages';
import { localized } from '../../localized';

/** What a customer sees on arrival: where they are, a welcome, and who helps. */
export function IdleScreen({ self, lang, offline, onCheckIn }: { self: TerminalSelf; lang: Language; offline: boolean; onCheckIn?(): void }) {
  const { t } = useTranslation('terminal');
  return (
    <div className="terminal-idle">
      <h1 className="terminal-point">{localized(self.servicePoint.name, lang)}</h1>
      <p className="terminal-welcome">{t('idle.welcome')}</p>
      <p className="terminal-text">{t('idle.intro')}</p>
      {onCheckIn && (
        <button type="button" className="terminal-primary terminal-checkin-start" onClick={onCheckIn}>
          {t('idle.checkIn')}
        </button>
      )}
      <p className="terminal-text">{t('idle.help')}</p>
      <p className="terminal-text">{t('idle.phone', { phone: self.servicePoint.phone })}</p>
      <p className="terminal-room">{localized(self.room.name, lang)}</p>
      {/* The accessibility statement (306/2019); the statement page offers the way back to this screen. */}
      <Link className="terminal-statement-link" to={`${STATEMENT_PATHS[lang]}?page=${encodeURIComponent('/terminal')}`} state={{ back: '/terminal' }}>
        {t('idle.accessibility')}
      </Link>
      {offline && (
        <p className="terminal-notice" role="status">
          {t('idle.offline')}
        </p>
      )}
    </div>
  );
}
