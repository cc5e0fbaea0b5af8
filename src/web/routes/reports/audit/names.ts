import type { AuditName } from '../../../../shared/audit';
import type { Language } from '../../../i18n/languages';
import { localized } from '../../../localized';

/** A name the server resolved: as written (people, devices) or in the UI language (organisations, places). */
export const auditName = (name: AuditName, lang: Language) => (typeof name === 'string' ? name : localized(name, lang));
