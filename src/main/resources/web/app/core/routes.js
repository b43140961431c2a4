/**
 * Every screen of the app: its path, who may see it, how its code loads (on first visit, so the
 * first load stays small) and its place in the navigation. Add a screen here (see docs/web.md).
 *
 * access: 'guest' (signed-out screens such as sign-in), 'member' (needs a session), 'admin' (needs a
 * session with the ADMIN role; others get "page not found" and no nav entry) or 'any'.
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
    path: '/forgot-password', access: 'guest', title: 'Reset your password', tag: 'encore-forgot-password',
    load: () => import('../screens/forgot-password.js'),
  },
  {
    path: '/reset-password', access: 'any', title: 'Choose a new password', tag: 'encore-reset-password',
    load: () => import('../screens/reset-password.js'),
  },
  {
    path: '/library/tracks', access: 'member', title: 'Tracks', tag: 'encore-tracks',
    load: () => import('../screens/tracks.js'),
    nav: { section: 'Library', label: 'Tracks', icon: 'tracks' },
  },
  {
    path: '/library/albums', access: 'member', title: 'Albums', tag: 'encore-albums',
    load: () => import('../screens/albums.js'),
    nav: { section: 'Library', label: 'Albums', icon: 'albums' },
  },
  {
    path: '/library/albums/:album', access: 'member', title: 'Album', tag: 'encore-album',
    load: () => import('../screens/album.js'),
  },
  {
    path: '/library/artists', access: 'member', title: 'Artists', tag: 'encore-artists',
    load: () => import('../screens/artists.js'),
    nav: { section: 'Library', label: 'Artists', icon: 'artists' },
  },
  {
    path: '/library/artists/:artist', access: 'member', title: 'Artist', tag: 'encore-artist',
    load: () => import('../screens/artist.js'),
  },
  {
    path: '/library/genres', access: 'member', title: 'Genres', tag: 'encore-genres',
    load: () => import('../screens/genres.js'),
    nav: { section: 'Library', label: 'Genres', icon: 'genres' },
  },
  {
    path: '/library/genres/:genre', access: 'member', title: 'Genre', tag: 'encore-genre',
    load: () => import('../screens/genre.js'),
  },
  {
    path: '/library/videos', access: 'member', title: 'Videos', tag: 'encore-videos',
    load: () => import('../screens/videos.js'),
    nav: { section: 'Library', label: 'Videos', icon: 'videos' },
  },
  {
    path: '/videos/:id', access: 'member', title: 'Video', tag: 'encore-video',
    load: () => import('../screens/video.js'),
  },
  {
    path: '/library/presentations', access: 'member', title: 'Presentations', tag: 'encore-presentations',
    load: () => import('../screens/presentations.js'),
    nav: { section: 'Library', label: 'Presentations', icon: 'slides' },
  },
  {
    path: '/presentations/:id', access: 'member', title: 'Presentation', tag: 'encore-presentation',
    load: () => import('../screens/presentation.js'),
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
  {
    path: '/playlists/shared/:token', access: 'member', title: 'Shared playlist', tag: 'encore-playlist',
    load: () => import('../screens/playlist.js'),
  },
  {
    path: '/search', access: 'member', title: 'Search', tag: 'encore-search',
    load: () => import('../screens/search.js'),
  },
  {
    path: '/rooms', access: 'member', title: 'Listening rooms', tag: 'encore-rooms',
    load: () => import('../screens/rooms.js'),
    nav: { section: 'Live', label: 'Rooms', icon: 'radio' },
  },
  {
    path: '/rooms/join/:code', access: 'member', title: 'Join a room', tag: 'encore-room-join',
    load: () => import('../screens/room-join.js'),
  },
  {
    path: '/rooms/:id', access: 'member', title: 'Room', tag: 'encore-room',
    load: () => import('../screens/room.js'),
  },
  {
    path: '/premieres', access: 'member', title: 'Premieres', tag: 'encore-premieres',
    load: () => import('../screens/premieres.js'),
    nav: { section: 'Live', label: 'Premieres', icon: 'premiere' },
  },
  {
    path: '/premieres/:id', access: 'member', title: 'Premiere', tag: 'encore-premiere',
    load: () => import('../screens/premiere.js'),
  },
  {
    path: '/presentations/:id/live', access: 'member', title: 'Live presentation', tag: 'encore-presentation-live',
    load: () => import('../screens/presentation-live.js'),
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
  {
    path: '/account', access: 'member', title: 'Account', tag: 'encore-account-profile',
    load: () => import('../screens/account-profile.js'),
    nav: { section: 'You', label: 'Account', icon: 'user' },
  },
  {
    path: '/insights', access: 'member', title: 'Insights', tag: 'encore-insights',
    load: () => import('../screens/insights.js'),
    nav: { section: 'You', label: 'Insights', icon: 'activity' },
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
    path: '/account/notifications', access: 'member', title: 'Notifications', tag: 'encore-account-notifications',
    load: () => import('../screens/account-notifications.js'),
  },
  {
    path: '/admin/users', access: 'admin', title: 'Users', tag: 'encore-admin-users',
    load: () => import('../screens/admin-users.js'),
    nav: { section: 'Admin', label: 'Users', icon: 'users' },
  },
  {
    path: '/admin/audit', access: 'admin', title: 'Audit trail', tag: 'encore-admin-audit',
    load: () => import('../screens/admin-audit.js'),
    nav: { section: 'Admin', label: 'Audit trail', icon: 'audit' },
  },
  {
    path: '/admin/status', access: 'admin', title: 'Status', tag: 'encore-admin-status',
    load: () => import('../screens/admin-status.js'),
    nav: { section: 'Admin', label: 'Status', icon: 'activity' },
  },
  {
    path: '/admin/insights', access: 'admin', title: 'Server insights', tag: 'encore-admin-insights',
    load: () => import('../screens/admin-insights.js'),
    nav: { section: 'Admin', label: 'Server insights', icon: 'chart' },
  },
  {
    path: '/admin/backups', access: 'admin', title: 'Backups', tag: 'encore-admin-backups',
    load: () => import('../screens/admin-backups.js'),
    nav: { section: 'Admin', label: 'Backups', icon: 'database' },
  },
];

/** The screen for a path no route matches. */
export const notFound = {
  path: '', access: 'any', title: 'Page not found', tag: 'encore-not-found',
  load: () => import('../screens/not-found.js'),
};
