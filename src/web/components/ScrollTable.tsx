import type { ReactNode } from 'react';

/**
 * A wide data table scrolls inside its own box, not the page (WCAG 1.4.10 Reflow). The box is a labelled region that
 * takes keyboard focus, so keyboard users can scroll it with the arrow keys.
 */
export function ScrollTable({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} tabIndex={0}>
      {children}
    </div>
  );
}
