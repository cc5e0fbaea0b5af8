import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button, Checkbox, CheckboxGroup, Heading, InlineAlert, RouterLink, TextInput } from 'suomifi-ui-components';
import type { ServiceView } from '../../../../shared/scheduling';
import { useTitle } from '../../../useTitle';
import { localized } from '../common/format';
import { LocalizedTextFields } from '../common/LocalizedTextFields';
import { QueryState } from '../common/QueryState';
import { AgencyPicker } from './AgencyPicker';
import { SERVICE_LANGUAGES, languageLabel } from './languages';
import { schedulingError } from './schedulingError';
import { type ServiceDraft, checkService, draftFromService, emptyServiceDraft } from './serviceDraft';
import { useManagedAgencies } from './useAgencies';
import { useCreateService, useServices, useUpdateService } from './useScheduling';

function BackLink() {
  const { t } = useTranslation('scheduling');
  return (
    <p>
      <RouterLink asComponent={Link} to="/admin/services">
        {t('services.back')}
      </RouterLink>
    </p>
  );
}

/** /admin/services/new: a new service of an agency the user manages. */
export function ServiceNewPage() {
  const { t } = useTranslation('scheduling');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { agencies, pending } = useManagedAgencies();
  const create = useCreateService();
  useTitle(t('services.createTitle'));
  const preset = params.get('agencyId');
  const agencyId = agencies.find((a) => a.id === preset)?.id ?? (agencies.length === 1 ? agencies[0]!.id : '');
  return (
    <>
      <BackLink />
      <Heading variant="h1">{t('services.createTitle')}</Heading>
      {!pending && (
        <ServiceForm
          initial={emptyServiceDraft(agencyId)}
          chooseAgency
          submitLabel={t('services.submitCreate')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body, { onSuccess: (s) => navigate(`/admin/services?agencyId=${s.agencyId}`) })}
        />
      )}
    </>
  );
}

/** /admin/services/:id: names, duration, languages, interpreting and whether the service is in use. */
export function ServiceEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('scheduling');
  const services = useServices();
  const { agencies } = useManagedAgencies();
  return (
    <>
      <BackLink />
      <QueryState query={services}>
        {(list) => {
          const service = list.find((s) => s.id === id && agencies.some((a) => a.id === s.agencyId));
          return service ? <ServiceEdit key={service.id} service={service} /> : <p>{t('services.notFound')}</p>;
        }}
      </QueryState>
    </>
  );
}

function ServiceEdit({ service }: { service: ServiceView }) {
  const { t, i18n } = useTranslation('scheduling');
  const update = useUpdateService(service.id);
  const title = localized(service.name, i18n.language);
  useTitle(title);
  return (
    <>
      <Heading variant="h1">{title}</Heading>
      <ServiceForm
        initial={draftFromService(service)}
        editing
        submitLabel={t('save')}
        pending={update.isPending}
        error={update.error}
        saved={update.isSuccess}
        onEdit={() => (update.isSuccess || update.isError) && update.reset()}
        onSubmit={({ agencyId: _fixed, ...body }, active) => update.mutate({ ...body, active })}
      />
    </>
  );
}

type FormProps = {
  initial: ServiceDraft;
  chooseAgency?: boolean;
  editing?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved?: boolean;
  onSubmit(body: ReturnType<typeof checkService>['body'], active: boolean): void;
  onEdit?(): void;
};

function ServiceForm({ initial, chooseAgency, editing, submitLabel, pending, error, saved, onSubmit, onEdit }: FormProps) {
  const { t, i18n } = useTranslation(['scheduling', 'admin']);
  const { agencies } = useManagedAgencies();
  const [draft, setDraft] = useState(initial);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const set = (patch: Partial<ServiceDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    onEdit?.();
  };
  const agencyName = localized(agencies.find((a) => a.id === draft.agencyId)?.name, i18n.language);
  const badLanguages = invalid.has('languages');
  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { body, invalid: found } = checkService(draft);
        setInvalid(found);
        if (found.size === 0) onSubmit(body, draft.active);
      }}
    >
      {chooseAgency && agencies.length > 1 ? (
        <AgencyPicker
          label={t('services.agency')}
          agencies={agencies}
          value={draft.agencyId || undefined}
          onChange={(agencyId) => set({ agencyId })}
          error={invalid.has('agencyId') ? t('admin:validation.chooseOne') : undefined}
        />
      ) : (
        <dl className="admin-dl">
          <dt>{t('services.agency')}</dt>
          <dd>{agencyName}</dd>
        </dl>
      )}
      <LocalizedTextFields legend={t('services.name')} value={draft.name} onChange={(name) => set({ name })} invalid={(l) => invalid.has(`name.${l}`)} />
      <TextInput
        labelText={t('services.durationLabel')}
        hintText={t('services.durationHint')}
        inputMode="numeric"
        value={draft.duration}
        onChange={(v) => set({ duration: String(v ?? '') })}
        status={invalid.has('durationMinutes') ? 'error' : 'default'}
        statusText={invalid.has('durationMinutes') ? t('validation.duration') : undefined}
      />
      <CheckboxGroup
        labelText={t('services.languagesLegend')}
        groupHintText={t('services.languagesHint')}
        groupStatus={badLanguages ? 'error' : 'default'}
        groupStatusText={badLanguages ? t('validation.languages') : undefined}
      >
        {SERVICE_LANGUAGES.map((code) => (
          <Checkbox
            key={code}
            checked={draft.languages.includes(code)}
            onClick={({ checkboxState }) => set({ languages: checkboxState ? [...draft.languages, code] : draft.languages.filter((l) => l !== code) })}
          >
            {languageLabel(t, code)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <TextInput
        labelText={t('services.otherLanguages')}
        optionalText={t('optional')}
        hintText={t('languages.codesHint')}
        value={draft.otherLanguages}
        onChange={(v) => set({ otherLanguages: String(v ?? '') })}
        status={invalid.has('otherLanguages') ? 'error' : 'default'}
        statusText={invalid.has('otherLanguages') ? t('validation.codes') : undefined}
      />
      <Checkbox checked={draft.interpretingPossible} hintText={t('services.interpretingHint')} onClick={({ checkboxState }) => set({ interpretingPossible: checkboxState })}>
        {t('services.interpretingLabel')}
      </Checkbox>
      <Checkbox checked={draft.onlineBooking} hintText={t('services.onlineHint')} onClick={({ checkboxState }) => set({ onlineBooking: checkboxState })}>
        {t('services.onlineLabel')}
      </Checkbox>
      {draft.onlineBooking && (
        <>
          <TextInput
            labelText={t('services.onlineNotice')}
            hintText={t('services.onlineNoticeHint')}
            inputMode="numeric"
            value={draft.onlineNoticeHours}
            onChange={(v) => set({ onlineNoticeHours: String(v ?? '') })}
            status={invalid.has('onlineNoticeMinutes') ? 'error' : 'default'}
            statusText={invalid.has('onlineNoticeMinutes') ? t('validation.notice') : undefined}
          />
          <TextInput
            labelText={t('services.onlineHorizon')}
            hintText={t('services.onlineHorizonHint')}
            inputMode="numeric"
            value={draft.onlineHorizonDays}
            onChange={(v) => set({ onlineHorizonDays: String(v ?? '') })}
            status={invalid.has('onlineHorizonDays') ? 'error' : 'default'}
            statusText={invalid.has('onlineHorizonDays') ? t('validation.horizon') : undefined}
          />
        </>
      )}
      {editing && (
        <Checkbox checked={draft.active} hintText={t('services.activeHint')} onClick={({ checkboxState }) => set({ active: checkboxState })}>
          {t('services.activeLabel')}
        </Checkbox>
      )}
      {!!error && <InlineAlert status="error">{schedulingError(t, error)}</InlineAlert>}
      <div className="admin-form-actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <p role="status" className="admin-status">
          {saved ? t('admin:saved') : ''}
        </p>
      </div>
    </form>
  );
}
