/**
 * The one rule for links, wherever Shelfmark meets one: what an import keeps, what a note or the detail pane
 * shows as a link, and what the desktop app hands to the system browser. Pure.
 */

/** Longer links than this are refused: no paper link is this long, and it keeps odd payloads away from the OS. */
export const MAX_LINK_LENGTH = 4096;

/** Control characters and whitespace: the URL parser drops some of them silently, which hides what is opened. */
function hasControlOrSpace(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * The normalised form of `text` when it is a link Shelfmark accepts, else null: an absolute http(s) URL with a
 * host, without user name or password (`https://arxiv.org@evil.example/` is refused), and with nothing around or
 * inside it that is a space or a control character.
 */
export function httpUrl(text: string): string | null {
  if (text.length > MAX_LINK_LENGTH || !/^https?:\/\//i.test(text) || hasControlOrSpace(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export function isHttpLink(text: string): boolean {
  return httpUrl(text) !== null;
}
