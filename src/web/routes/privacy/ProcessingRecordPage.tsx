import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput, Textarea } from 'suomifi-ui-components';
import { type ProcessingRecordInput, type ProcessingRecordView, processingRecordInput } from '../../../shared/privacy';
import type { Role } from '../../../shared/roles';
import { ErrorAlert, NoticeAlert } from '../../components/Alerts';
import { QueryStatus } from '../../components/QueryStatus';
import { errorMessage, hetuFields } from '../../errors';
import { localized, useLanguage } from '../../localized';
import { useTitle } from '../../useTitle';
import { invalidPaths } from '../admin/common/validation';
import { AgencyPicker, useAgencyChoice } from './AgencyPicker';
import { useProcessingRecord, useSaveProcessingRecord } from './api';
import './privacy.css';

const TEXTS = ['purposes', 'dataCategories', 'recipients', 'controllerContact'] as const;
/** The texts' longest lengths (processingRecordInput in shared/privacy.ts), named in the error. */
const MAX: Record<(typeof TEXTS)[number], number> = { purposes: 4000, dataCategories: 4000, recipients: 4000, controllerContact: 1000 };
const READERS: Role[] = ['agency-admin', 'expert', 'agency-booker'];

/**
 * The agency's record of processing (GDPR art. 30): read-only to its staff, written by its admin. What the system
 * enforces (retention, document purge, ...) is shown from its configuration, never typed.
 */
export function ProcessingRecordPage() {
  const { t } = useTranslation('privacy');
  const choice = useAgencyChoice(READERS);
  const record = useProcessingRecord(choice.agencyId);
  useTitle(t('record.title'));
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('record.title')}
      </Heading>
      <Paragraph mb="m">{t('record.intro')}</Paragraph>
      <AgencyPicker {...choice} />
      {choice.agencyId ? <QueryStatus query={record}>{(r) => <RecordView key={r.agencyId} record={r} />}</QueryStatus> : <NoticeAlert status="warning">{t('noAgency')}</NoticeAlert>}
    </>
  );
}

function RecordView({ record }: { record: ProcessingRecordView }) {
  const { t } = useTranslation('privacy');
  const { lang } = useLanguage();
  const e = record.enforced;
  const yesNo = (on: boolean) => t(on ? 'record.on' : 'record.off');
  return (
    <>
      <Heading variant="h2" mb="xs">
        {localized(record.agencyName, lang)}
      </Heading>
      <section className="privacy-panel" aria-labelledby="privacy-enforced-h">
        <h3 id="privacy-enforced-h">{t('record.enforcedHeading')}</h3>
        <Paragraph mb="s">{t('record.enforcedIntro')}</Paragraph>
        <dl className="privacy-facts">
          <dt>{t('record.facts.retention')}</dt>
          <dd>
            {t('record.days', { count: e.customerDataRetentionDays })}
            {record.retentionDays === null ? ` (${t('record.default')})` : ` (${t('record.ownSetting', { days: e.defaultRetentionDays })})`}
          </dd>
          <dt>{t('record.facts.documents')}</dt>
          <dd>{e.documentKeepAfterAckHours > 0 ? t('record.documents', { days: e.documentRetentionDays, hours: e.documentKeepAfterAckHours }) : t('record.documentsAtOnce', { days: e.documentRetentionDays })}</dd>
          <dt>{t('record.facts.session')}</dt>
          <dd>{t('record.minutes', { count: e.sessionIdleMinutes })}</dd>
          <dt>{t('record.facts.hetu')}</dt>
          <dd>{t('record.hetuRefused')}</dd>
          <dt>{t('record.facts.recording')}</dt>
          <dd>{t('record.notRecorded')}</dd>
          <dt>{t('record.facts.email')}</dt>
          <dd>{yesNo(e.messageChannels.email)}</dd>
          <dt>{t('record.facts.sms')}</dt>
          <dd>{yesNo(e.messageChannels.sms)}</dd>
          <dt>{t('record.facts.stored')}</dt>
          <dd>
            <ul>
              {e.storedFields.map((f) => (
                <li key={f}>{t(`record.stored.${f}`)}</li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>
      {record.canEdit ? <RecordForm record={record} /> : <RecordTexts record={record} />}
    </>
  );
}

function RecordTexts({ record }: { record: ProcessingRecordView }) {
  const { t } = useTranslation('privacy');
  return (
    <section className="privacy-panel" aria-labelledby="privacy-texts-h">
      <h3 id="privacy-texts-h">{t('record.textsHeading')}</h3>
      <dl className="privacy-texts">
        {TEXTS.map((k) => (
          <div key={k}>
            <dt>{t(`record.fields.${k}`)}</dt>
            <dd>{record[k] || t('record.notWritten')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RecordForm({ record }: { record: ProcessingRecordView }) {
  const { t } = useTranslation('privacy');
  const save = useSaveProcessingRecord(record.agencyId);
  const [draft, setDraft] = useState(() => ({ ...Object.fromEntries(TEXTS.map((k) => [k, record[k]])), retentionDays: record.retentionDays === null ? '' : String(record.retentionDays) }) as Record<(typeof TEXTS)[number] | 'retentionDays', string>);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [hetu, setHetu] = useState<Set<string>>(new Set());
  const set = (k: keyof typeof draft, v: string) => {
    setDraft((d) => ({ ...d, [k]: v }));
    save.reset();
  };
  return (
    <section className="privacy-panel" aria-labelledby="privacy-form-h">
      <h3 id="privacy-form-h">{t('record.textsHeading')}</h3>
      <form
        className="privacy-form"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          const days = draft.retentionDays.trim();
          const body = { ...Object.fromEntries(TEXTS.map((k) => [k, draft[k].trim()])), retentionDays: days === '' ? null : Number(days) } as ProcessingRecordInput;
          const result = processingRecordInput.safeParse(body);
          const found = invalidPaths(result);
          setInvalid(found);
          setHetu(hetuFields(result));
          if (found.size === 0) save.mutate(body);
        }}
      >
        {TEXTS.map((k) => (
          <Textarea
            key={k}
            labelText={t(`record.fields.${k}`)}
            hintText={t(`record.hints.${k}`)}
            fullWidth
            value={draft[k]}
            onChange={(ev) => set(k, ev.target.value)}
            status={invalid.has(k) ? 'error' : 'default'}
            statusText={
              !invalid.has(k) ? undefined : hetu.has(k) ? t('common:errors.personal_id_forbidden') : t('record.tooLongMax', { max: MAX[k] })
            }
          />
        ))}
        <TextInput
          labelText={t('record.fields.retentionDays')}
          hintText={t('record.hints.retentionDays', { days: record.enforced.defaultRetentionDays })}
          inputMode="numeric"
          value={draft.retentionDays}
          onChange={(v) => set('retentionDays', String(v ?? ''))}
          status={invalid.has('retentionDays') ? 'error' : 'default'}
          statusText={invalid.has('retentionDays') ? t('record.retentionInvalid') : undefined}
        />
        {save.isError && <ErrorAlert>{errorMessage(t, save.error)}</ErrorAlert>}
        {save.isSuccess && <NoticeAlert>{t('record.saved')}</NoticeAlert>}
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('record.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
