import { describe, expect, it } from 'vitest';
import { atomEntry, atomErrorEntry, atomFeed } from '../../tests/fake-web-apis.js';
import { OLD_STYLE, SEVERAL_VERSIONS, WITH_DOI } from '../../tests/fixtures/arxiv-papers.js';
import { readAtomFeed } from './atom-feed.js';

describe('readAtomFeed', () => {
  it('reads every field of an entry, whatever the namespaces’ prefixes', () => {
    const xml = atomFeed('id_list=2302.04265', [atomEntry(WITH_DOI)])
      .replaceAll('arxiv:', 'ax:')
      .replace('xmlns:arxiv=', 'xmlns:ax=');
    expect(readAtomFeed(xml)).toEqual({
      totalResults: 1,
      entries: [
        {
          id: 'http://arxiv.org/abs/2302.04265v2',
          title: 'PFGM++: Unlocking the Potential of Physics-Inspired Generative Models',
          summary: 'We introduce a new family of physics-inspired generative models termed\n  PFGM++.',
          published: '2023-02-08T18:58:01Z',
          updated: '2023-02-08T18:58:01Z',
          authors: [
            { name: 'Yilun Xu', affiliations: [] },
            { name: 'Ziming Liu', affiliations: [] },
            { name: 'Max Tegmark', affiliations: [] },
          ],
          doi: '10.5555/example.2023.38572',
          journalRef: 'Proceedings of the 40th International Conference on Machine Learning, PMLR 202 (2023)',
          comment: null,
          primaryCategory: 'cs.LG',
          categories: ['cs.LG', 'cs.CV', 'stat.ML'],
          links: [
            { href: 'http://dx.doi.org/10.5555/example.2023.38572', rel: 'related', title: 'doi', type: null },
            { href: 'http://arxiv.org/abs/2302.04265v2', rel: 'alternate', title: null, type: 'text/html' },
            {
              href: 'http://arxiv.org/pdf/2302.04265v2',
              rel: 'related',
              title: 'pdf',
              type: 'application/pdf',
            },
          ],
        },
      ],
    });
  });

  it('keeps a title’s line breaks, affiliations, and decodes character references', () => {
    const xml = atomFeed('q', [atomEntry(SEVERAL_VERSIONS), atomEntry(OLD_STYLE)]).replace('Jürgen', 'J&#252;rgen');
    const [several, old] = readAtomFeed(xml)?.entries ?? [];
    expect(several?.title).toBe(
      'Attention in $\\mathcal{O}(n \\log n)$: Sparse Transformers for Zürich’s\n  Füße Corpus',
    );
    expect(several?.authors[0]).toEqual({ name: 'Jürgen Müller', affiliations: ['ETH Zürich'] });
    expect(old?.authors[0]?.name).toBe("G. 't Hooft");
  });

  it('reads an error entry as an entry, and an empty feed', () => {
    const feed = readAtomFeed(
      atomFeed('id_list=x', [atomErrorEntry('incorrect_id_format_for_x', 'incorrect id format for x')]),
    );
    expect(feed?.entries[0]).toMatchObject({
      id: 'http://arxiv.org/api/errors#incorrect_id_format_for_x',
      summary: 'incorrect id format for x',
    });
    expect(readAtomFeed(atomFeed('id_list=', []))).toEqual({ totalResults: 0, entries: [] });
  });

  it('is null for what is not an Atom feed, broken XML among it', () => {
    expect(readAtomFeed('<html><body>502 Bad Gateway</body></html>')).toBeNull();
    expect(readAtomFeed('<feed><entry><id>x</id></feed>')).toBeNull();
    expect(readAtomFeed('Service Unavailable')).toBeNull();
    expect(readAtomFeed(atomFeed('q', [atomEntry(WITH_DOI)]).slice(0, 600))).toBeNull();
  });
});
