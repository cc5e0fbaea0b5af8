import { useTranslation } from 'react-i18next';
import type { AgreementTask, AgreementTerms } from '../../../shared/agreements';
import { localized, useLanguage } from '../../localized';
import { useOrganisations, useServicePoints } from '../../queries';
import { formatDay, formatEuro, validity } from './format';

/** Organisation and service point names by id, in the UI language. */
export function useNames() {
  const { lang } = useLanguage();
  const orgs = useOrganisations().data ?? [];
  const points = useServicePoints().data ?? [];
  return {
    org: (id: string) => {
      const o = orgs.find((x) => x.id === id);
      return o ? localized(o.name, lang) : '';
    },
    point: (id: string) => {
      const p = points.find((x) => x.id === id);
      return p ? localized(p.name, lang) : '';
    },
  };
}

/** The delegated tasks as a short list ("None" when there are none). */
export function TaskList({ tasks }: { tasks: readonly AgreementTask[] }) {
  const { t } = useTranslation('agreements');
  if (tasks.length === 0) return <>{t('detail.noTasks')}</>;
  return (
    <ul className="agr-task-list">
      {tasks.map((task) => (
        <li key={task}>{t(`tasks.${task}`)}</li>
      ))}
    </ul>
  );
}

type Facts = Pick<AgreementTerms, 'contractorId' | 'servicePointIds' | 'payerId' | 'signedOn' | 'validFrom' | 'validUntil' | 'hourlyRateCents' | 'caps'>;

/** Contractor, points, payer, dates, rate and caps of one version (or of the agreement as it now stands). */
export function TermsFacts({ terms, children }: { terms: Facts; children?: React.ReactNode }) {
  const { t } = useTranslation('agreements');
  const { lang } = useLanguage();
  const names = useNames();
  return (
    <dl className="agr-dl">
      <dt>{t('detail.contractor')}</dt>
      <dd>{names.org(terms.contractorId)}</dd>
      <dt>{t('detail.servicePoints')}</dt>
      <dd>{terms.servicePointIds.map(names.point).join(', ')}</dd>
      <dt>{t('detail.payer')}</dt>
      <dd>{names.org(terms.payerId)}</dd>
      <dt>{t('detail.signedOn')}</dt>
      <dd>{terms.signedOn ? formatDay(terms.signedOn, lang) : t('detail.notSigned')}</dd>
      <dt>{t('detail.validity')}</dt>
      <dd>{validity(t, terms.validFrom, terms.validUntil, lang)}</dd>
      {children}
      <dt>{t('detail.hourlyRate')}</dt>
      <dd>{formatEuro(terms.hourlyRateCents, lang)}</dd>
      <dt>{t('detail.caps')}</dt>
      <dd>
        <ul className="agr-task-list">
          <li>{`${t('detail.capCommunication')}: ${formatEuro(terms.caps.communicationMaterialsCents, lang)}`}</li>
          <li>{`${t('detail.capRent')}: ${formatEuro(terms.caps.premisesRentCents, lang)}`}</li>
          <li>{`${t('detail.capWorks')}: ${formatEuro(terms.caps.premisesWorksCents, lang)}`}</li>
        </ul>
      </dd>
    </dl>
  );
}

/** One version's principals and the tasks each delegated in it. */
export function VersionPrincipals({ terms }: { terms: AgreementTerms }) {
  const { t } = useTranslation('agreements');
  const names = useNames();
  return (
    <table className="agr-table">
      <thead>
        <tr>
          <th scope="col">{t('detail.roles.principal')}</th>
          <th scope="col">{t('detail.delegated')}</th>
        </tr>
      </thead>
      <tbody>
        {terms.principals.map((p) => (
          <tr key={p.organisationId}>
            <th scope="row">{names.org(p.organisationId)}</th>
            <td>
              <TaskList tasks={p.tasks} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
