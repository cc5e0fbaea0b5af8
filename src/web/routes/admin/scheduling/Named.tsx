import { VisuallyHidden } from 'suomifi-ui-components';

/**
 * A visible label ("From") whose accessible name carries its context ("Monday: From"): many fields share the
 * visible words, and screen reader and voice control users still get a unique name that contains the visible text.
 */
export function Named({ context, label }: { context: string; label: string }) {
  return (
    <>
      <VisuallyHidden>{`${context}: `}</VisuallyHidden>
      {label}
    </>
  );
}
