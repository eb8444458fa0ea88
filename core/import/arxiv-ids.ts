/**
 * A list of papers by arXiv id: ids in any form (`2410.03060`, `2410.03060v2`, `hep-th/9901001`, `arXiv:…`),
 * arxiv.org abs and PDF links, and huggingface.co/papers links, one or more a line. Only their ids are here: their
 * details come from the arXiv API, which the shell asks. Pure.
 */

import { normalizeArxivId } from '../identity.js';
import { quoteForMessage } from '../terminal-text.js';

/** A paper the list names, and where. */
export interface ArxivRef {
  /** Without version: "2410.03060", "hep-th/9901001". */
  readonly arxivId: string;
  /** As a skipped block names it: "line 3 (2410.03060v2)", or the argument as given. */
  readonly where: string;
}

const ARXIV_URL = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i;
const HF_PAPER_URL = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/papers\/([^/?#\s]+)\/?(?:[?#].*)?$/i;
/** What separates the ids of one line. */
const SEPARATORS = /[\s,;]+/;
/** More ids than this is not a list someone pasted: it is not taken for one. */
const MAX_IDS = 10_000;

/** The arXiv id (without version) that `token` names: an id, an arxiv.org or huggingface.co/papers link; else null. */
export function arxivIdOf(token: string): string | null {
  const text = token.trim().replace(/^<(.*)>$/, '$1');
  const hf = HF_PAPER_URL.exec(text);
  if (hf?.[1] !== undefined) return normalizeArxivId(hf[1]);
  // A link elsewhere is not a paper, whatever its path holds: https://example.org/arxiv.org/abs/2410.03060.
  const link = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|www\.)|arxiv\.org/i.test(text);
  if (link && !ARXIV_URL.test(text)) return null;
  return normalizeArxivId(text);
}

function tokensOf(line: string): readonly string[] {
  return line.split(SEPARATORS).filter((token) => token !== '');
}

/** Whether every line of `text` that is not blank holds only arXiv ids and links to papers, and it holds one. */
export function looksLikeArxivIdList(text: string): boolean {
  let ids = 0;
  for (const line of text.split('\n')) {
    for (const token of tokensOf(line)) {
      if (arxivIdOf(token) === null || ++ids > MAX_IDS) return false;
    }
  }
  return ids > 0;
}

/** The papers a list names, each once, in the order first named. */
export function parseArxivIdList(text: string): readonly ArxivRef[] {
  const refs: ArxivRef[] = [];
  const seen = new Set<string>();
  for (const [index, line] of text.split('\n').entries()) {
    for (const token of tokensOf(line)) {
      const arxivId = arxivIdOf(token);
      if (arxivId === null || seen.has(arxivId)) continue;
      seen.add(arxivId);
      refs.push({ arxivId, where: `line ${(index + 1).toLocaleString('en')} (${quoteForMessage(token)})` });
    }
  }
  return refs;
}

/**
 * The papers that arguments name (`shelfmark add`, the app's "Add papers" field), each once; `unknown` lists the
 * arguments that name none, as they were given.
 */
export function arxivRefsOf(args: readonly string[]): {
  readonly refs: readonly ArxivRef[];
  readonly unknown: readonly string[];
} {
  const refs: ArxivRef[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    for (const token of tokensOf(arg)) {
      const arxivId = arxivIdOf(token);
      if (arxivId === null) unknown.push(token);
      else if (!seen.has(arxivId)) {
        seen.add(arxivId);
        refs.push({ arxivId, where: quoteForMessage(token) });
      }
    }
  }
  return { refs, unknown };
}

/** Why arguments that name no paper cannot be added: each named, as given. */
export function notArxivRefsMessage(unknown: readonly string[]): string {
  const named = unknown.map((ref) => `"${quoteForMessage(ref)}"`).join(', ');
  return `${named} ${unknown.length === 1 ? 'is' : 'are'} not an arXiv id (2410.03060, hep-th/9901001) or a link to a paper on arxiv.org or huggingface.co/papers; nothing was added.`;
}
