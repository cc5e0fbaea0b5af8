import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { useTitle } from '../../../useTitle';
import { type Delegations, useDelegations, useSetDelegations } from '../../desk/assistance/api';
import { assistanceError } from '../../desk/assistance/assistanceError';
import { localized } from '../common/format';
import { QueryState } from '../common/QueryState';
import { useServicePoints } from '../common/useDirectory';
import { PointPicker } from './PointPicker';

/** Which agencies let the service point's advisors verify their customers' identity (agreement §3 task 1). */
export function DelegationsPage() {
  const { t } = useTranslation('assistance');
  const points = useServicePoints();
  const [chosen, setChosen] = useState<string>();
  useTitle(t('admin.delegationsTitle'));
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('admin.delegationsTitle')}
      </Heading>
      <Paragraph mb="m">{t('admin.delegationsIntro')}</Paragraph>
      <QueryState query={points}>
        {(all) => {
          const active = all.filter((p) => p.active);
          const point = active.find((p) => p.id === chosen) ?? active[0];
          if (!point) return <p>{t('admin.noPoints')}</p>;
          return (
            <>
              <PointPicker points={active} value={point.id} onChange={setChosen} />
              <PointDelegations key={point.id} pointId={point.id} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function PointDelegations({ pointId }: { pointId: string }) {
  const delegations = useDelegations(pointId);
  return <QueryState query={delegations}>{(d) => <DelegationsForm data={d} />}</QueryState>;
}

function DelegationsForm({ data }: { data: Delegations }) {
  const { t, i18n } = useTranslation('assistance');
  const save = useSetDelegations(data.servicePointId);
  const [draft, setDraft] = useState(() => new Map(data.agencies.map((a) => [a.agencyId, a.identityChecks])));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(new Map(data.agencies.map((a) => [a.agencyId, a.identityChecks]))), [data]);
  if (data.agencies.length === 0) return <p>{t('admin.noAgencies')}</p>;
  return (
    <form
      className="admin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate(
          [...draft].map(([agencyId, identityChecks]) => ({ agencyId, identityChecks })),
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <fieldset className="admin-fieldset">
        <legend>{t('admin.delegatesChecks')}</legend>
        {data.agencies.map((a) => (
          <Checkbox
            key={a.agencyId}
            checked={draft.get(a.agencyId) ?? false}
            onClick={({ checkboxState }) => {
              setSaved(false);
              setDraft((d) => new Map(d).set(a.agencyId, checkboxState));
            }}
          >
            {localized(a.agencyName, i18n.language)}
          </Checkbox>
        ))}
      </fieldset>
      {save.isError && <InlineAlert status="error">{assistanceError(t, save.error)}</InlineAlert>}
      <p role="status" className="admin-status">
        {saved ? t('admin.delegationsSaved') : ''}
      </p>
      <div className="admin-form-actions">
        <Button type="submit" disabled={save.isPending}>
          {t('admin.save')}
        </Button>
      </div>
    </form>
  );
}
