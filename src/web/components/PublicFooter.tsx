import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { STATEMENT_PATHS, statementLanguageOf } from '../../shared/accessibility-paths';
import { BOOKING_PATHS } from '../../shared/public-booking-paths';
import type { Language } from '../i18n/languages';
import './publicFooter.css';

/**
 * The footer of every page, public and staff: links every visitor may follow without signing in. The accessibility
 * statement (306/2019) is the first; other public pages add their link to the list here.
 */
export function PublicFooter() {
  const { t, i18n } = useTranslation('common');
  const lang = i18n.language as Language;
  // The feedback form learns which part of the service the visitor came from: only the area (/desk, /login),
  // never the rest of the path, which may hold ids or a link's token.
  const area = useLocation().pathname.split('/')[1];
  const from = area && !statementLanguageOf(`/${area}`) ? `?page=${encodeURIComponent(`/${area}`)}` : '';
  return (
    <footer className="public-footer">
      <nav aria-label={t('footer.label')}>
        <ul>
          <li>
            <Link to={`${STATEMENT_PATHS[lang] ?? STATEMENT_PATHS.fi}${from}`}>
              {t('footer.accessibility')}
            </Link>
          </li>
          <li>
            <Link to={BOOKING_PATHS[lang] ?? BOOKING_PATHS.fi}>{t('footer.booking')}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
