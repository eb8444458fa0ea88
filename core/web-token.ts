/**
 * What browser mode's page and server agree on about the launch's token. It never travels in a cookie: cookies
 * ignore ports, so every other server on 127.0.0.1 would be handed it.
 */

/** The address printed at launch carries the token in its fragment, `#token=…`, which no browser sends to a server. */
export const TOKEN_FRAGMENT_PARAMETER = 'token';

/** Every API call carries the token in this header; the page's own files are served without it. */
export const TOKEN_HEADER = 'x-shelfmark-token';
