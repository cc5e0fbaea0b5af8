import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { StatusMessage } from '../../../components/Alerts';
import { IncidentForm } from '../../status/IncidentForm';
import '../../desk/assistance/assistance.css';
import '../../status/status.css';

type Props = { roomId: string; bookingId?: string };

/**
 * "Report a disruption" for an expert (or anyone allowed to report in the room): opens the incident form for this
 * room and meeting. The service point's advisors see it on their status board at once.
 */
export function IncidentReportButton({ roomId, bookingId }: Props) {
  const { t } = useTranslation('assistance');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div className="identity-incident">
      <StatusMessage message={done && !open ? t('incident.reportedExpert') : undefined} />
      {open ? (
        <IncidentForm
          rooms={[{ id: roomId, name: '' }]}
          bookingId={bookingId}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setDone(true);
          }}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('incident.report')}
        </Button>
      )}
    </div>
  );
}
