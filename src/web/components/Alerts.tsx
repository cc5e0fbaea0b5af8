import { type ReactNode, useEffect, useState } from 'react';
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

/**
 * A polite status message whose live region (role=status) is always in the DOM, empty until there is something to
 * say (WCAG 4.1.3). The text is put in a moment after the region exists, so it is announced even when the region and
 * its message appear together (a page opened after "saved", focus moving to a heading).
 */
export function StatusMessage({ message, status = 'neutral' }: { message?: string; status?: 'neutral' | 'warning' }) {
  const [shown, setShown] = useState<string>();
  useEffect(() => {
    if (!message) {
      setShown(undefined);
      return;
    }
    const timer = setTimeout(() => setShown(message), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div role="status" className="app-status" data-testid="status-message">
      {shown && (
        <InlineAlert status={status} className="app-alert">
          {shown}
        </InlineAlert>
      )}
    </div>
  );
}

/** Long enough for assistive technology to register the empty region before its text. */
const ANNOUNCE_DELAY_MS = 150;
