import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { ServicePointView } from '../../../../shared/directory';
import type { BookingView, SlotView } from '../../../../shared/scheduling';
import { ErrorAlert } from '../../../components/Alerts';
import { Loading } from '../../../components/Loading';
import { useLanguage } from '../../../localized';
import { BookingForm } from './BookingForm';
import { useCalendar } from './CalendarContext';
import { calendarError } from './calendarError';
import { type CustomerDraft, emptyDraft } from './customerDraft';
import { interpretingLanguageName } from './languages';
import { useAvailability, useServices } from './queries';
import { type ServiceChoice, ServiceChooser } from './ServiceChooser';
import { SlotPicker } from './SlotPicker';
import { type Ymd, formatDayShort, formatTimeRange, zonedParts } from './time';

/** The create flow's state, held by the page so it survives opening a booking and coming back. */
export type Planner = { choice: ServiceChoice; slot?: SlotView; draft: CustomerDraft; problem?: string };
export const newPlanner = (choice: ServiceChoice = {}, channel: CustomerDraft['channel'] = 'on-site'): Planner => ({ choice, draft: emptyDraft(channel) });

type Props = {
  planner: Planner;
  onPlanner(planner: Planner): void;
  /** The days whose free times are offered: the calendar's visible day or week. */
  days: Ymd[];
  fixedAgency?: boolean;
  points?: ServicePointView[];
  onCreated(booking: BookingView): void;
};

/** Choose what to book, pick a free time, enter the customer: the advisor's and the agency booker's create flow. */
export function NewBooking({ planner, onPlanner, days, fixedAgency, points, onCreated }: Props) {
  const { t } = useTranslation('calendar');
  const { locale } = useLanguage();
  const cal = useCalendar();
  const { choice, slot } = planner;
  const services = useServices(choice.agencyId);
  const service = services.data?.find((s) => s.id === choice.serviceId);
  const ready = choice.servicePointId && choice.agencyId && service;
  const availability = useAvailability(
    ready
      ? {
          servicePointId: choice.servicePointId!,
          agencyId: choice.agencyId!,
          serviceId: service.id,
          from: days[0]!,
          to: days[days.length - 1]!,
          interpretingLanguage: choice.interpretingLanguage,
        }
      : undefined,
  );
  const formRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (slot) formRef.current?.focus();
  }, [slot]);

  const update = (patch: Partial<Planner>) => onPlanner({ ...planner, ...patch });

  if (slot && service && ready) {
    const day = zonedParts(slot.start, cal.timeZone).date;
    const summary = (
      <dl className="cal-facts cal-facts-compact">
        <dt>{t('create.agency')}</dt>
        <dd>{cal.agencyName(choice.agencyId!)}</dd>
        <dt>{t('create.service')}</dt>
        <dd>{cal.serviceName(service.id) || service.name.fi}</dd>
        <dt>{t('detail.time')}</dt>
        <dd>
          {formatDayShort(day, locale)} {formatTimeRange(slot.start, slot.end, locale, cal.timeZone)}
        </dd>
        {choice.interpretingLanguage && (
          <>
            <dt>{t('interpreting.label')}</dt>
            <dd>{interpretingLanguageName(t, choice.interpretingLanguage, locale)}</dd>
          </>
        )}
      </dl>
    );
    return (
      <div>
        <h3 ref={formRef} tabIndex={-1} className="cal-subheading cal-focus-target">
          {t('create.customerHeading')}
        </h3>
        <BookingForm
          base={{ servicePointId: choice.servicePointId!, agencyId: choice.agencyId!, serviceId: service.id, start: slot.start, interpretingLanguage: choice.interpretingLanguage }}
          service={service}
          draft={planner.draft}
          onDraft={(draft) => update({ draft })}
          summary={summary}
          onCreated={onCreated}
          onSlotLost={(problem) => update({ slot: undefined, problem })}
          onChangeTime={() => update({ slot: undefined, problem: undefined })}
        />
      </div>
    );
  }

  return (
    <div className="cal-new">
      <ServiceChooser value={choice} onChange={(next) => update({ choice: next, slot: undefined, problem: undefined })} fixedAgency={fixedAgency} points={points} />
      {planner.problem && <ErrorAlert>{planner.problem}</ErrorAlert>}
      {!ready ? (
        <p className="cal-hint">{t('create.chooseFirst')}</p>
      ) : availability.isPending ? (
        <Loading />
      ) : availability.isError ? (
        <ErrorAlert>{calendarError(t, availability.error)}</ErrorAlert>
      ) : (
        <>
          <p className="cal-hint">{t('slots.intro')}</p>
          <SlotPicker slots={availability.data} days={days} timeZone={cal.timeZone} onPick={(s) => update({ slot: s, problem: undefined })} />
        </>
      )}
      {planner.draft.name && !slot && (
        <Button variant="secondaryNoBorder" onClick={() => update({ draft: emptyDraft(planner.draft.channel) })}>
          {t('create.clearDraft', { name: planner.draft.name })}
        </Button>
      )}
    </div>
  );
}
