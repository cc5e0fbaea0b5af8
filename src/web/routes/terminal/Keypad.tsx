import { useTranslation } from 'react-i18next';

type Props = { onDigit(d: string): void; onBackspace(): void; onClear(): void; disabled?: boolean };

/** Big on-screen digits for a touch screen without a keyboard. */
export function Keypad({ onDigit, onBackspace, onClear, disabled }: Props) {
  const { t } = useTranslation('terminal');
  const key = (label: string) => (
    <button key={label} type="button" className="terminal-key" onClick={() => onDigit(label)} disabled={disabled}>
      {label}
    </button>
  );
  return (
    <div className="terminal-keypad" role="group" aria-label={t('pairing.keypad')}>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(key)}
      <button type="button" className="terminal-key terminal-key-text" onClick={onClear} disabled={disabled}>
        {t('pairing.clear')}
      </button>
      {key('0')}
      <button type="button" className="terminal-key terminal-key-text" onClick={onBackspace} disabled={disabled} aria-label={t('pairing.backspaceLabel')}>
        {t('pairing.backspace')}
      </button>
    </div>
  );
}
