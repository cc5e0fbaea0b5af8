import type { Language } from '../../shared/common';

/**
 * The UI languages, without importing shared/common at run time: that module builds zod schemas, and the
 * sign-in page should not download zod just to know three language codes.
 */
export const LANGUAGES = ['fi', 'sv', 'en'] as const satisfies readonly Language[];
export type { Language };

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/** Intl locale for dates, times and numbers in each UI language (Finland's conventions for fi and sv). */
export const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
