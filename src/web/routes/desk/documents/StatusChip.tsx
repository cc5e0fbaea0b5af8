import { useTranslation } from 'react-i18next';
import type { HandoverStatus } from '../../../../shared/documents';

export function StatusChip({ status }: { status: HandoverStatus }) {
  const { t } = useTranslation('documents');
  return <span className={`doc-status doc-status-${status}`}>{t(`status.${status}`)}</span>;
}
