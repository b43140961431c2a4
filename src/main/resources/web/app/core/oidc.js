import { api } from './api.js';

/**
 * Sign-in with identity providers (OIDC): the providers this Encore offers, and what the codes the
 * API sends the browser back with (`?oidc-error=<problem type>`) mean, in words for the screen.
 */

let listed = null;

/** The configured providers, `[{id, displayName}]` (empty when OIDC sign-in is off); asked once per page. */
export function oidcProviders() {
  listed ??= api.get('/api/v1/auth/oidc/providers').catch(() => {
    listed = null;
    return [];
  });
  return listed;
}

/** Where the browser goes to sign in with `provider` (a full navigation: the provider's page follows). */
export function authorizeUrl(provider) {
  return `/api/v1/auth/oidc/${encodeURIComponent(provider)}/authorize`;
}

const MESSAGES = {
  'oidc-state-invalid': ['That sign-in expired', 'It took too long, was already used, or was started in another browser. Try again.'],
  'oidc-denied': ['Sign-in cancelled', 'The sign-in provider did not let the sign-in go ahead.'],
  'oidc-provider-error': ['The sign-in provider had a problem', 'Try again in a moment. If it keeps happening, tell your Encore administrator.'],
  'oidc-provider-unavailable': ['The sign-in provider cannot be reached', 'Try again later, or sign in with your password.'],
  'oidc-code-missing': ['Sign-in did not finish', 'The sign-in provider sent you back without signing you in. Try again.'],
  'oidc-id-token-invalid': ['Your identity could not be verified', 'Encore could not verify what the sign-in provider sent. Try again; if it keeps happening, tell your Encore administrator.'],
  'oidc-registration-closed': ['No Encore account for this sign-in', 'Sign in with your password and connect this provider under Account → Security, or ask an administrator for an account.'],
  'oidc-email-refused': ['This email is not allowed', 'This Encore only accepts accounts with a verified email in certain domains from this provider.'],
  'oidc-email-taken': ['This email already has an Encore account', 'Sign in to that account with its password, then connect the provider under Account → Security.'],
  'oidc-already-linked': ['Connected to another account', 'That provider account is already connected to a different Encore account.'],
  'oidc-already-connected': ['Already connected', 'Your account is already connected to this provider. Disconnect it first to use another account.'],
  'oidc-reauthentication-failed': ['That did not confirm it is you', 'Sign in at the provider again with the account connected to Encore.'],
  'oidc-not-connected': ['Not connected', 'Your account is not connected to this provider.'],
  'account-disabled': ['Account disabled', 'An administrator has disabled this account.'],
};

/** An error object for `problemAlert` for a code the API sent the browser back with; null for none. */
export function oidcError(code) {
  if (!code) return null;
  const [title, detail] = MESSAGES[code] ?? ['Sign-in did not work', 'Try again.'];
  return { title, detail, code };
}
