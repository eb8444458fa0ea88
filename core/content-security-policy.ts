/**
 * The renderer's Content-Security-Policy, the same in the desktop app and in browser mode: only Shelfmark's own
 * files run or load, nothing is framed, no form posts. renderer/index.html carries it as a <meta> tag too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
