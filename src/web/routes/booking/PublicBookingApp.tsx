import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import type { Language } from '../../../shared/common';
import { BOOKING_PATHS, MANAGE_PATHS } from '../../../shared/public-booking';
import { PublicFooter } from '../../components/PublicFooter';
import i18n from '../../i18n/index';
import { LANGUAGES } from '../../i18n/languages';
import { useTitle } from '../../useTitle';
import { BookingFlow } from './BookingFlow';
import { ManagePage } from './ManagePage';
import { PosterPage } from './PosterPage';
import './booking.css';

const NAMES = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' } as const;
const POSTER = { fi: 'juliste', sv: 'affisch', en: 'poster' } as const;

/** The same page in another language: the base path swapped, the token or poster kept. */
function pathIn(pathname: string, from: Language, to: Language) {
  const rest = pathname.slice(BOOKING_PATHS[from].length);
  const manage = MANAGE_PATHS[from].slice(BOOKING_PATHS[from].length);
  if (rest.startsWith(`${manage}/`)) return `${MANAGE_PATHS[to]}${rest.slice(manage.length)}`;
  if (rest === `/${POSTER[from]}`) return `${BOOKING_PATHS[to]}/${POSTER[to]}`;
  return BOOKING_PATHS[to];
}

/**
 * The public booking page: /ajanvaraus (fi), /tidsbokning (sv), /booking (en). No sign-in and no cookie; the path
 * says the language (the staff's remembered choice is left alone). Mobile first: one column, large targets.
 */
export function PublicBookingApp({ lang }: { lang: Language }) {
  const { t } = useTranslation('publicBooking');
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [lang]);
  useTitle(t('title'));
  return (
    <div className="pb">
      <header className="pb-bar pb-no-print">
        <span className="pb-app">{t('common:appName')}</span>
        <nav aria-label={t('languageNav')}>
          <ul className="pb-languages">
            {LANGUAGES.filter((l) => l !== lang).map((l) => (
              <li key={l}>
                <Link to={`${pathIn(pathname, lang, l)}${search}`} lang={l} hrefLang={l}>
                  {NAMES[l]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="pb-main">
        <h1 className="pb-no-print">{t('title')}</h1>
        <Routes>
          <Route index element={<><p className="pb-intro">{t('intro')}</p><BookingFlow /></>} />
          <Route path={`${MANAGE_PATHS[lang].slice(BOOKING_PATHS[lang].length + 1)}/:token`} element={<ManagePage home={BOOKING_PATHS[lang]} />} />
          <Route path={POSTER[lang]} element={<PosterPage />} />
        </Routes>
      </main>
      <div className="pb-no-print">
        <PublicFooter />
      </div>
    </div>
  );
}
export const PublicBookingFi = () => <PublicBookingApp lang="fi" />;
export const PublicBookingSv = () => <PublicBookingApp lang="sv" />;
export const PublicBookingEn = () => <PublicBookingApp lang="en" />;
