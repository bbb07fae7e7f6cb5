import type { Context as HonoContext } from 'hono';
import type { ComponentChildren } from 'preact';
import type { AdminIdentity } from '../auth/middleware.js';
import { assetUrl } from '../../ui/asset-url.js';
import { CsrfField } from './csrf.js';

export type AdminSection =
  | 'overview'
  | 'packs'
  | 'notices'
  | 'parcours'
  | 'ateliers'
  | 'contributions'
  | 'stats'
  | 'reseau'
  | 'settings'
  | 'health'
  | 'account';

export const ADMIN_NAV: ReadonlyArray<readonly [AdminSection, string, string]> = [
  ['overview', '/admin', "Vue d'ensemble"],
  ['packs', '/admin/packs', 'Packs'],
  ['notices', '/admin/notices', 'Notices'],
  ['parcours', '/admin/parcours', 'Parcours'],
  ['ateliers', '/admin/ateliers', 'Ateliers'],
  ['contributions', '/admin/contributions', 'Propositions'],
  ['stats', '/admin/stats', 'Statistiques'],
  ['reseau', '/admin/reseau', 'Réseau'],
  ['settings', '/admin/settings', 'Réglages'],
  ['health', '/admin/health', 'Santé du système'],
];

export interface AdminLayoutProps {
  c: HonoContext;
  title: string;
  /** Which navigation entry is current. */
  section?: AdminSection | undefined;
  /** A message shown above the content (after a form was saved, for instance). */
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
  children: ComponentChildren;
}

/**
 * The animateur's pages: French, works on a phone and a desktop, no external resource.
 * Outside a session (login, set-up) it shows no navigation.
 *
 * @example
 *   c.html(renderDocument(<AdminLayout c={c} title="Packs" section="packs">…</AdminLayout>))
 */
export function AdminLayout({ c, title, section, flash, children }: AdminLayoutProps) {
  const admin = c.get('admin') as AdminIdentity | undefined;
  const libraryName = admin?.libraryName ?? 'Lanterne';
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Form posts must carry a real Origin header for the cross-site check. */}
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Espace animateur · ${libraryName}`}</title>
        <link rel="stylesheet" href={assetUrl('portal.css')} />
        <link rel="stylesheet" href={assetUrl('admin.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <script src={assetUrl('admin.js')} defer />
      </head>
      <body class="admin">
        <a class="skip" href="#main">
          Aller au contenu
        </a>
        <header class="top admin-top">
          <a class="brand" href={admin ? '/admin' : '/'}>
            <img src={assetUrl('favicon.svg')} alt="" width="32" height="32" />
            <span>
              {libraryName} <span class="admin-tag">· espace animateur</span>
            </span>
          </a>
          {admin && (
            <>
              <form class="logout" method="post" action="/admin/logout">
                <CsrfField c={c} />
                <button type="submit">Déconnexion</button>
              </form>
              <nav aria-label="Espace animateur">
                <ul>
                  {ADMIN_NAV.map(([key, path, label]) => (
                    <li key={key}>
                      <a href={path} aria-current={section === key ? 'page' : undefined}>
                        {label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </>
          )}
        </header>
        <main id="main" class="admin-main">
          {flash && (
            <p
              class={`flash flash-${flash.kind}`}
              role={flash.kind === 'error' ? 'alert' : 'status'}
            >
              {flash.text}
            </p>
          )}
          {children}
        </main>
        <footer class="bottom">
          <p>
            <a href="/">Voir le portail des visiteurs</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
