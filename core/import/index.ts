/** Reading a digest file: bytes → text → format → papers (or a whole library). */

import type { DigestFormat } from '../model.js';
import { parseArxivEmail } from './arxiv-email.js';
import { arxivIdsDigest, type ArxivAnswers } from './arxiv-atom.js';
import { parseArxivIdList, type ArxivRef } from './arxiv-ids.js';
import { parseBibtex } from './bibtex.js';
import { decodeDigest } from './decode.js';
import { formatName } from './format-names.js';
import { capDigest, capLibrary } from './field-caps.js';
import { detectFormat, parseJsonText } from './detect.js';
import { parseHfDailyJson } from './hf-daily-json.js';
import { unrecognisedJsonMessage } from './json-shape.js';
import { parseHfDailyText } from './hf-daily-text.js';
import { parseShelfmarkJson } from './shelfmark-json.js';
import { normalizeLineEndings } from './whitespace.js';
import type { ParsedJson } from './json.js';
import { DigestError, type ParseContext, type ParsedDigest, type ParsedFile, type SkippedBlock } from './types.js';

export { decodeDigest, MAX_DIGEST_BYTES } from './decode.js';
export { detectFormat } from './detect.js';
export { answersFor, matchTitle, readArxivEntry } from './arxiv-atom.js';
export type { ArxivAnswers, ArxivEntry, ArxivFeed, TitleMatch } from './arxiv-atom.js';
export { arxivRefsOf, type ArxivRef } from './arxiv-ids.js';

export { formatName } from './format-names.js';
export { previewImport, type ImportPreview, type PreviewPaper } from './preview.js';
export { DigestError } from './types.js';
export type { ImportWarning, LibrarySnapshot, ParseContext, ParsedDigest, ParsedFile, SkippedBlock } from './types.js';

export const UNRECOGNISED_FORMAT_MESSAGE =
  "Shelfmark does not recognise this format; it reads Hugging Face Daily Papers (page text or JSON), arXiv listing emails, BibTeX and Shelfmark's own JSON export";

const DIGEST_PARSERS: Readonly<
  Record<
    Exclude<DigestFormat, 'shelfmark-json' | 'arxiv-ids'>,
    (text: string, ctx: ParseContext, json: ParsedJson | null) => ParsedDigest
  >
> = {
  'hf-daily-text': parseHfDailyText,
  'hf-daily-json': parseHfDailyJson,
  'arxiv-email': parseArxivEmail,
  bibtex: parseBibtex,
};

/** A list of arXiv ids: the papers it names, whose details are still to be asked of arXiv (by the shell). */
export interface ArxivIdList {
  readonly kind: 'arxiv-ids';
  readonly refs: readonly ArxivRef[];
}

/** What a digest holds: its papers, a whole library, or the arXiv ids of papers. */
export type DigestRead = ParsedFile | ArxivIdList;

/** Throws DigestError, with a message for the user, when the file cannot be imported at all. */
export function readDigestFile(bytes: Uint8Array, ctx: ParseContext): DigestRead {
  return readNormalizedText(decodeDigest(bytes, ctx.fileName), ctx);
}

/** As readDigestFile, for a caller that already has the text. */
export function readDigestText(text: string, ctx: ParseContext): DigestRead {
  return readNormalizedText(normalizeLineEndings(text), ctx);
}

/** As readDigestFile, for a caller that cannot ask arXiv: a list of arXiv ids is refused. */
export function parseDigestFile(bytes: Uint8Array, ctx: ParseContext): ParsedFile {
  return withPapers(readDigestFile(bytes, ctx));
}

/** As parseDigestFile, for a caller that already has the text. */
export function parseDigestText(text: string, ctx: ParseContext): ParsedFile {
  return withPapers(readDigestText(text, ctx));
}

function withPapers(read: DigestRead): ParsedFile {
  if (read.kind === 'arxiv-ids') throw new DigestError('it is a list of arXiv ids, whose details come from arXiv');
  return read;
}

/** `normalized`: without a BOM, with "\n" line endings. */
function readNormalizedText(normalized: string, ctx: ParseContext): DigestRead {
  if (normalized.trim() === '') throw new DigestError('the file is empty');
  const json = parseJsonText(normalized);
  const format = detectFormat(normalized, ctx.fileName, json);
  if (format === null) throw new DigestError(unrecognisedJsonMessage(normalized, json) ?? UNRECOGNISED_FORMAT_MESSAGE);
  if (format === 'arxiv-ids') return { kind: 'arxiv-ids', refs: parseArxivIdList(normalized) };
  if (format === 'shelfmark-json') {
    const library = parseShelfmarkJson(normalized, ctx, json);
    if (library.catalogue.papers.length === 0) throw new DigestError(noPapersMessage(format, []));
    return { kind: 'library', ...capLibrary(library) };
  }
  return withinCaps(DIGEST_PARSERS[format](normalized, ctx, json));
}

/** The digest that arXiv's answers for a list of ids make, as any other digest: with papers, within the caps. */
export function arxivIdsFile(refs: readonly ArxivRef[], answers: ArxivAnswers): ParsedFile {
  return withinCaps(arxivIdsDigest(refs, answers));
}

function withinCaps(digest: ParsedDigest): ParsedFile {
  if (digest.papers.length === 0) throw new DigestError(noPapersMessage(digest.format, digest.skipped));
  return { kind: 'digest', ...capDigest(digest) };
}

function noPapersMessage(format: DigestFormat, skipped: readonly SkippedBlock[]): string {
  const [first] = skipped;
  if (format === 'arxiv-ids') {
    const more = skipped.length > 1 ? ` (and ${(skipped.length - 1).toLocaleString('en')} more)` : '';
    return `arXiv gave none of its papers: ${first?.where ?? ''}: ${first?.reason ?? ''}${more}`;
  }
  const firstProblem = first === undefined ? '' : `; skipped ${first.where}: ${first.reason}`;
  return `it looks like ${formatName(format)} but contains no papers${firstProblem}`;
}
