import type { Language } from '../../../../shared/common.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';
import type { Templates } from './types.js';

export type { MessageFacts, Templates } from './types.js';

export const templates: Record<Language, Templates> = { fi, sv, en };

/** The booking's language, or Finnish for anything unexpected. */
export function templatesFor(language: string): Templates {
  return templates[language as Language] ?? fi;
}
