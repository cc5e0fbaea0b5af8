import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { formatDateTime } from '../common/format';
import type { PairingCode } from './useServicePointMutations';

/** The code a kiosk pairs with, shown once in large type for reading across the room. */
export function PairingCodeNotice({ code }: { code: PairingCode }) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  return (
    <section className="admin-once" aria-labelledby={`${id}-h`}>
      <Heading variant="h4" id={`${id}-h`}>
        {t('terminals.codeHeading', { terminal: code.terminal.name })}
      </Heading>
      <p className="admin-pairing-code" data-testid="pairing-code">
        {code.pairingCode}
      </p>
      <Paragraph>{t('terminals.codeInstruction')}</Paragraph>
      <Paragraph>{t('terminals.codeExpiry', { expiresAt: formatDateTime(code.expiresAt, i18n.language) })}</Paragraph>
    </section>
  );
}
