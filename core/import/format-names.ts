/** Each digest format in words, as a message or a preview names it. */

import type { DigestFormat } from '../model.js';

const FORMAT_NAMES: Readonly<Record<DigestFormat, string>> = {
  'hf-daily-text': 'a Hugging Face Daily Papers page',
  'hf-daily-json': 'Hugging Face Daily Papers JSON',
  'arxiv-email': 'an arXiv listing email',
  bibtex: 'a BibTeX file',
  'shelfmark-json': 'a Shelfmark library export',
  'arxiv-ids': 'a list of arXiv ids',
};

/** "a Hugging Face Daily Papers page". */
export function formatName(format: DigestFormat): string {
  return FORMAT_NAMES[format];
}
