/** Which links Shelfmark renders: only http(s), which the desktop app hands to the system browser. Pure. */

import { httpUrl } from '../../core/links.js';

/** The URL, normalised, when it is a link Shelfmark accepts (see core/links.ts); otherwise null. */
export function safeHttpUrl(raw: string): string | null {
  return httpUrl(raw.trim());
}

export interface PaperLink {
  readonly href: string;
  /** "arXiv", "PDF", "GitHub", or the host name. */
  readonly label: string;
  readonly detail: string;
}

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/i;

function describe(url: URL): { label: string; detail: string } {
  const host = url.hostname.replace(/^www\./, '');
  const path = decodeURIComponent(url.pathname);
  if (host === 'arxiv.org' && path.startsWith('/pdf/')) return { label: 'PDF', detail: `arxiv.org${path}` };
  if (host === 'arxiv.org') return { label: 'arXiv', detail: path.replace(/^\/abs\//, '') };
  if (host === 'huggingface.co' && path.startsWith('/papers/')) return { label: 'Hugging Face', detail: path.slice(8) };
  if (host === 'github.com') return { label: 'GitHub', detail: path.replace(/^\//, '').replace(/\/$/, '') };
  if (host === 'doi.org' || host === 'dx.doi.org') return { label: 'DOI', detail: path.replace(/^\//, '') };
  if (path.toLowerCase().endsWith('.pdf')) return { label: 'PDF', detail: host };
  return { label: host, detail: path === '/' ? '' : path };
}

/** A paper's links: arXiv and DOI first, then what the digest gave; each http(s) URL once. */
export function paperLinks(paper: {
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly links: readonly string[];
}): PaperLink[] {
  const candidates: string[] = [];
  if (paper.arxivId !== null && ARXIV_ID.test(paper.arxivId)) {
    candidates.push(`https://arxiv.org/abs/${paper.arxivId}`);
  }
  if (paper.doi !== null && /^10\.\S+\/\S+$/.test(paper.doi)) candidates.push(`https://doi.org/${paper.doi}`);
  candidates.push(...paper.links);
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  for (const candidate of candidates) {
    const href = safeHttpUrl(candidate);
    if (href === null) continue;
    const key = href.replace(/^http:/, 'https:').replace(/\/$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ href, ...describe(new URL(href)) });
  }
  return links;
}
