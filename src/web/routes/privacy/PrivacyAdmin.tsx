import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { DataSubjectsPage } from './DataSubjectsPage';
import { ProcessingRecordPage } from './ProcessingRecordPage';
import './privacy.css';

/** /admin/privacy/*: the agency admin's data subjects' rights and the agency's record of processing. */
export function PrivacyAdmin() {
  const { t } = useTranslation('privacy');
  return (
    <>
      <nav aria-label={t('nav.label')} className="privacy-subnav">
        <ul>
          <li>
            <NavLink to="/admin/privacy/data-subjects">{t('nav.subjects')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/privacy/record">{t('nav.record')}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="data-subjects" replace />} />
        <Route path="data-subjects" element={<DataSubjectsPage />} />
        <Route path="record" element={<ProcessingRecordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

/** The expert's and booker's way to their agency's record of processing. */
export function ProcessingRecordLink({ to }: { to: string }) {
  const { t } = useTranslation('privacy');
  return (
    <p className="privacy-entry">
      <Link to={to}>{t('record.entry')}</Link>
    </p>
  );
}
