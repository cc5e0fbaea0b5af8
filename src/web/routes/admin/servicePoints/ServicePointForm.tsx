import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, InlineAlert, TextInput } from 'suomifi-ui-components';
import { servicePointInput } from '../../../../shared/directory';
import { adminError } from '../common/adminError';
import { localized } from '../common/format';
import { LocalizedTextFields } from '../common/LocalizedTextFields';
import { useOrganisations } from '../common/useDirectory';
import { hasPrefix, invalidPaths } from '../common/validation';
import { type ServicePointDraft, bodyOf, invalidDays } from './draft';
import { OpeningHoursFields } from './OpeningHoursFields';

type Body = ReturnType<typeof bodyOf>;
type Props = {
  initial: ServicePointDraft;
  /** Only a new point chooses its organisation (the contractor that runs it). */
  chooseOrganisation?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved?: boolean;
  onSubmit(body: Body): void;
  onEdit?(): void;
};

/** Address, contact details, time zone and weekly opening hours of a service point. */
export function ServicePointForm({ initial, chooseOrganisation, submitLabel, pending, error, saved, onSubmit, onEdit }: Props) {
  const { t, i18n } = useTranslation('admin');
  const orgs = useOrganisations();
  const [draft, setDraft] = useState(initial);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [badDays, setBadDays] = useState<Set<number>>(new Set());
  const set = (patch: Partial<ServicePointDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    onEdit?.();
  };
  const field = (key: 'postalCode' | 'phone' | 'timeZone', messageKey: string) => ({
    value: draft[key],
    onChange: (v: string | number | undefined) => set({ [key]: String(v ?? '') }),
    status: invalid.has(key) ? ('error' as const) : ('default' as const),
    statusText: invalid.has(key) ? t(messageKey) : undefined,
  });

  const submit = () => {
    const days = invalidDays(draft.week);
    const body = bodyOf(draft);
    const parsed = servicePointInput.safeParse(body);
    setBadDays(days);
    setInvalid(invalidPaths(parsed));
    if (parsed.success && days.size === 0) onSubmit(body);
  };

  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {chooseOrganisation && (
        <Dropdown
          labelText={t('servicePoints.organisation')}
          hintText={t('servicePoints.organisationHint')}
          visualPlaceholder={t('createUser.chooseOrganisation')}
          value={draft.organisationId || null}
          onChange={(organisationId) => set({ organisationId })}
          status={invalid.has('organisationId') ? 'error' : 'default'}
          statusText={invalid.has('organisationId') ? t('validation.chooseOne') : undefined}
        >
          {(orgs.data ?? [])
            .filter((o) => o.kind === 'contractor')
            .map((o) => (
              <DropdownItem key={o.id} value={o.id}>
                {localized(o.name, i18n.language)}
              </DropdownItem>
            ))}
        </Dropdown>
      )}
      <LocalizedTextFields legend={t('servicePoints.name')} value={draft.name} onChange={(name) => set({ name })} invalid={(l) => invalid.has(`name.${l}`)} />
      <LocalizedTextFields
        legend={t('servicePoints.streetAddress')}
        hint={t('servicePoints.streetAddressHint')}
        value={draft.streetAddress}
        onChange={(streetAddress) => set({ streetAddress })}
        invalid={(l) => invalid.has(`streetAddress.${l}`)}
      />
      <TextInput labelText={t('servicePoints.postalCode')} inputMode="numeric" {...field('postalCode', 'validation.postalCode')} />
      <LocalizedTextFields legend={t('servicePoints.city')} value={draft.city} onChange={(city) => set({ city })} invalid={(l) => invalid.has(`city.${l}`)} />
      <TextInput labelText={t('servicePoints.phone')} type="tel" {...field('phone', 'validation.phone')} />
      <TextInput labelText={t('servicePoints.timeZone')} hintText={t('servicePoints.timeZoneHint')} {...field('timeZone', 'validation.timeZone')} />
      <OpeningHoursFields week={draft.week} onChange={(week) => set({ week })} invalid={badDays} />
      {hasPrefix(invalid, 'openingHours') && badDays.size === 0 && <InlineAlert status="error">{t('validation.hoursOverlap')}</InlineAlert>}
      {!!error && <InlineAlert status="error">{adminError(t, error)}</InlineAlert>}
      <div className="admin-form-actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        <p role="status" className="admin-status">
          {saved ? t('saved') : ''}
        </p>
      </div>
    </form>
  );
}
