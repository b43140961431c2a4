/**
 * The address to load a signed link the API handed out from (a stream, a download).
 *
 * The API makes its links absolute under `encore.public-url`. A server reached at another address
 * than that (a LAN IP, a second host name, the default `http://localhost:{port}` left unchanged)
 * would hand this page links to another origin, which the page's policy (`media-src 'self'`)
 * refuses. The link's path and query are what carry the signature, and every node answers them,
 * so media elements and downloads load them from this page's own origin.
 *
 * @param {string} link a signed stream or download URL from the API
 * @returns {URL} the same path and query on this page's origin
 */
export function sameOrigin(link) {
  const signed = new URL(link, location.href);
  return new URL(signed.pathname + signed.search + signed.hash, location.origin);
}
