import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import i18next from '../../i18n/index';
import { type Language, isLanguage } from '../../i18n/languages';
import { localized } from '../../localized';
import { useIdle } from '../../useIdle';
import { useTitle } from '../../useTitle';
import { CallAdvisorButton } from './assist/CallAdvisorButton';
import { LanguageButtons } from './LanguageButtons';
import { PairingScreen } from './PairingScreen';
import { TerminalHome } from './TerminalHome';
import { type PairResponse, fetchTerminalSelf, terminalToken } from './terminalApi';
import './terminal.css';

const SELF_CHECK_MS = 60_000;
/** A customer's language choice lasts until the screen has been left alone this long. */
const LANGUAGE_RESET_MS = 2 * 60_000;

const isRevoked = (e: unknown) => e instanceof ApiError && e.status === 401;

/** The kiosk in the remote service room: paired once with a code, then greets customers in their language. */
export function TerminalApp() {
  const { t, i18n } = useTranslation(['terminal', 'common']);
  const queryClient = useQueryClient();
  const [token, setToken] = useState(terminalToken.get);
  const [revoked, setRevoked] = useState(false);
  const lang: Language = isLanguage(i18n.language) ? i18n.language : 'fi';
  // The kiosk always starts in Finnish; its language is a customer's choice, never remembered.
  // (The global instance: useTranslation's i18n is a new wrapper object after every language change.)
  const chooseLanguage = (l: Language) => void i18next.changeLanguage(l);
  useEffect(() => {
    void i18next.changeLanguage('fi');
  }, []);
  // Not while a customer is checked in or in a meeting: their language stays until they are done.
  const [busy, setBusy] = useState(false);
  useIdle(lang === 'fi' || busy ? undefined : LANGUAGE_RESET_MS, () => chooseLanguage('fi'), { shared: false });

  const self = useQuery({
    queryKey: ['terminal-self', token],
    queryFn: () => fetchTerminalSelf(token!),
    enabled: !!token,
    refetchInterval: SELF_CHECK_MS,
    refetchIntervalInBackground: true,
    retry: (count, error) => !isRevoked(error) && count < 2,
  });

  useEffect(() => {
    if (!isRevoked(self.error)) return;
    terminalToken.clear();
    setToken(undefined);
    setRevoked(true);
  }, [self.error]);

  useTitle(token && self.data ? localized(self.data.servicePoint.name, lang) : t('pairing.heading'));

  const paired = ({ token: newToken, terminal }: PairResponse) => {
    terminalToken.set(newToken);
    queryClient.setQueryData(['terminal-self', newToken], terminal);
    setRevoked(false);
    setToken(newToken);
  };

  return (
    <div className="terminal">
      <header className="terminal-bar">
        <LanguageButtons current={lang} onChoose={chooseLanguage} />
      </header>
      <main id="main" className="terminal-main">
        {!token ? (
          <PairingScreen notice={revoked ? t('pairing.revoked') : undefined} onPaired={paired} />
        ) : self.data ? (
          // The call button stays on every screen of a paired kiosk (each screen decides where it sits).
          <TerminalHome token={token} self={self.data} lang={lang} offline={self.isError} onBusy={setBusy} assist={<CallAdvisorButton token={token} />} />
        ) : (
          <p className="terminal-text" role="status">
            {self.isError ? t('idle.offline') : t('idle.connecting')}
          </p>
        )}
      </main>
    </div>
  );
}
