import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';

function Failure() {
  const { t } = useTranslation('common');
  return (
    <div role="alert">
      <Heading variant="h1">{t('failure.title')}</Heading>
      <Paragraph mb="m">{t('failure.body')}</Paragraph>
      <Button onClick={() => window.location.reload()}>{t('failure.reload')}</Button>
    </div>
  );
}

/** A page whose code failed to load (e.g. after a deployment replaced the chunks) offers a reload, not a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean; key?: string }> {
  override state: { failed: boolean; key?: string } = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { failed: boolean; key?: string }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override render() {
    return this.state.failed ? <Failure /> : this.props.children;
  }
}
