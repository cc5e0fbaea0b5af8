import type { ReactNode } from 'react';
import { InlineAlert } from 'suomifi-ui-components';

/** An error the user must notice: announced at once by screen readers (role=alert). */
export function ErrorAlert({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <InlineAlert status="error" role="alert" id={id} className="app-alert">
      {children}
    </InlineAlert>
  );
}

/** A notice that is announced politely (role=status): session ended, saved, verified. */
export function NoticeAlert({ children, status = 'neutral' }: { children: ReactNode; status?: 'neutral' | 'warning' }) {
  return (
    <InlineAlert status={status} role="status" className="app-alert">
      {children}
    </InlineAlert>
  );
}
