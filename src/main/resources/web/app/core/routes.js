/**
 * Every screen of the app: its path, who may see it, how its code loads (on first visit, so the
 * first load stays small) and its place in the navigation. Add a screen here (see docs/web.md).
 *
 * access: 'guest' (signed-out screens such as sign-in), 'member' (needs a session), 'admin' (needs a
 * session with the ADMIN role; others get "page not found" and no nav entry) or 'any'.
 * nav.compact: false keeps an entry out of the phone's top bar (reached from the account screen).
 */
export const routes = [
  { path: '/', access: 'any', redirect: (session) => (session.signedIn ? '/library/tracks' : '/sign-in') },
  {
    path: '/sign-in', access: 'guest', title: 'Sign in', tag: 'encore-sign-in',
    load: () => import('../screens/sign-in.js'),
  },
  {
    path: '/register', access: 'guest', title: 'Create your account', tag: 'encore-register',
    load: () => import('../screens/register.js'),
  },
  {
    path: '/library/tracks', access: 'member', title: 'Tracks', tag: 'encore-tracks',
    load: () => import('../screens/tracks.js'),
    nav: { section: 'Library', label: 'Tracks', icon: 'tracks' },
  },
  {
    path: '/account', access: 'member', title: 'Account', tag: 'encore-account-profile',
    load: () => import('../screens/account-profile.js'),
    nav: { section: 'You', label: 'Account', icon: 'user', compact: false },
  },
  {
    path: '/account/security', access: 'member', title: 'Security', tag: 'encore-account-security',
    load: () => import('../screens/account-security.js'),
  },
  {
    path: '/account/sessions', access: 'member', title: 'Sessions', tag: 'encore-account-sessions',
    load: () => import('../screens/account-sessions.js'),
  },
  {
    path: '/admin/users', access: 'admin', title: 'Users', tag: 'encore-admin-users',
    load: () => import('../screens/admin-users.js'),
    nav: { section: 'Admin', label: 'Users', icon: 'users', compact: false },
  },
  {
    path: '/admin/audit', access: 'admin', title: 'Audit trail', tag: 'encore-admin-audit',
    load: () => import('../screens/admin-audit.js'),
    nav: { section: 'Admin', label: 'Audit trail', icon: 'audit', compact: false },
  },
  {
    path: '/admin/status', access: 'admin', title: 'Status', tag: 'encore-admin-status',
    load: () => import('../screens/admin-status.js'),
    nav: { section: 'Admin', label: 'Status', icon: 'activity', compact: false },
  },
];

/** The screen for a path no route matches. */
export const notFound = {
  path: '', access: 'any', title: 'Page not found', tag: 'encore-not-found',
  load: () => import('../screens/not-found.js'),
};
