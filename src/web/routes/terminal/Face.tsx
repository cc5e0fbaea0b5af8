/**
 * A face drawn in SVG, from very unhappy (1) to very happy (5): the same on every kiosk, whatever emoji font the
 * machine has (or lacks). Decorative: the button's text names the answer.
 */
const MOUTHS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'M20 46 Q32 34 44 46',
  2: 'M21 44 Q32 38 43 44',
  3: 'M21 42 L43 42',
  4: 'M21 40 Q32 47 43 40',
  5: 'M19 38 Q32 52 45 38',
};
const FILLS: Record<1 | 2 | 3 | 4 | 5, string> = { 1: '#f6c6c0', 2: '#fbe0c4', 3: '#fdf1c2', 4: '#dcefc8', 5: '#bfe5c6' };

export function Face({ score }: { score: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <svg className="terminal-face-svg" viewBox="0 0 64 64" width="72" height="72" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill={FILLS[score]} stroke="#1f2328" strokeWidth="3" />
      {score === 1 ? (
        <path d="M18 22 L27 26 M46 22 L37 26" stroke="#1f2328" strokeWidth="3" strokeLinecap="round" />
      ) : null}
      <circle cx="23" cy="28" r="3.5" fill="#1f2328" />
      <circle cx="41" cy="28" r="3.5" fill="#1f2328" />
      <path d={MOUTHS[score]} fill="none" stroke="#1f2328" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}
