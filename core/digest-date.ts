/**
 * A digest's day: set at import (`import --date`) or changed later, its title following it, and never the same
 * day as another digest of a source that has one a day without the user being told. Pure.
 */

import { NotFoundError } from './errors.js';
import { isoDateLabel, shortDate } from './import/dates.js';
import type { ParsedDigest } from './import/types.js';
import type { Catalogue, Digest, DigestFormat } from './model.js';
import { quoteForMessage } from './terminal-text.js';

/**
 * Sources with one page a day: two of their digests on one day means one of them is dated wrong (or is the same
 * page saved twice). An arXiv listing is not one: a day has one per subject class.
 */
const ONE_A_DAY: Readonly<Partial<Record<DigestFormat, string>>> = {
  'hf-daily-text': 'Hugging Face',
  'hf-daily-json': 'Hugging Face',
};

/** How many of the other digests of the same day a note names. */
const NAMED = 3;

/** The title with the day in it that `to` is: the old day's label replaced, or the new one added. */
export function titleForDate(title: string, from: string | null, to: string): string {
  const label = isoDateLabel(to);
  if (from === null) return `${title}, ${label}`;
  const [, month = 1, day = 1] = from.split('-').map(Number);
  // "Mar 11, 2025", or "Mar 11" as a page that names no year is titled.
  const old = [isoDateLabel(from), shortDate(month, day)].find((text) => title.endsWith(`, ${text}`));
  return old === undefined ? `${title}, ${label}` : `${title.slice(0, -old.length)}${label}`;
}

/** The digest as of the day the user gave at import; a note says so when the file gave another day. */
export function withImportDate(digest: ParsedDigest, date: string): ParsedDigest {
  if (digest.date === date) return digest;
  const said =
    digest.date === null
      ? `dated ${isoDateLabel(date)} as asked`
      : `dated ${isoDateLabel(date)} as asked, though the file says ${isoDateLabel(digest.date)}`;
  return {
    ...digest,
    title: titleForDate(digest.title, digest.date, date),
    date,
    notes: [...(digest.notes ?? []), said],
  };
}

/** The catalogue with the digest's day (and the day in its title) changed. Throws NotFoundError for no digest. */
export function redateDigest(catalogue: Catalogue, digestId: string, date: string): Catalogue {
  const digest = catalogue.digests.find((candidate) => candidate.id === digestId);
  if (digest === undefined) throw new NotFoundError(`No digest has the id "${quoteForMessage(digestId)}".`);
  if (digest.date === date) return catalogue;
  const redated: Digest = { ...digest, date, title: titleForDate(digest.title, digest.date, date) };
  return { ...catalogue, digests: catalogue.digests.map((candidate) => (candidate === digest ? redated : candidate)) };
}

/** What telling digests of one day apart takes. */
type DigestDay = Pick<Digest, 'id' | 'format' | 'date' | 'title' | 'source'>;

/** The other digests of the same one-a-day source (Hugging Face) as the digest, of the day `date`. */
export function sameDayDigests<T extends DigestDay>(digests: readonly T[], digest: DigestDay, date: string): T[] {
  const source = ONE_A_DAY[digest.format];
  if (source === undefined) return [];
  return digests.filter((other) => other.id !== digest.id && other.date === date && ONE_A_DAY[other.format] === source);
}

/**
 * What the user should know when the digest shares its day with others of a source that has one a day: which
 * they are. Null when it shares it with none. The digests are kept apart whatever this says.
 */
export function sameDayNote(digests: readonly DigestDay[], digestId: string): string | null {
  const digest = digests.find((candidate) => candidate.id === digestId);
  if (digest?.date == null) return null;
  const others = sameDayDigests(digests, digest, digest.date);
  if (others.length === 0) return null;
  const named = others
    .slice(0, NAMED)
    .map(
      (other) =>
        `“${quoteForMessage(other.title)}” (${quoteForMessage(other.id)}, from ${quoteForMessage(other.source)})`,
    );
  const more = others.length > NAMED ? ` and ${others.length - NAMED} more` : '';
  const source = ONE_A_DAY[digest.format] ?? '';
  const which = others.length === 1 ? `another ${source} digest is` : `${others.length} other ${source} digests are`;
  return (
    `${which} dated ${isoDateLabel(digest.date)} too: ${named.join(', ')}${more}; ` +
    'they are kept apart: if one of them is of another day, change its date'
  );
}
