import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { publicCustomerInput } from '../../../shared/public-booking';

export type Contact = { name: string; phone: string; email: string };
export type ContactProblems = Partial<Record<keyof Contact, string>>;

/** The contact details as the API takes them, or which field is wrong and why (translation keys). */
export function checkContact(c: Contact): { customer?: { name: string; phone?: string; email?: string }; problems: ContactProblems } {
  const body = { name: c.name.trim(), ...(c.phone.trim() ? { phone: c.phone.trim() } : {}), ...(c.email.trim() ? { email: c.email.trim() } : {}) };
  const parsed = publicCustomerInput.safeParse(body);
  if (parsed.success) return { customer: body, problems: {} };
  const problems: ContactProblems = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'name') as keyof Contact;
    const code = (issue as { params?: { code?: string } }).params?.code;
    const key =
      code === 'personal_id_forbidden'
        ? 'validation.noHetu'
        : code === 'public_booking.contact_required'
          ? 'validation.contact'
          : field === 'phone'
            ? 'validation.phone'
            : field === 'email'
              ? 'validation.email'
              : 'validation.required';
    problems[field] ??= key;
  }
  return { problems };
}

type Props = { value: Contact; onChange(next: Contact): void; problems: ContactProblems };

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (describedBy: string | undefined) => React.ReactNode }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="pb-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="pb-hint">
          {hint}
        </p>
      )}
      {children(describedBy)}
      {error && (
        <p id={`${id}-error`} className="pb-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Step 3: name, and a phone number or an e-mail address. Nothing else is asked; a henkilötunnus is refused. */
export function ContactForm({ value, onChange, problems }: Props) {
  const { t } = useTranslation('publicBooking');
  const id = useId();
  const err = (f: keyof Contact) => (problems[f] ? t(problems[f]) : undefined);
  return (
    <>
      <Field id={`${id}-name`} label={t('fields.name')} error={err('name')}>
        {(d) => (
          <input id={`${id}-name`} autoComplete="name" value={value.name} aria-invalid={!!problems.name || undefined} aria-describedby={d} onChange={(e) => onChange({ ...value, name: e.target.value })} />
        )}
      </Field>
      <p className="pb-hint">{t('fields.contactHint')}</p>
      {(['phone', 'email'] as const).map((f) => (
        <Field key={f} id={`${id}-${f}`} label={`${t(`fields.${f}`)} (${t('fields.optional')})`} error={err(f)}>
          {(d) => (
            <input
              id={`${id}-${f}`}
              type={f === 'phone' ? 'tel' : 'email'}
              autoComplete={f === 'phone' ? 'tel' : 'email'}
              value={value[f]}
              aria-invalid={!!problems[f] || undefined}
              aria-describedby={d}
              onChange={(e) => onChange({ ...value, [f]: e.target.value })}
            />
          )}
        </Field>
      ))}
    </>
  );
}
