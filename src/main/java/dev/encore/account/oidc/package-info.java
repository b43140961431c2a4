/**
 * OIDC sign-in and connected accounts: operators configure identity providers under
 * {@code encore.security.oidc.providers.<id>}; browsers sign in through the authorization code flow with
 * PKCE, state and nonce, and signed-in users connect or disconnect provider accounts. Built on Spring
 * Security's OAuth2 client pieces (discovery, the code exchange, ID token validation); the flow itself is
 * Encore's, because Spring's login filter keeps its state in the HTTP session, which a stateless node
 * behind a load balancer has not got.
 */
package dev.encore.account.oidc;
