import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, RadioButton, RadioButtonGroup, Textarea } from 'suomifi-ui-components';
import { INCIDENT_CATEGORIES, incidentInput } from '../../../shared/assistance';
import type { IncidentView } from '../../../shared/assistance';
import { useReportIncident } from '../desk/assistance/api';
import { assistanceError } from '../desk/assistance/assistanceError';

type Category = (typeof INCIDENT_CATEGORIES)[number];

type Props = {
  /** The rooms to choose from; with one room there is no choice to make. */
  rooms: { id: string; name: string }[];
  bookingId?: string;
  onDone(incident: IncidentView): void;
  onCancel?: () => void;
};

/** A disruption in a room: what kind (a fixed list) and a short description that must not hold a personal identity code. */
export function IncidentForm({ rooms, bookingId, onDone, onCancel }: Props) {
  const { t } = useTranslation('assistance');
  const id = useId();
  const report = useReportIncident();
  const [roomId, setRoomId] = useState(rooms.length === 1 ? rooms[0]!.id : '');
  const [category, setCategory] = useState<Category | ''>('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Map<string, string>>(new Map());

  const submit = () => {
    const body = { roomId, category, ...(bookingId ? { bookingId } : {}), ...(description.trim() ? { description: description.trim() } : {}) };
    const parsed = incidentInput.safeParse(body);
    const found = new Map<string, string>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const code = (issue as { params?: { code?: string } }).params?.code;
        found.set(field, code === 'personal_id_forbidden' ? 'hetu' : issue.code === 'too_big' ? 'tooLong' : 'choose');
      }
    }
    setProblems(found);
    if (parsed.success) report.mutate(parsed.data, { onSuccess: onDone });
  };
  const problem = (field: string) => (problems.has(field) ? t(`incident.problems.${problems.get(field)!}`) : undefined);

  return (
    <form
      className="status-incident-form"
      noValidate
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={`${id}-h`} className="status-form-title">
        {t('incident.formHeading')}
      </h3>
      {rooms.length > 1 && (
        <Dropdown
          labelText={t('incident.room')}
          visualPlaceholder={t('incident.chooseRoom')}
          value={roomId}
          onChange={(v) => setRoomId(String(v))}
          status={problems.has('roomId') ? 'error' : 'default'}
          statusText={problem('roomId')}
        >
          {rooms.map((r) => (
            <DropdownItem key={r.id} value={r.id}>
              {r.name}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <RadioButtonGroup
        labelText={t('incident.category')}
        name={`${id}-category`}
        value={category}
        onChange={(v) => setCategory(v as Category)}
        groupStatus={problems.has('category') ? 'error' : 'default'}
        groupStatusText={problem('category')}
      >
        {INCIDENT_CATEGORIES.map((c) => (
          <RadioButton key={c} value={c}>
            {t(`incidentCategory.${c}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <Textarea
        labelText={t('incident.description')}
        optionalText={t('incident.optional')}
        hintText={t('incident.descriptionHint')}
        value={description}
        maxLength={500}
        onChange={(e) => setDescription(e.target.value)}
        status={problems.has('description') ? 'error' : 'default'}
        statusText={problem('description')}
        fullWidth
      />
      {report.isError && (
        <p className="assist-error" role="alert">
          {assistanceError(t, report.error)}
        </p>
      )}
      <div className="assist-actions">
        <Button type="submit" disabled={report.isPending}>
          {t('incident.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('incident.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
