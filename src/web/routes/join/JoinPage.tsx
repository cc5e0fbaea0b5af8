import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicFooter } from '../../components/PublicFooter';
import { setLanguage } from '../../i18n/index';
import { LANGUAGES, LOCALES } from '../../i18n/languages';
import { localized, useLanguage } from '../../localized';
import { meetingError } from '../../meeting/meetingError';
import { useTitle } from '../../useTitle';
import { type JoinInfo, fetchJoinInfo, guestToken, joinWithPin } from './joinApi';
import { InterpreterMeeting } from './InterpreterMeeting';
import '../../meeting/ui/meeting.css';
import './join.css';

const NAMES = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;

/** /join/:code — the interpreter's way in: no account, the meeting's link and a 6-digit PIN, only around its time. */
export function JoinPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['meeting', 'common']);
  const { lang } = useLanguage();
  const [joined, setJoined] = useState(() => guestToken.get(code));
  const [left, setLeft] = useState<'left' | 'denied' | 'ended'>();
  useTitle(t('join.title'));

  return (
    <div className="join">
      <header className="join-bar">
        <span className="join-app">{t('common:appName')}</span>
        <div className="join-languages" role="group" aria-label={t('join.language')}>
          {LANGUAGES.map((l) => (
            <button key={l} type="button" lang={l} className="meeting-button" aria-pressed={l === lang} onClick={() => setLanguage(l)}>
              {NAMES[l]}
            </button>
          ))}
        </div>
      </header>
      <main id="main" className="join-main">
        {joined ? (
          <InterpreterMeeting
            meetingId={joined.meetingId}
            token={joined.token}
            onLeave={(why) => {
              guestToken.clear(code);
              setJoined(undefined);
              setLeft(why);
            }}
          />
        ) : left === 'ended' || left === 'denied' ? (
          // Over for this link: the meeting ended, or the link was replaced or ran out (its code may be gone too).
          <section className="join-card">
            <h1>{t('join.title')}</h1>
            <p role="status" className="meeting-phase" data-phase={left}>
              {t(left === 'ended' ? 'phase.ended' : 'join.denied')}
            </p>
          </section>
        ) : (
          <JoinForm
            code={code}
            notice={left === 'left' ? t('join.youLeft') : undefined}
            onJoined={(value) => {
              guestToken.set(code, value);
              setLeft(undefined);
              setJoined(value);
            }}
          />
        )}
      </main>
      {!joined && <PublicFooter />}
    </div>
  );
}

function JoinForm({ code, notice, onJoined }: { code: string; notice?: string; onJoined(value: { token: string; meetingId: string }): void }) {
  const { t } = useTranslation(['meeting', 'common']);
  const { lang } = useLanguage();
  const pinId = useId();
  const [pin, setPin] = useState('');
  const [tried, setTried] = useState(false);
  const info = useQuery({ queryKey: ['join', code], queryFn: () => fetchJoinInfo(code), retry: false, refetchInterval: 30_000 });
  const join = useMutation({
    mutationFn: () => joinWithPin(code, pin),
    onSuccess: (r) => onJoined({ token: r.guestToken, meetingId: r.meetingId }),
    onError: () => void info.refetch(),
  });
  const valid = /^\d{6}$/.test(pin);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (valid) join.mutate();
  };
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
  const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'full', timeZone: 'Europe/Helsinki' });

  if (info.isPending) return <p role="status">{t('common:loading')}</p>;
  if (info.isError)
    return (
      <section className="join-card">
        <h1>{t('join.title')}</h1>
        <p role="alert" className="meeting-error">
          {meetingError(t, info.error)}
        </p>
      </section>
    );
  const data: JoinInfo = info.data;
  return (
    <section className="join-card">
      <h1>{t('join.title')}</h1>
      {notice && (
        <p role="status" className="meeting-phase">
          {notice}
        </p>
      )}
      <dl className="join-facts">
        <dt>{t('join.agency')}</dt>
        <dd>{localized(data.agency, lang)}</dd>
        <dt>{t('join.time')}</dt>
        <dd>
          {date.format(new Date(data.startsAt))} {time.format(new Date(data.startsAt))}–{time.format(new Date(data.endsAt))}
        </dd>
      </dl>
      {data.status === 'open' ? (
        <form onSubmit={submit} noValidate className="join-form">
          <label htmlFor={pinId}>{t('join.pin')}</label>
          <p id={`${pinId}-hint`} className="join-hint">
            {t('join.pinHint')}
          </p>
          <input
            id={pinId}
            className="join-pin"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={pin}
            aria-describedby={`${pinId}-hint`}
            aria-invalid={tried && !valid}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
          />
          <div role="alert">
            {tried && !valid && <p className="meeting-error">{t('join.pinFormat')}</p>}
            {join.isError && <p className="meeting-error">{meetingError(t, join.error)}</p>}
          </div>
          <button type="submit" className="meeting-button meeting-button-primary" disabled={join.isPending}>
            {t('join.submit')}
          </button>
        </form>
      ) : (
        <p role="status" className="meeting-phase" data-status={data.status}>
          {t(`join.status.${data.status}`, { from: time.format(new Date(data.validFrom)), until: time.format(new Date(data.validUntil)) })}
        </p>
      )}
    </section>
  );
}
