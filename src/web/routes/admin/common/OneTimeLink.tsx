import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Label, Paragraph } from 'suomifi-ui-components';
import { formatDateTime } from './format';

/** A set-password link, shown once: the server keeps only its hash, so it cannot be shown again. */
export function OneTimeLink({ url, expiresAt, heading }: { url: string; expiresAt: string; heading: string }) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <section className="admin-once" aria-labelledby={`${id}-h`}>
      <Heading variant="h3" id={`${id}-h`}>
        {heading}
      </Heading>
      <Paragraph>{t('link.explanation', { expiresAt: formatDateTime(expiresAt, i18n.language) })}</Paragraph>
      <Label htmlFor={`${id}-link`}>{t('link.label')}</Label>
      <div className="admin-once-row">
        <input
          id={`${id}-link`}
          className="admin-once-input"
          data-testid="set-password-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t('link.copy')}
        </Button>
      </div>
      <p role="status" className="admin-status">
        {copied ? t('link.copied') : ''}
      </p>
    </section>
  );
}
