import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput, Textarea } from 'suomifi-ui-components';
import type { Language } from '../../../shared/common';
import { type ErasureResult, type PersonRecords, dataSubjectSearchRequest } from '../../../shared/privacy';
import { ErrorAlert, NoticeAlert } from '../../components/Alerts';
import { errorMessage } from '../../errors';
import { useTitle } from '../../useTitle';
import { invalidPaths } from '../admin/common/validation';
import { AgencyPicker, useAgencyChoice } from './AgencyPicker';
import { type PersonRequest, useErasePerson, useExportPerson, useSearchPerson } from './api';
import { PersonRecordsView } from './PersonRecordsView';
import './privacy.css';

type Draft = { name: string; phone: string; email: string; reason: string };
const EMPTY: Draft = { name: '', phone: '', email: '', reason: '' };

/**
 * /admin/privacy/data-subjects: the agency admin finds the agency's records of one person (by name, phone or
 * e-mail), gives them a copy (JSON or PDF) or erases them at once. Every step needs a reason, which is audited.
 */
export function DataSubjectsPage() {
  const { t } = useTranslation('privacy');
  const choice = useAgencyChoice(['agency-admin']);
  useTitle(t('subjects.title'));
  return (
    <>
      <Heading variant="h1" mb="s">
        {t('subjects.title')}
      </Heading>
      <Paragraph mb="m">{t('subjects.intro')}</Paragraph>
      <AgencyPicker {...choice} />
      {choice.agencyId ? <DataSubjects key={choice.agencyId} agencyId={choice.agencyId} /> : <NoticeAlert status="warning">{t('noAgency')}</NoticeAlert>}
    </>
  );
}

function DataSubjects({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('privacy');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  // What was searched: export and erasure act on exactly these criteria (with the reason as it stands then).
  const [searched, setSearched] = useState<PersonRequest>();
  const [erased, setErased] = useState<ErasureResult>();
  const search = useSearchPerson(agencyId);
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const request = (): PersonRequest | undefined => {
    const person = Object.fromEntries((['name', 'phone', 'email'] as const).map((k) => [k, draft[k].trim() || undefined]));
    const body = { person, reason: draft.reason.trim() };
    const found = invalidPaths(dataSubjectSearchRequest.safeParse(body));
    setInvalid(found);
    return found.size === 0 ? (body as PersonRequest) : undefined;
  };
  const personInvalid = [...invalid].some((p) => p.startsWith('person'));
  return (
    <>
      <section className="privacy-panel" aria-labelledby="privacy-search-h">
        <h2 id="privacy-search-h">{t('subjects.searchHeading')}</h2>
        <form
          className="privacy-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const body = request();
            if (!body) return;
            setErased(undefined);
            search.mutate(body, { onSuccess: () => setSearched(body) });
          }}
        >
          <Paragraph>{t('subjects.searchHint')}</Paragraph>
          <TextInput labelText={t('subjects.name')} optionalText={t('optional')} autoComplete="off" value={draft.name} onChange={(v) => set('name', String(v ?? ''))} status={invalid.has('person.name') ? 'error' : 'default'} statusText={invalid.has('person.name') ? t('subjects.personInvalid') : undefined} />
          <TextInput labelText={t('subjects.phone')} optionalText={t('optional')} autoComplete="off" type="tel" value={draft.phone} onChange={(v) => set('phone', String(v ?? ''))} status={invalid.has('person.phone') ? 'error' : 'default'} statusText={invalid.has('person.phone') ? t('subjects.phoneInvalid') : undefined} />
          <TextInput labelText={t('subjects.email')} optionalText={t('optional')} autoComplete="off" type="email" value={draft.email} onChange={(v) => set('email', String(v ?? ''))} status={invalid.has('person.email') ? 'error' : 'default'} statusText={invalid.has('person.email') ? t('subjects.emailInvalid') : undefined} />
          <Textarea
            labelText={t('subjects.reason')}
            hintText={t('subjects.reasonHint')}
            fullWidth
            value={draft.reason}
            onChange={(e) => set('reason', e.target.value)}
            status={invalid.has('reason') ? 'error' : 'default'}
            statusText={invalid.has('reason') ? t('subjects.reasonRequired') : undefined}
          />
          {personInvalid && !invalid.has('person.phone') && !invalid.has('person.email') && <ErrorAlert>{t('subjects.personInvalid')}</ErrorAlert>}
          {search.isError && <ErrorAlert>{errorMessage(t, search.error)}</ErrorAlert>}
          <div>
            <Button type="submit" disabled={search.isPending}>
              {t('subjects.search')}
            </Button>
          </div>
        </form>
      </section>
      {searched && search.data && (
        <Results
          agencyId={agencyId}
          records={search.data}
          request={() => {
            const body = request();
            return body && { ...searched, reason: body.reason };
          }}
          onErased={(result) => {
            search.reset();
            setSearched(undefined);
            setErased(result);
          }}
        />
      )}
      {erased && <NoticeAlert>{t('subjects.erased', { bookings: erased.bookings, walkIns: erased.walkIns, documents: erased.documents, cancelled: erased.cancelled })}</NoticeAlert>}
    </>
  );
}

function Results({ agencyId, records, request, onErased }: { agencyId: string; records: PersonRecords; request(): PersonRequest | undefined; onErased(result: ErasureResult): void }) {
  const { t } = useTranslation('privacy');
  const [language, setLanguage] = useState<Language>('fi');
  const [confirming, setConfirming] = useState(false);
  const exporter = useExportPerson(agencyId);
  const eraser = useErasePerson(agencyId);
  const total = records.bookings.length + records.walkIns.length + records.documents.length;
  const download = (format: 'json' | 'pdf') => {
    const body = request();
    if (body) exporter.mutate({ ...body, format, language, filename: t('subjects.filename') });
  };
  return (
    <section className="privacy-panel" aria-labelledby="privacy-results-h">
      <h2 id="privacy-results-h">{t('subjects.resultsHeading')}</h2>
      <p role="status">{t('subjects.found', { bookings: records.bookings.length, walkIns: records.walkIns.length, documents: records.documents.length })}</p>
      <PersonRecordsView records={records} />
      {total > 0 && (
        <>
          <h3>{t('subjects.exportHeading')}</h3>
          <div className="privacy-actions">
            <div className="privacy-field">
              <label htmlFor="privacy-export-lang">{t('subjects.pdfLanguage')}</label>
              <select id="privacy-export-lang" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {(['fi', 'sv', 'en'] as const).map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary" onClick={() => download('pdf')} disabled={exporter.isPending}>
              {t('subjects.exportPdf')}
            </Button>
            <Button variant="secondary" onClick={() => download('json')} disabled={exporter.isPending}>
              {t('subjects.exportJson')}
            </Button>
          </div>
          {exporter.isError && <ErrorAlert>{errorMessage(t, exporter.error)}</ErrorAlert>}
          {exporter.isSuccess && <NoticeAlert>{t('subjects.exported')}</NoticeAlert>}
          <h3>{t('subjects.eraseHeading')}</h3>
          <Paragraph mb="s">{t('subjects.eraseHint')}</Paragraph>
          {confirming ? (
            <div className="privacy-confirm" role="group" aria-labelledby="privacy-confirm-text">
              <p id="privacy-confirm-text">{t('subjects.eraseConfirm', { count: total })}</p>
              <div className="privacy-actions">
                <Button
                  onClick={() => {
                    const body = request();
                    if (body) eraser.mutate(body, { onSuccess: onErased });
                  }}
                  disabled={eraser.isPending}
                >
                  {t('subjects.eraseConfirmButton')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('subjects.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('subjects.erase')}
            </Button>
          )}
          {eraser.isError && <ErrorAlert>{errorMessage(t, eraser.error)}</ErrorAlert>}
        </>
      )}
    </section>
  );
}
