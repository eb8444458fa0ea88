/** Reading a digest file: bytes → text → format → papers (or a whole library). */

import type { DigestFormat } from '../model.js';
import { parseArxivEmail } from './arxiv-email.js';
import { parseBibtex } from './bibtex.js';
import { decodeDigest } from './decode.js';
import { formatName } from './format-names.js';
import { capDigest, capLibrary } from './field-caps.js';
import { detectFormat, parseJsonText } from './detect.js';
import { parseHfDailyJson } from './hf-daily-json.js';
import { parseHfDailyText } from './hf-daily-text.js';
import { parseShelfmarkJson } from './shelfmark-json.js';
import { normalizeLineEndings } from './whitespace.js';
import type { ParsedJson } from './json.js';
import { DigestError, type ParseContext, type ParsedDigest, type ParsedFile, type SkippedBlock } from './types.js';

export { decodeDigest, MAX_DIGEST_BYTES } from './decode.js';
export { detectFormat } from './detect.js';
export { formatName } from './format-names.js';
export { previewImport, type ImportPreview, type PreviewPaper } from './preview.js';
export { DigestError } from './types.js';
export type { ImportWarning, LibrarySnapshot, ParseContext, ParsedDigest, ParsedFile, SkippedBlock } from './types.js';

export const UNRECOGNISED_FORMAT_MESSAGE =
  "Shelfmark does not recognise this format; it reads Hugging Face Daily Papers (page text or JSON), arXiv listing emails, BibTeX and Shelfmark's own JSON export";

const DIGEST_PARSERS: Readonly<
  Record<
    Exclude<DigestFormat, 'shelfmark-json'>,
    (text: string, ctx: ParseContext, json: ParsedJson | null) => ParsedDigest
  >
> = {
  'hf-daily-text': parseHfDailyText,
  'hf-daily-json': parseHfDailyJson,
  'arxiv-email': parseArxivEmail,
  bibtex: parseBibtex,
};

/** Throws DigestError, with a message for the user, when the file cannot be imported at all. */
export function parseDigestFile(bytes: Uint8Array, ctx: ParseContext): ParsedFile {
  return parseNormalizedText(decodeDigest(bytes, ctx.fileName), ctx);
}

/** As parseDigestFile, for a caller that already has the text. */
export function parseDigestText(text: string, ctx: ParseContext): ParsedFile {
  return parseNormalizedText(normalizeLineEndings(text), ctx);
}

/** `normalized`: without a BOM, with "\n" line endings. */
function parseNormalizedText(normalized: string, ctx: ParseContext): ParsedFile {
  if (normalized.trim() === '') throw new DigestError('the file is empty');
  const json = parseJsonText(normalized);
  const format = detectFormat(normalized, ctx.fileName, json);
  if (format === null) throw new DigestError(UNRECOGNISED_FORMAT_MESSAGE);
  if (format === 'shelfmark-json') {
    const library = parseShelfmarkJson(normalized, ctx, json);
    if (library.catalogue.papers.length === 0) throw new DigestError(noPapersMessage(format, []));
    return { kind: 'library', ...capLibrary(library) };
  }
  const digest = DIGEST_PARSERS[format](normalized, ctx, json);
  if (digest.papers.length === 0) throw new DigestError(noPapersMessage(format, digest.skipped));
  return { kind: 'digest', ...capDigest(digest) };
}

function noPapersMessage(format: DigestFormat, skipped: readonly SkippedBlock[]): string {
  const [first] = skipped;
  const firstProblem = first === undefined ? '' : `; skipped ${first.where}: ${first.reason}`;
  return `it looks like ${formatName(format)} but contains no papers${firstProblem}`;
}
