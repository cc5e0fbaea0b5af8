import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalSessionView } from '../../../shared/meetings';
import { meetingError } from '../../meeting/meetingError';
import { useIdle } from '../../useIdle';
import { ReferenceKeypad } from './ReferenceKeypad';
import { checkIn } from './sessionApi';

const MAX = 12;
/** Someone who walks away halfway leaves nothing on the screen. */
const ABANDON_MS = 60_000;

type Props = { token: string; onCheckedIn(session: TerminalSessionView): void; onCancel(): void };

/** The customer types the booking reference from the confirmation (on-screen keys or a keyboard). */
export function CheckInForm({ token, onCheckedIn, onCancel }: Props) {
  const { t } = useTranslation(['terminal', 'meeting', 'common']);
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  // "Check in" was pressed: the reference is what comes next, for a keyboard and a screen reader alike.
  useEffect(() => field.current?.focus(), []);
  const submit = useMutation({ mutationFn: (ref: string) => checkIn(token, ref), onSuccess: onCheckedIn });
  useIdle(ABANDON_MS, onCancel, { shared: false });
  const tooShort = reference.length < 4;
  const set = (text: string) => setReference(text.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, MAX));

  return (
    <form
      className="terminal-checkin"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!tooShort) submit.mutate(reference);
      }}
    >
      <h1 className="terminal-title">{t('checkIn.heading')}</h1>
      <p id="checkin-intro" className="terminal-text">
        {t('checkIn.intro')}
      </p>
      <label className="terminal-label" htmlFor="checkin-reference">
        {t('checkIn.reference')}
      </label>
      <input
        id="checkin-reference"
        ref={field}
        className="terminal-code terminal-reference"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby="checkin-intro"
        aria-invalid={tried && tooShort}
        value={reference}
        onChange={(e) => set(e.target.value)}
      />
      <div role="alert" className="terminal-alerts">
        {tried && tooShort && <p className="terminal-error">{t('checkIn.tooShort')}</p>}
        {submit.isError && <p className="terminal-error">{meetingError(t, submit.error)}</p>}
      </div>
      <ReferenceKeypad
        onKey={(k) => set(reference + k)}
        onBackspace={() => set(reference.slice(0, -1))}
        onClear={() => set('')}
        disabled={submit.isPending}
      />
      <div className="terminal-actions">
        <button type="button" className="terminal-secondary" onClick={onCancel}>
          {t('checkIn.cancel')}
        </button>
        <button type="submit" className="terminal-primary" disabled={submit.isPending}>
          {submit.isPending ? t('checkIn.checkingIn') : t('checkIn.submit')}
        </button>
      </div>
    </form>
  );
}
