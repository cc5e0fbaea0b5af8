import { useTranslation } from 'react-i18next';

/**
 * The letters and digits a booking reference can contain (the server never issues 0/O, 1/I/L, 2/Z, 5/S, 8/B,
 * 6/G, so they are not offered here either): fewer, larger keys on the touch screen.
 */
export const REFERENCE_KEYS = [...'ACDEFHJKMNPRTUVWXY34679'];

type Props = { onKey(key: string): void; onBackspace(): void; onClear(): void; disabled?: boolean };

export function ReferenceKeypad({ onKey, onBackspace, onClear, disabled }: Props) {
  const { t } = useTranslation('terminal');
  return (
    <div className="terminal-refpad" role="group" aria-label={t('checkIn.keypad')}>
      {REFERENCE_KEYS.map((key) => (
        <button key={key} type="button" className="terminal-key terminal-refkey" onClick={() => onKey(key)} disabled={disabled}>
          {key}
        </button>
      ))}
      <button type="button" className="terminal-key terminal-key-text" onClick={onBackspace} disabled={disabled} aria-label={t('checkIn.backspaceLabel')}>
        {t('pairing.backspace')}
      </button>
      <button type="button" className="terminal-key terminal-key-text" onClick={onClear} disabled={disabled}>
        {t('pairing.clear')}
      </button>
    </div>
  );
}
