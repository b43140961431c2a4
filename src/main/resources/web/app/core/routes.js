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
    path: '/playlists', access: 'member', title: 'Playlists', tag: 'encore-playlists',
    load: () => import('../screens/playlists.js'),
    nav: { section: 'Library', label: 'Playlists', icon: 'playlist' },
  },
  {
    path: '/playlists/:id', access: 'member', title: 'Playlist', tag: 'encore-playlist',
    load: () => import('../screens/playlist.js'),
  },
];

/** The screen for a path no route matches. */
export const notFound = {
  path: '', access: 'any', title: 'Page not found', tag: 'encore-not-found',
  load: () => import('../screens/not-found.js'),
};
