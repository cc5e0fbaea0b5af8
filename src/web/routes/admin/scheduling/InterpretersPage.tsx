import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, Heading, RouterLink, Table } from 'suomifi-ui-components';
import { useTitle } from '../../../useTitle';
import { QueryState } from '../common/QueryState';
import { languageList } from './languages';
import { useInterpreters } from './useScheduling';

/** /admin/interpreters: the interpreters who can be booked for a meeting, with their languages. */
export function InterpretersPage() {
  const { t, i18n } = useTranslation('scheduling');
  const navigate = useNavigate();
  const interpreters = useInterpreters();
  useTitle(t('interpreters.title'));
  const columns = [
    { key: 'name', labelText: t('interpreters.name') },
    { key: 'provider', labelText: t('interpreters.provider') },
    { key: 'languages', labelText: t('interpreters.languages') },
    { key: 'status', labelText: t('interpreters.status') },
  ];
  return (
    <>
      <Heading variant="h1" id="sched-interpreters-h">
        {t('interpreters.title')}
      </Heading>
      <div className="admin-toolbar">
        <Button onClick={() => navigate('new')}>{t('interpreters.create')}</Button>
      </div>
      <QueryState query={interpreters}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('interpreters.empty')}</p>
          ) : (
            <Table
              aria-labelledby="sched-interpreters-h"
              columns={columns}
              data={[...list].sort((a, b) => a.name.localeCompare(b.name, i18n.language)).map((i) => ({
                id: i.id,
                name: (
                  <RouterLink asComponent={Link} to={i.id}>
                    {i.name}
                  </RouterLink>
                ),
                provider: i.provider,
                languages: languageList(t, i.languages),
                status: i.active ? t('status.active') : t('status.inactive'),
              }))}
            />
          )
        }
      </QueryState>
    </>
  );
}
