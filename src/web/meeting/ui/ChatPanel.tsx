import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/common';
import { formatTime } from '../../days';
import type { ChatLine } from '../session';

type Props = {
  lines: ChatLine[];
  onSend(text: string): boolean;
  failed: boolean;
  disabled?: boolean;
  /** The terminal's chat: large type for a customer sitting back from the screen. */
  large?: boolean;
  kindLabel(kind: string): string;
  /** The UI language: times are Helsinki wall-clock time in its format, whatever zone the device is in. */
  lang: Language;
};

/** Text chat of the meeting. Relayed, never stored: it is gone when the meeting ends. */
export function ChatPanel({ lines, onSend, failed, disabled, large, kindLabel, lang }: Props) {
  const { t } = useTranslation('meeting');
  const [text, setText] = useState('');
  const headingId = useId();
  const inputId = useId();
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lines.length]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    if (onSend(message.slice(0, 1000))) setText('');
  };

  return (
    <section className={`meeting-chat ${large ? 'meeting-chat-large' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="meeting-chat-heading">
        {t('chat.heading')}
      </h2>
      <ol ref={listRef} className="meeting-chat-lines" aria-live="polite" aria-label={t('chat.log')} tabIndex={0}>
        {lines.length === 0 && <li className="meeting-chat-empty">{t('chat.empty')}</li>}
        {lines.map((line) => (
          <li key={line.id} className={line.own ? 'meeting-chat-own' : undefined}>
            <span className="meeting-chat-from">
              {line.own ? t('chat.you') : line.from.name || kindLabel(line.from.kind)} · <time dateTime={line.at}>{formatTime(line.at, lang)}</time>
            </span>
            <span className="meeting-chat-text">{line.text}</span>
          </li>
        ))}
      </ol>
      <form className="meeting-chat-form" onSubmit={submit}>
        <label htmlFor={inputId} className="meeting-chat-label">
          {t('chat.label')}
        </label>
        <div className="meeting-chat-row">
          <input id={inputId} className="meeting-chat-input" value={text} maxLength={1000} autoComplete="off" onChange={(e) => setText(e.target.value)} disabled={disabled} />
          <button type="submit" className="meeting-button meeting-button-primary" disabled={disabled}>
            {t('chat.send')}
          </button>
        </div>
        {failed && (
          <p className="meeting-error" role="alert">
            {t('chat.failed')}
          </p>
        )}
      </form>
    </section>
  );
}
