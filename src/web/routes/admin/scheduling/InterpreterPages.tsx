import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button, Heading, InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import { useTitle } from '../../../useTitle';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryState } from '../common/QueryState';
import { InterpreterForm, draftFromInterpreter, emptyInterpreterDraft } from './InterpreterForm';
import { schedulingError } from './schedulingError';
import { type InterpreterView, useCreateInterpreter, useInterpreters, useUpdateInterpreter } from './useScheduling';
import { WorkingHoursForm } from './WorkingHoursForm';

function BackLink() {
  const { t } = useTranslation('scheduling');
  return (
    <p>
      <RouterLink asComponent={Link} to="/admin/interpreters">
        {t('interpreters.back')}
      </RouterLink>
    </p>
  );
}

/** /admin/interpreters/new; after creating, the interpreter's own page opens for the working hours. */
export function InterpreterNewPage() {
  const { t } = useTranslation('scheduling');
  const navigate = useNavigate();
  const create = useCreateInterpreter();
  useTitle(t('interpreters.createTitle'));
  return (
    <>
      <BackLink />
      <Heading variant="h1">{t('interpreters.createTitle')}</Heading>
      <InterpreterForm
        initial={emptyInterpreterDraft()}
        submitLabel={t('interpreters.submitCreate')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body) => create.mutate(body, { onSuccess: (i) => navigate(`/admin/interpreters/${i.id}`, { state: { created: true } }) })}
      />
    </>
  );
}

/** /admin/interpreters/:id: details, taking out of use, and working hours. */
export function InterpreterEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('scheduling');
  const interpreters = useInterpreters();
  return (
    <>
      <BackLink />
      <QueryState query={interpreters}>
        {(list) => {
          const found = list.find((i) => i.id === id);
          return found ? <InterpreterEdit key={found.id} interpreter={found} /> : <p>{t('interpreters.notFound')}</p>;
        }}
      </QueryState>
    </>
  );
}

function InterpreterEdit({ interpreter }: { interpreter: InterpreterView }) {
  const { t } = useTranslation('scheduling');
  const update = useUpdateInterpreter(interpreter.id);
  const status = useUpdateInterpreter(interpreter.id);
  const [confirming, setConfirming] = useState(false);
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  useTitle(interpreter.name);
  return (
    <>
      <Heading variant="h1">
        {interpreter.name}
        {!interpreter.active && ` (${t('status.inactive')})`}
      </Heading>
      <p role="status" className="admin-status">
        {created ? t('interpreters.created') : ''}
      </p>
      <section className="admin-section" aria-labelledby="sched-int-details-h">
        <Heading variant="h2" id="sched-int-details-h" mb="s">
          {t('interpreters.detailsHeading')}
        </Heading>
        <InterpreterForm
          initial={draftFromInterpreter(interpreter)}
          submitLabel={t('save')}
          pending={update.isPending}
          error={update.error}
          saved={update.isSuccess}
          onEdit={() => (update.isSuccess || update.isError) && update.reset()}
          onSubmit={(body) => update.mutate(body)}
        />
      </section>
      <section className="admin-section" aria-labelledby="sched-int-status-h">
        <Heading variant="h2" id="sched-int-status-h" mb="s">
          {t('interpreters.useHeading')}
        </Heading>
        <Paragraph mb="s">{interpreter.active ? t('interpreters.deactivateHelp') : t('interpreters.activateHelp')}</Paragraph>
        <Button variant="secondary" disabled={status.isPending} onClick={() => (interpreter.active ? setConfirming(true) : status.mutate({ active: true }))}>
          {interpreter.active ? t('interpreters.deactivate') : t('interpreters.activate')}
        </Button>
        {status.isError && <InlineAlert status="error">{schedulingError(t, status.error)}</InlineAlert>}
        <p role="status" className="admin-status">
          {status.isSuccess ? (interpreter.active ? t('interpreters.activated') : t('interpreters.deactivated')) : ''}
        </p>
        <ConfirmDialog
          visible={confirming}
          title={t('interpreters.confirmDeactivate.title')}
          body={t('interpreters.confirmDeactivate.body', { name: interpreter.name })}
          confirmLabel={t('interpreters.deactivate')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            status.mutate({ active: false });
          }}
        />
      </section>
      <section className="admin-section" aria-labelledby="sched-int-hours-h">
        <Heading variant="h2" id="sched-int-hours-h" mb="s">
          {t('interpreters.hoursHeading')}
        </Heading>
        <WorkingHoursForm owner={{ kind: 'interpreter', id: interpreter.id }} />
      </section>
    </>
  );
}
