import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textarea } from 'suomifi-ui-components';
import { TEXT_LIMITS, cancelBookingRequest } from '../../../../shared/scheduling';
import { ErrorAlert } from '../../../components/Alerts';
import { calendarError } from './calendarError';
import { useCancelBooking } from './queries';

/** Cancelling needs a reason (never a personal identity code); the customer is told by their own channels. */
export function CancelBooking({ bookingId, onDone, onCancel }: { bookingId: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('calendar');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'required' | 'noHetu' | 'tooLong'>();
  const cancel = useCancelBooking(bookingId);
  return (
    <form
      className="cal-action-panel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = cancelBookingRequest.safeParse({ reason });
        if (!parsed.success) {
          const issue = parsed.error.issues[0] as { code: string; params?: { code?: string } } | undefined;
          setProblem(issue?.params?.code === 'personal_id_forbidden' ? 'noHetu' : issue?.code === 'too_big' ? 'tooLong' : 'required');
          return;
        }
        setProblem(undefined);
        cancel.mutate(parsed.data.reason, { onSuccess: onDone });
      }}
    >
      <Textarea
        labelText={t('cancel.reason')}
        hintText={t('cancel.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        status={problem ? 'error' : 'default'}
        statusText={problem ? t(`validation.${problem}`, { max: TEXT_LIMITS.cancelReason }) : undefined}
        fullWidth
      />
      {cancel.isError && <ErrorAlert>{calendarError(t, cancel.error)}</ErrorAlert>}
      <div className="cal-form-actions">
        <Button type="submit" disabled={cancel.isPending}>
          {t('cancel.confirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('actions.back')}
        </Button>
      </div>
    </form>
  );
}
