/**
 * Every screen of the app: its path, who may see it, how its code loads (on first visit, so the
 * first load stays small) and its place in the navigation. Add a screen here (see docs/web.md).
 *
 * access: 'guest' (signed-out screens such as sign-in), 'member' (needs a session) or 'any'.
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
    path: '/import', access: 'member', title: 'Import', tag: 'encore-import',
    load: () => import('../screens/import.js'),
    nav: { section: 'Get music', label: 'Import', icon: 'download' },
  },
  {
    path: '/upload', access: 'member', title: 'Upload', tag: 'encore-upload',
    load: () => import('../screens/upload.js'),
    nav: { section: 'Get music', label: 'Upload', icon: 'upload' },
  },
];

/** The screen for a path no route matches. */
export const notFound = {
  path: '', access: 'any', title: 'Page not found', tag: 'encore-not-found',
  load: () => import('../screens/not-found.js'),
};
