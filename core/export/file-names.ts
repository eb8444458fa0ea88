/** File names from paper titles that are safe on Windows, macOS and Linux alike. */

/** Bytes of UTF-8 a name may use before its extension: well under every file system's 255. */
export const MAX_NAME_BYTES = 120;

const RESERVED_CHARACTERS = /[<>:"/\\|?*\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const encoder = new TextEncoder();

function truncateToBytes(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  // By code point, so that a surrogate pair or a multi-byte character is never cut in half.
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  // Prefer to end at a word boundary when one is near.
  const space = out.lastIndexOf(' ');
  return space > out.length * 0.6 ? out.slice(0, space) : out;
}

/** The base name (without extension) for a title; `fallback` when the title leaves nothing usable. */
export function safeBaseName(title: string, fallback: string): string {
  let name = title.normalize('NFC').replace(RESERVED_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  name = truncateToBytes(name, MAX_NAME_BYTES)
    .replace(/[. ]+$/, '') // Windows drops trailing dots and spaces
    .replace(/^[. -]+/, ''); // hidden files, and names read as options
  if (!/[\p{L}\p{N}]/u.test(name)) return safeBaseName(fallback, 'paper');
  const stem = name.split('.')[0] ?? name;
  if (WINDOWS_RESERVED.test(stem.trim())) name = `${name}_`;
  return name;
}

/**
 * A unique file name per entry, in order: names that differ only by case count as the same name, since the
 * file systems of macOS and Windows do. A later duplicate gets " (2)", " (3)", …
 */
export function uniqueFileNames(
  entries: readonly { readonly title: string; readonly fallback: string }[],
  extension: string,
): string[] {
  const taken = new Set<string>();
  return entries.map(({ title, fallback }) => {
    const base = safeBaseName(title, fallback);
    let name = `${base}${extension}`;
    for (let copy = 2; taken.has(name.toLocaleLowerCase('en')); copy += 1) name = `${base} (${copy})${extension}`;
    taken.add(name.toLocaleLowerCase('en'));
    return name;
  });
}
