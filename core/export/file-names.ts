/** File names from paper titles that are safe on Windows, macOS and Linux alike. */

/** Bytes of UTF-8 a name may use before its extension: well under every file system's 255. */
const MAX_NAME_BYTES = 120;

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
 * What a name is to a file system that ignores case and Unicode normalization (macOS, Windows): two names with
 * the same key are one file there. Full case folding, so "ς", "σ" and "Σ" are one letter, and "ß", "ẞ" and "SS"
 * one spelling; lower- then upper-casing gives that (upper-casing first would leave "ẞ" apart from "SS"), and
 * uses no context rule, so the key of a name does not depend on what follows it. NFC on both sides, since macOS
 * stores names decomposed (NFD) and case mapping can decompose.
 */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().toUpperCase().normalize('NFC');
}

/** A file to name, and what it may write over: a name already in the folder whose `owner` is the same. */
export interface FileToName {
  readonly base: string;
  readonly owner: string;
}

/** A name already in a folder, and who owns it: an owner's file may be written over by that owner only. */
export interface NameInFolder {
  readonly name: string;
  /** Null when nothing may write over it (the user's own file, a folder, …). */
  readonly owner: string | null;
}

export interface PlacedFile {
  readonly name: string;
  /** The name in the folder this file writes over (spelt as the folder has it), if any. */
  readonly replaces: string | null;
  /** Names in the folder nothing may write over that this file's name stepped around. */
  readonly around: readonly string[];
}

/** A name without its extension that ends as a copy does: its base, and which copy. */
const COPY_SUFFIX = /^(.*) \(([0-9]{1,6})\)$/u;

/** `base.ext`, then `base (2).ext`, `base (3).ext`, … */
const copyName = (base: string, copy: number, extension: string): string =>
  copy === 1 ? `${base}${extension}` : `${base} (${copy})${extension}`;

/** Which copy of `base` a name is (1 for `base.ext`, 2 for `base (2).ext`, …), or null when it is none. */
function copyNumber(name: string, base: string, extension: string): number | null {
  const key = fileNameKey(name);
  if (key === fileNameKey(copyName(base, 1, extension))) return 1;
  const copy = COPY_SUFFIX.exec(name.slice(0, name.length - extension.length))?.[2];
  return copy !== undefined && key === fileNameKey(copyName(base, Number(copy), extension)) ? Number(copy) : null;
}

/**
 * The keys of the bases `name` may be a copy of: `X (2).md` is the second copy of `X`, or the first of `X (2)`.
 * Empty when it does not end with `extension`.
 */
export function copyBaseKeys(name: string, extension: string): string[] {
  if (fileNameKey(name.slice(-extension.length)) !== fileNameKey(extension)) return [];
  const stem = name.slice(0, name.length - extension.length);
  const copyOf = COPY_SUFFIX.exec(stem)?.[1];
  return copyOf === undefined ? [fileNameKey(stem)] : [fileNameKey(stem), fileNameKey(copyOf)];
}

/**
 * A unique name per file, in order, beside the names already in a folder. Names with one key (see fileNameKey)
 * count as one name; a later duplicate, or a file whose name is taken by something it may not write over, gets
 * " (2)", " (3)", … A file keeps the name it already has there (its owner's, among its own candidates), so that
 * names stay put from one export to the next.
 */
export function placeFiles(
  files: readonly FileToName[],
  extension: string,
  folder: readonly NameInFolder[] = [],
): PlacedFile[] {
  const existing = new Map<string, NameInFolder>();
  for (const entry of folder) {
    const key = fileNameKey(entry.name);
    const other = existing.get(key);
    // Two spellings of one key (a case-sensitive disk): an owner's only when both are that owner's.
    const foreign = other?.owner === null ? other : { ...entry, owner: null };
    existing.set(key, other === undefined || other.owner === entry.owner ? entry : foreign);
  }
  const owned = new Map<string, NameInFolder[]>();
  for (const entry of existing.values()) {
    if (entry.owner !== null) owned.set(entry.owner, [...(owned.get(entry.owner) ?? []), entry]);
  }

  // First the names files already have, so that no earlier file takes a later one's name.
  const taken = new Set<string>();
  const keptCopy = files.map((file) => {
    const copies = (owned.get(file.owner) ?? [])
      .map((entry) => copyNumber(entry.name, file.base, extension))
      .filter((copy): copy is number => copy !== null && !taken.has(fileNameKey(copyName(file.base, copy, extension))))
      .sort((a, b) => a - b);
    const copy = copies[0];
    if (copy !== undefined) taken.add(fileNameKey(copyName(file.base, copy, extension)));
    return copy;
  });

  return files.map((file, index) => {
    const around: string[] = [];
    for (let copy = 1; ; copy += 1) {
      const name = copyName(file.base, copy, extension);
      const key = fileNameKey(name);
      const entry = existing.get(key);
      const kept = keptCopy[index];
      const mine =
        kept === undefined ? !taken.has(key) && (entry === undefined || entry.owner === file.owner) : copy === kept;
      if (mine) {
        taken.add(key);
        return { name: entry?.name ?? name, replaces: entry?.name ?? null, around };
      }
      if (entry?.owner === null) around.push(entry.name);
    }
  });
}

/**
 * A unique file name per entry, in order: names that are one name on macOS and Windows (differing only by case
 * or Unicode normalization) count as the same name. A later duplicate gets " (2)", " (3)", …
 */
export function uniqueFileNames(
  entries: readonly { readonly title: string; readonly fallback: string }[],
  extension: string,
): string[] {
  const files = entries.map(({ title, fallback }) => ({ base: safeBaseName(title, fallback), owner: '' }));
  return placeFiles(files, extension).map((file) => file.name);
}
