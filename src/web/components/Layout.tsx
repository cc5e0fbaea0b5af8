import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { Button, SkipLink } from 'suomifi-ui-components';
import { areasFor } from '../../shared/roles';
import { patch } from '../api';
import { useAuth } from '../auth';
import { LanguageSwitch } from './LanguageSwitch';
import { PublicFooter } from './PublicFooter';
import './layout.css';

/** The signed-in frame: app name, navigation to the areas the user's roles open, language, sign-out; the public footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const areas = user ? areasFor(user.roles.map((r) => r.role)) : [];
  return (
    <div className="layout">
      <SkipLink href="#main">{t('skipToContent')}</SkipLink>
      <header className="layout-header">
        <span className="layout-brand">{t('appName')}</span>
        {user && (
          <nav aria-label={t('nav.label')} className="layout-nav">
            <ul>
              {areas.map((area) => (
                <li key={area}>
                  <NavLink to={`/${area}`}>{t(`nav.${area}`)}</NavLink>
                </li>
              ))}
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="layout-tools">
          {/* A signed-in user's choice is also saved on the server, for messages sent to them later. */}
          <LanguageSwitch onChange={(lang) => user && void patch('/api/me/preferences', { preferredLanguage: lang }).catch(() => undefined)} />
          {user && (
            <>
              <span className="layout-user">{user.name}</span>
              <Button
                variant="secondary"
                onClick={async () => {
                  await signOut();
                  navigate('/login');
                }}
              >
                {t('signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="layout-main">
        {children}
      </main>
      <PublicFooter />
    </div>
  );
}
