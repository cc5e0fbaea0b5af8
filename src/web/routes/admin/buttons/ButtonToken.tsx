import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Label, Paragraph } from 'suomifi-ui-components';
import type { ButtonCreated } from '../../desk/assistance/api';

/** A new button's token, shown this once (the server keeps only its hash), with where the button sends presses. */
export function ButtonToken({ created }: { created: ButtonCreated }) {
  const { t } = useTranslation('assistance');
  const id = useId();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${created.httpPath}`;
  return (
    <section className="admin-once" aria-labelledby={`${id}-h`}>
      <Heading variant="h3" id={`${id}-h`}>
        {t('admin.tokenHeading', { button: created.button.name })}
      </Heading>
      <Paragraph>{t('admin.tokenOnce')}</Paragraph>
      <Label htmlFor={`${id}-token`}>{t('admin.token')}</Label>
      <div className="admin-once-row">
        <input id={`${id}-token`} className="admin-once-input" data-testid="button-token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(created.token);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t('admin.copy')}
        </Button>
      </div>
      <p role="status" className="admin-status">
        {copied ? t('admin.copied') : ''}
      </p>
      <dl className="admin-dl">
        <dt>{t('admin.httpPress')}</dt>
        <dd>
          <code>POST {url}</code> ({t('admin.httpAuth')})
        </dd>
        <dt>{t('admin.mqttPress')}</dt>
        <dd>
          <code>{created.mqttTopic}</code> ({t('admin.mqttPayload')})
        </dd>
      </dl>
    </section>
  );
}
