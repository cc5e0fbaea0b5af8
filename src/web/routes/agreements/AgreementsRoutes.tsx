import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { AgreementDetailPage } from './AgreementDetailPage';
import { AgreementAmendPage, AgreementNewPage } from './AgreementFormPages';
import { AgreementsListPage } from './AgreementsListPage';
import { TerminatePage } from './TerminatePage';
import './agreements.css';

/**
 * The agreement pages, mounted at `base` (/admin/agreements, /reports/agreements). The server decides what each
 * user reads; `canEdit` (the main admin in administration) adds the forms. Links are absolute from `base`.
 */
export function AgreementsRoutes({ base, canEdit }: { base: string; canEdit: boolean }) {
  return (
    <Routes>
      <Route index element={<AgreementsListPage base={base} canEdit={canEdit} />} />
      {canEdit && <Route path="new" element={<AgreementNewPage base={base} />} />}
      <Route path=":id" element={<AgreementDetailPage base={base} canEdit={canEdit} />} />
      {canEdit && <Route path=":id/amend" element={<AgreementAmendPage base={base} />} />}
      {canEdit && <Route path=":id/terminate" element={<TerminatePage base={base} />} />}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
