import { useTranslation } from 'react-i18next';
import { Button, TextInput, Textarea } from 'suomifi-ui-components';
import { Named } from '../admin/scheduling/Named';
import { type ShortcomingDraft, newShortcoming } from './statementDraft';
import { DateField } from '../../components/DateField';

/** The known shortcomings: what fails, which criteria, and the expected fix date (empty: no date). */
export function ShortcomingsFields({
  value,
  onChange,
  errors,
}: {
  value: ShortcomingDraft[];
  onChange(next: ShortcomingDraft[]): void;
  errors: Map<string, string>;
}) {
  const { t } = useTranslation('accessibility');
  const set = (key: string, patch: Partial<ShortcomingDraft>) => onChange(value.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const error = (key: string, field: string) => errors.get(`shortcomings.${key}.${field}`);
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('editor.shortcomings')}</legend>
      {value.length === 0 && <p>{t('editor.noShortcomings')}</p>}
      {value.map((s, i) => {
        const name = t('editor.shortcoming', { n: i + 1 });
        return (
          <fieldset key={s.key} className="admin-fieldset">
            <legend>{name}</legend>
            <Textarea
              labelText={<Named context={name} label={t('editor.description')} />}
              value={s.description}
              onChange={(e) => set(s.key, { description: e.target.value })}
              rows={4}
              status={error(s.key, 'description') ? 'error' : 'default'}
              statusText={error(s.key, 'description') && t(error(s.key, 'description')!)}
              fullWidth
            />
            <TextInput
              labelText={<Named context={name} label={t('editor.criteria')} />}
              optionalText={t('optional')}
              hintText={t('editor.criteriaHint')}
              value={s.criteria}
              onChange={(v) => set(s.key, { criteria: String(v ?? '') })}
              status={error(s.key, 'criteria') ? 'error' : 'default'}
              statusText={error(s.key, 'criteria') && t(error(s.key, 'criteria')!)}
            />
            <DateField
              labelText={<Named context={name} label={t('editor.fixBy')} />}
              optionalText={t('optional')}
              hintText={t('editor.fixByHint')}
              value={s.fixBy}
              onChange={({ value: v }) => set(s.key, { fixBy: v })}
              status={error(s.key, 'fixBy') ? 'error' : 'default'}
              statusText={error(s.key, 'fixBy') && t(error(s.key, 'fixBy')!)}
            />
            <div>
              <Button variant="secondary" aria-label={t('editor.removeItem', { item: name })} onClick={() => onChange(value.filter((x) => x.key !== s.key))}>
                {t('editor.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button variant="secondary" onClick={() => onChange([...value, newShortcoming()])}>
          {t('editor.addShortcoming')}
        </Button>
      </div>
    </fieldset>
  );
}
