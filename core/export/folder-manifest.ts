/**
 * The record a folder export keeps in its folder of the files Shelfmark wrote there: each file's paper and the
 * SHA-256 of the bytes written, so that a later export knows a file is Shelfmark's and unchanged since. A file
 * may list two hashes while an export is writing it: the one it had and the one it is getting.
 */

export const MANIFEST_NAME = '.shelfmark-export.json';

const FORMAT = 'shelfmark-export';
const VERSION = 1;

export interface ManifestEntry {
  readonly paper: string;
  readonly sha256: readonly string[];
}

/** By file name, in NFC (macOS lists names in NFD). */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function entryOf(value: unknown): ManifestEntry | null {
  if (!isRecord(value) || typeof value.paper !== 'string' || !Array.isArray(value.sha256)) return null;
  const hashes = value.sha256.filter((hash): hash is string => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash));
  return hashes.length === value.sha256.length ? { paper: value.paper, sha256: hashes } : null;
}

/** The manifest a file holds, or null when it is not one Shelfmark wrote (or not one this version reads). */
export function parseManifest(text: string): Manifest | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.format !== FORMAT || data.version !== VERSION || !isRecord(data.files)) return null;
  const manifest = new Map<string, ManifestEntry>();
  for (const [name, value] of Object.entries(data.files)) {
    const entry = entryOf(value);
    if (entry === null) return null;
    manifest.set(name.normalize('NFC'), entry);
  }
  return manifest;
}

export function manifestJson(manifest: Manifest): string {
  const names = [...manifest.keys()].sort();
  const files = Object.fromEntries(names.map((name) => [name, manifest.get(name)]));
  return `${JSON.stringify({ format: FORMAT, version: VERSION, files }, null, 2)}\n`;
}
