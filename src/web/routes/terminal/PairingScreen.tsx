import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../errors';
import { Keypad } from './Keypad';
import { type PairResponse, formatPairingCode, pairTerminal } from './terminalApi';

type Props = { notice?: string; onPaired(result: PairResponse): void };

/** First start (or after revocation): someone from the staff types the code the admin issued for this room. */
export function PairingScreen({ notice, onPaired }: Props) {
  const { t } = useTranslation(['terminal', 'common']);
  const [digits, setDigits] = useState('');
  const [tried, setTried] = useState(false);
  const pair = useMutation({ mutationFn: pairTerminal, onSuccess: onPaired });
  const complete = digits.length === 8;
  const setFrom = (text: string) => setDigits(text.replace(/\D/g, '').slice(0, 8));
  const add = (d: string) => setDigits((cur) => (cur + d).slice(0, 8));

  return (
    <form
      className="terminal-pairing"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (complete) pair.mutate(formatPairingCode(digits));
      }}
    >
      <h1 className="terminal-title">{t('pairing.heading')}</h1>
      {notice && (
        <p className="terminal-notice" role="status">
          {notice}
        </p>
      )}
      <p id="pairing-intro">{t('pairing.intro')}</p>
      <label className="terminal-label" htmlFor="pairing-code">
        {t('pairing.code')}
      </label>
      <input
        id="pairing-code"
        className="terminal-code"
        inputMode="numeric"
        autoComplete="off"
        aria-describedby="pairing-intro"
        aria-invalid={tried && !complete}
        value={formatPairingCode(digits)}
        onChange={(e) => setFrom(e.target.value)}
      />
      {tried && !complete && (
        <p className="terminal-error" role="alert">
          {t('pairing.incomplete')}
        </p>
      )}
      {pair.isError && (
        <p className="terminal-error" role="alert">
          {errorMessage(t, pair.error)}
        </p>
      )}
      <Keypad onDigit={add} onBackspace={() => setDigits((cur) => cur.slice(0, -1))} onClear={() => setDigits('')} disabled={pair.isPending} />
      <button type="submit" className="terminal-primary" disabled={pair.isPending}>
        {pair.isPending ? t('pairing.pairing') : t('pairing.submit')}
      </button>
    </form>
  );
}
