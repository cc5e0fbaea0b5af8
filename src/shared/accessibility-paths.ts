/**
 * The public addresses of the accessibility statement, one per language. Apart from the zod schemas of
 * shared/accessibility.ts, so the footer of every page (and the sign-in page) does not download zod.
 */
export const STATEMENT_PATHS = { fi: '/saavutettavuus', sv: '/tillganglighet', en: '/accessibility' } as const;
export type StatementLanguage = keyof typeof STATEMENT_PATHS;

/** The language of a statement address, or undefined for any other path. */
export const statementLanguageOf = (pathname: string): StatementLanguage | undefined =>
  (Object.entries(STATEMENT_PATHS) as [StatementLanguage, string][]).find(([, p]) => p === pathname.replace(/\/+$/, ''))?.[0];
