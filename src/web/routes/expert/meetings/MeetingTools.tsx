import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_OUTCOMES, type MeetingOutcome, type MeetingView } from '../../../../shared/meetings';
import { ErrorAlert, StatusMessage } from '../../../components/Alerts';
import { useLanguage } from '../../../localized';
import { meetingError } from '../../../meeting/meetingError';
import { type InterpreterLink, useBookingIncidents, useEnd, useExtend, useInterpreterLink, useInvitableExperts, useInvite } from './api';

const EXTEND_OPTIONS = [5, 10, 15];

/** More time, when the room, the expert and the interpreter are free after the booking (409 otherwise). */
export function ExtendMeeting({ view }: { view: MeetingView }) {
  const { t } = useTranslation('meeting');
  const { locale } = useLanguage();
  const extend = useExtend(view.id);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
  return (
    <section className="mt-tool" aria-labelledby="extend-heading">
      <h2 id="extend-heading">{t('extend.heading')}</h2>
      <p>{t('extend.until', { time: time.format(new Date(view.booking.endsAt)) })}</p>
      <div className="mt-row" role="group" aria-labelledby="extend-heading">
        {EXTEND_OPTIONS.map((m) => (
          <button key={m} type="button" className="meeting-button" disabled={extend.isPending} onClick={() => extend.mutate(m)}>
            {t('extend.by', { minutes: m })}
          </button>
        ))}
      </div>
      {extend.isError && <ErrorAlert>{meetingError(t, extend.error)}</ErrorAlert>}
      <StatusMessage message={extend.isSuccess ? t('extend.done', { time: time.format(new Date(extend.data.booking.endsAt)) }) : undefined} />
    </section>
  );
}

/** The interpreter's link and PIN. The PIN is shown only now: the server keeps its hash. */
export function InterpreterLinkTool({ view }: { view: MeetingView }) {
  const { t } = useTranslation('meeting');
  const { locale } = useLanguage();
  const create = useInterpreterLink(view.id);
  const [copied, setCopied] = useState<string>();
  const link: InterpreterLink | undefined = create.data;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
  const copy = (what: 'url' | 'pin', text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(undefined),
    );
  };
  return (
    <section className="mt-tool" aria-labelledby="interpreter-heading">
      <h2 id="interpreter-heading">{t('interpreter.heading')}</h2>
      {view.booking.interpretingLanguage && <p>{t('interpreter.language', { language: view.booking.interpretingLanguage })}</p>}
      {view.interpreterLink && !link && <p>{t('interpreter.exists', { from: time.format(new Date(view.interpreterLink.validFrom)), until: time.format(new Date(view.interpreterLink.validUntil)) })}</p>}
      {link && (
        <div className="mt-secret" role="status">
          <p>{t('interpreter.onlyNow')}</p>
          <dl>
            <dt>{t('interpreter.url')}</dt>
            <dd>
              <code className="mt-url" data-testid="interpreter-url">
                {link.url}
              </code>{' '}
              <button type="button" className="meeting-button" onClick={() => copy('url', link.url)}>
                {t('interpreter.copyUrl')}
              </button>
            </dd>
            <dt>{t('interpreter.pin')}</dt>
            <dd>
              <code className="mt-pin" data-testid="interpreter-pin">
                {link.pin}
              </code>{' '}
              <button type="button" className="meeting-button" onClick={() => copy('pin', link.pin)}>
                {t('interpreter.copyPin')}
              </button>
            </dd>
            <dt>{t('interpreter.valid')}</dt>
            <dd>
              {time.format(new Date(link.validFrom))}–{time.format(new Date(link.validUntil))}
            </dd>
          </dl>
          {copied && <p>{t(copied === 'url' ? 'interpreter.copiedUrl' : 'interpreter.copiedPin')}</p>}
        </div>
      )}
      <button type="button" className="meeting-button" disabled={create.isPending} onClick={() => create.mutate(undefined)}>
        {view.interpreterLink || link ? t('interpreter.replace') : t('interpreter.create')}
      </button>
      {create.isError && <ErrorAlert>{meetingError(t, create.error)}</ErrorAlert>}
    </section>
  );
}

/** Brings an expert of another agency into this meeting; they find it in their list of today's meetings. */
export function InviteExpert({ view }: { view: MeetingView }) {
  const { t } = useTranslation('meeting');
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const selectId = useId();
  const experts = useInvitableExperts(view.id, open);
  const invite = useInvite(view.id);
  return (
    <section className="mt-tool" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invite.heading')}</h2>
      {!open ? (
        <button type="button" className="meeting-button" onClick={() => setOpen(true)}>
          {t('invite.start')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (userId) invite.mutate(userId);
          }}
        >
          <label htmlFor={selectId}>{t('invite.expert')}</label>
          <div className="mt-row">
            <select id={selectId} className="mt-select" value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{experts.isPending ? t('invite.loading') : t('invite.choose')}</option>
              {experts.data?.map((x) => {
                const invited = view.participants.some((p) => p.userId === x.id);
                return (
                  <option key={x.id} value={x.id} disabled={invited}>
                    {invited ? t('invite.already', { name: x.name }) : x.name}
                  </option>
                );
              })}
            </select>
            <button type="submit" className="meeting-button meeting-button-primary" disabled={!userId || invite.isPending}>
              {t('invite.submit')}
            </button>
          </div>
        </form>
      )}
      <StatusMessage message={invite.isSuccess ? t('invite.done') : undefined} />
      {(invite.isError || experts.isError) && <ErrorAlert>{meetingError(t, invite.error ?? experts.error)}</ErrorAlert>}
    </section>
  );
}

/** Ends the meeting for everyone with an outcome; a disruption report of this meeting can be referred to. */
export function EndMeeting({ view, onEnded }: { view: MeetingView; onEnded(): void }) {
  const { t } = useTranslation('meeting');
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<MeetingOutcome | ''>('');
  const [incidentId, setIncidentId] = useState('');
  const [tried, setTried] = useState(false);
  const end = useEnd(view.id);
  const incidents = useBookingIncidents(view.servicePointId, view.bookingId, open);
  const { locale } = useLanguage();
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki' });
  const incidentSelect = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!outcome) return;
    end.mutate({ outcome, ...(incidentId ? { incidentId } : {}) }, { onSuccess: onEnded });
  };
  return (
    <section className="mt-tool mt-end" aria-labelledby="end-heading">
      <h2 id="end-heading">{t('end.heading')}</h2>
      {!open ? (
        <button type="button" className="meeting-button mt-danger" onClick={() => setOpen(true)}>
          {t('end.start')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <fieldset className="mt-fieldset" aria-invalid={tried && !outcome} aria-describedby={tried && !outcome ? 'end-missing' : undefined}>
            <legend>{t('end.outcome')}</legend>
            {MEETING_OUTCOMES.map((o) => (
              <label key={o} className="mt-radio">
                <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                {t(`outcome.${o}`)}
              </label>
            ))}
          </fieldset>
          {tried && !outcome && (
            <p id="end-missing" className="meeting-error" role="alert">
              {t('end.chooseOutcome')}
            </p>
          )}
          {incidents.data && incidents.data.length > 0 && (
            <p>
              <label htmlFor={incidentSelect}>{t('end.incident')}</label>
              <select id={incidentSelect} className="mt-select" value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
                <option value="">{t('end.noIncident')}</option>
                {incidents.data.map((i) => (
                  <option key={i.id} value={i.id}>
                    {time.format(new Date(i.reportedAt))} {i.description ?? i.category}
                  </option>
                ))}
              </select>
            </p>
          )}
          <div className="mt-row">
            <button type="submit" className="meeting-button mt-danger" disabled={end.isPending}>
              {t('end.submit')}
            </button>
            <button type="button" className="meeting-button" onClick={() => setOpen(false)}>
              {t('end.cancel')}
            </button>
          </div>
          {end.isError && <ErrorAlert>{meetingError(t, end.error)}</ErrorAlert>}
        </form>
      )}
    </section>
  );
}
