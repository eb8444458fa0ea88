/**
 * Which of the built renderer's files a request names: one check for browser mode's server and for the desktop
 * app's app:// scheme.
 */

export type StaticTarget = { readonly kind: 'file'; readonly relativePath: string } | { readonly kind: 'bad-path' };

/**
 * The file under the renderer folder a request path names ("" for the index), decoded and checked: a path with
 * "." or ".." segments, a backslash, a NUL, an undecodable escape or a dotfile names nothing.
 */
export function staticTarget(requestPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return { kind: 'bad-path' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'bad-path' };
  return { kind: 'file', relativePath: segments.join('/') };
}
