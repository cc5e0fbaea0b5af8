import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PublicBookingCreated } from '../../../shared/public-booking';
import { useLanguage } from '../../localized';
import { BookingFacts, type Facts } from './BookingFacts';
import { type Choice, ChooseService, OTHER, interpretingOf } from './ChooseService';
import { BookingDone } from './BookingDone';
import { type Contact, type ContactProblems, ContactForm, checkContact } from './ContactForm';
import { bookingError, nextTimesOf } from './format';
import { publicApi } from './publicApi';
import { SlotPicker } from './SlotPicker';

type Step = 'choose' | 'time' | 'contact' | 'confirm';
const STEPS: Step[] = ['choose', 'time', 'contact', 'confirm'];

/** The customer's booking, one step at a time; each step's heading takes the focus, so a screen reader follows. */
export function BookingFlow() {
  const { t } = useTranslation('publicBooking');
  const { lang } = useLanguage();
  const [params] = useSearchParams();
  const points = useQuery({ queryKey: ['public-points'], queryFn: publicApi.servicePoints });
  const [choice, setChoice] = useState<Choice>({ servicePointId: params.get('servicePointId') ?? '', agencyId: '', serviceId: '', language: lang, interpreting: '', otherLanguage: '' });
  const pointId = choice.servicePointId || points.data?.[0]?.id || '';
  const services = useQuery({ queryKey: ['public-services', pointId], queryFn: () => publicApi.services(pointId), enabled: !!pointId });
  const [step, setStep] = useState<Step>('choose');
  const [start, setStart] = useState<string>();
  const [contact, setContact] = useState<Contact>({ name: '', phone: '', email: '' });
  const [problems, setProblems] = useState<ContactProblems>({});
  const [stepError, setStepError] = useState<string>();
  const [suggested, setSuggested] = useState<string[]>([]);
  const [done, setDone] = useState<{ created: PublicBookingCreated; facts: Facts }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [step, done]);

  const point = points.data?.find((p) => p.id === pointId);
  const service = services.data?.find((s) => s.id === choice.serviceId);
  const interpretingLanguage = interpretingOf(choice);
  const otherInvalid = choice.interpreting === OTHER && !/^[a-z]{2,3}$/.test(choice.otherLanguage);
  const book = useMutation({ mutationFn: publicApi.book });

  if (done) return <BookingDone created={done.created} facts={done.facts} headingRef={heading} onAnother={() => { setDone(undefined); setStep('choose'); setStart(undefined); }} />;
  if (points.isPending || (pointId && services.isPending)) return <p role="status">…</p>;
  if (!point) return <p role="alert">{bookingError(t, points.error)}</p>;

  const facts: Facts | undefined =
    service && start
      ? { agencyName: service.agencyName, serviceName: service.name, start, end: new Date(Date.parse(start) + service.durationMinutes * 60_000).toISOString(), point, language: choice.language, interpretingLanguage }
      : undefined;
  const go = (next: Step) => {
    setStepError(undefined);
    setStep(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step === 'choose') {
      if (!service || otherInvalid || !service.languages.includes(choice.language)) return setStepError(t('validation.required'));
      return go('time');
    }
    if (step === 'time') return start ? go('contact') : setStepError(t('validation.time'));
    if (step === 'contact') {
      const checked = checkContact(contact);
      setProblems(checked.problems);
      return checked.customer ? go('confirm') : undefined;
    }
    const { customer } = checkContact(contact);
    if (!service || !start || !customer) return;
    book.mutate(
      { servicePointId: point.id, agencyId: service.agencyId, serviceId: service.id, start, customer, language: choice.language, ...(interpretingLanguage ? { interpretingLanguage } : {}) },
      {
        onSuccess: (created) => setDone({ created, facts: { ...facts!, start: created.start, end: created.end, reference: created.reference } }),
        onError: (error) => {
          const next = nextTimesOf(error);
          if (next.length || (error as { status?: number }).status === 409) {
            setSuggested(next);
            setStart(undefined);
            setStep('time');
          }
          setStepError(bookingError(t, error));
        },
      },
    );
  };

  const index = STEPS.indexOf(step);
  return (
    <form className="pb-card" onSubmit={submit} noValidate>
      <p className="pb-muted">{t('stepOf', { step: index + 1 })}</p>
      <h2 ref={heading} tabIndex={-1}>
        {t(`steps.${step}`)}
      </h2>
      {step === 'choose' &&
        (services.data?.length ? (
          <ChooseService points={points.data!} services={services.data} value={{ ...choice, servicePointId: pointId }} onChange={setChoice} otherInvalid={otherInvalid} />
        ) : (
          <p role="status">{t('noServices', { phone: point.phone })}</p>
        ))}
      {step === 'time' && service && (
        <SlotPicker
          ask={{ servicePointId: point.id, agencyId: service.agencyId, serviceId: service.id, interpretingLanguage }}
          days={service.horizonDays}
          tz={point.timeZone}
          phone={point.phone}
          value={start}
          onChange={setStart}
          suggested={suggested}
        />
      )}
      {step === 'contact' && <ContactForm value={contact} onChange={setContact} problems={problems} />}
      {step === 'confirm' && facts && (
        <>
          <BookingFacts facts={facts} />
          <dl className="pb-facts">
            <div>
              <dt>{t('summary.name')}</dt>
              <dd>{contact.name}</dd>
            </div>
            <div>
              <dt>{t('summary.contact')}</dt>
              <dd>{[contact.phone, contact.email].filter(Boolean).join(', ')}</dd>
            </div>
          </dl>
        </>
      )}
      {stepError && (
        <p className="pb-error" role="alert">
          {stepError}
        </p>
      )}
      <div className="pb-actions">
        <button type="submit" className="pb-button" disabled={book.isPending}>
          {step === 'confirm' ? (book.isPending ? t('booking') : t('confirm')) : t('next')}
        </button>
        {index > 0 && (
          <button type="button" className="pb-button pb-secondary" onClick={() => go(STEPS[index - 1]!)}>
            {t('back')}
          </button>
        )}
      </div>
    </form>
  );
}
