import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_TASKS, type AgreementTask } from '../../../shared/agreements';
import type { OrganisationView, ServicePointView } from '../../../shared/directory';
import { localized, useLanguage } from '../../localized';
import type { TermsDraft } from './termsDraft';

type Props = {
  value: TermsDraft;
  onChange(value: TermsDraft): void;
  organisations: OrganisationView[];
  servicePoints: ServicePointView[];
  /** Fields to mark invalid (after a failed submit). */
  invalid: ReadonlySet<keyof TermsDraft>;
  /** An amendment cannot change the contractor. */
  contractorFixed?: boolean;
};

/** Every term of an agreement: the parties and their tasks, the dates, the rate and the caps (a new agreement and an amendment). */
export function TermsFields({ value, onChange, organisations, servicePoints, invalid, contractorFixed }: Props) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const id = useId();
  const set = <K extends keyof TermsDraft>(key: K, v: TermsDraft[K]) => onChange({ ...value, [key]: v });
  const contractors = organisations.filter((o) => o.kind === 'contractor');
  const principals = organisations.filter((o) => o.kind === 'principal');
  const payers = organisations.filter((o) => o.kind === 'ministry');
  const points = servicePoints.filter((p) => p.organisationId === value.contractorId);
  const bad = (k: keyof TermsDraft) => invalid.has(k) || undefined;

  const toggleTask = (orgId: string, task: AgreementTask, on: boolean) => {
    const current = value.principals[orgId] ?? { party: true, tasks: [] };
    const tasks = AGREEMENT_TASKS.filter((x) => (x === task ? on : current.tasks.includes(x)));
    set('principals', { ...value.principals, [orgId]: { ...current, tasks } });
  };

  const text = (key: keyof TermsDraft, label: string, opts: { type?: string; hint?: string; inputMode?: 'decimal' } = {}) => (
    <div className="agr-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={opts.type ?? 'text'}
        inputMode={opts.inputMode}
        autoComplete="off"
        value={value[key] as string}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={bad(key)}
        aria-describedby={opts.hint ? `${id}-${key}-hint` : undefined}
      />
      {opts.hint && (
        <span id={`${id}-${key}-hint`} className="agr-hint">
          {opts.hint}
        </span>
      )}
    </div>
  );

  return (
    <>
      {text('title', t('form.title'))}
      <div className="agr-field">
        <label htmlFor={`${id}-contractor`}>{t('form.contractor')}</label>
        <select
          id={`${id}-contractor`}
          value={value.contractorId}
          disabled={contractorFixed}
          aria-invalid={bad('contractorId')}
          onChange={(e) => onChange({ ...value, contractorId: e.target.value, servicePointIds: [] })}
        >
          <option value="">{t('form.choose')}</option>
          {contractors.map((o) => (
            <option key={o.id} value={o.id}>
              {localized(o.name, lang)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="agr-fieldset">
        <legend>{t('form.servicePoints')}</legend>
        {!value.contractorId ? (
          <p>{t('form.chooseContractorFirst')}</p>
        ) : points.length === 0 ? (
          <p>{t('form.noPoints')}</p>
        ) : (
          points.map((p) => (
            <label key={p.id} className="agr-check">
              <input
                type="checkbox"
                checked={value.servicePointIds.includes(p.id)}
                onChange={(e) => set('servicePointIds', e.target.checked ? [...value.servicePointIds, p.id] : value.servicePointIds.filter((x) => x !== p.id))}
              />
              {localized(p.name, lang)}
            </label>
          ))
        )}
      </fieldset>
      <fieldset className="agr-fieldset">
        <legend>{t('form.principals')}</legend>
        {principals.map((o) => {
          const name = localized(o.name, lang);
          const p = value.principals[o.id];
          return (
            <div key={o.id} className="agr-principal">
              <label className="agr-check agr-party">
                <input
                  type="checkbox"
                  checked={!!p?.party}
                  onChange={(e) => set('principals', { ...value.principals, [o.id]: { party: e.target.checked, tasks: p?.tasks ?? [...AGREEMENT_TASKS] } })}
                />
                {t('form.isParty', { name })}
              </label>
              {p?.party && (
                <fieldset className="agr-tasks">
                  <legend className="agr-visually-hidden">{t('form.tasksOf', { name })}</legend>
                  {AGREEMENT_TASKS.map((task) => (
                    <label key={task} className="agr-check">
                      <input type="checkbox" checked={p.tasks.includes(task)} onChange={(e) => toggleTask(o.id, task, e.target.checked)} />
                      {t(`tasks.${task}`)}
                    </label>
                  ))}
                </fieldset>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="agr-field">
        <label htmlFor={`${id}-payer`}>{t('form.payer')}</label>
        <select id={`${id}-payer`} value={value.payerId} aria-invalid={bad('payerId')} onChange={(e) => set('payerId', e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {payers.map((o) => (
            <option key={o.id} value={o.id}>
              {localized(o.name, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="agr-row">
        {text('signedOn', t('form.signedOn'), { type: 'date' })}
        {text('validFrom', t('form.validFrom'), { type: 'date' })}
        {text('validUntil', t('form.validUntil'), { type: 'date', hint: t('form.validUntilHint') })}
      </div>
      <fieldset className="agr-fieldset">
        <legend>{t('form.money')}</legend>
        <div className="agr-grid2">
          {text('hourlyRate', t('form.hourlyRate'), { inputMode: 'decimal', hint: t('form.euroHint') })}
          {text('capCommunication', t('form.capCommunication'), { inputMode: 'decimal' })}
          {text('capRent', t('form.capRent'), { inputMode: 'decimal' })}
          {text('capWorks', t('form.capWorks'), { inputMode: 'decimal' })}
        </div>
      </fieldset>
    </>
  );
}
