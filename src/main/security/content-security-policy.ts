/**
 * The renderer's Content-Security-Policy, as the app:// handler sends it in a
 * header. The page carries the same policy in a meta tag (src/renderer/index.html,
 * which a test keeps equal to this one), so it also holds where no header is
 * sent (the dev server, the end-to-end harness); the header adds what a meta
 * tag cannot carry, frame-ancestors.
 */

/** The policy in the page's meta tag. Under app:// `'self'` is app://gloss: the built renderer folder and nothing else. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; " +
  "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'";

/** The header: the meta tag's policy, and no page may frame the app. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
