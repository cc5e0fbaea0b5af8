import { useState } from 'react';
import { Button, TextInput } from 'suomifi-ui-components';

type Props = {
  label: string;
  submitLabel: string;
  /** Shown under the field when submitted empty. */
  requiredText: string;
  pending: boolean;
  /** Called with the trimmed name; call `done` once it was saved, to empty the field. */
  onSubmit(name: string, done: () => void): void;
};

/** One required name and a register button: registering a terminal or a call button for a room. */
export function NameForm({ label, submitLabel, requiredText, pending, onSubmit }: Props) {
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="admin-toolbar"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const value = name.trim();
        setMissing(!value);
        if (value) onSubmit(value, () => setName(''));
      }}
    >
      <TextInput
        labelText={label}
        value={name}
        onChange={(v) => setName(String(v ?? ''))}
        status={missing ? 'error' : 'default'}
        statusText={missing ? requiredText : undefined}
      />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
