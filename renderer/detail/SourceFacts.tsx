import './SourceFacts.css';
import { doiUrl } from '../../core/links.js';
import type { Paper } from '../../core/model.js';
import { categoriesPrimaryFirst, publishedDate, venueOf, volumeAndPages } from '../../core/paper-facts.js';
import { FieldText } from '../kit/FieldText.js';
import { ExternalLink } from '../kit/ExternalLink.js';
import { safeHttpUrl } from '../lib/links.js';

/** "Dec 2020" for 2020-12, "Mar 4, 2024" for 2024-03-04: the date a source gives, in the reader's words. */
function publishedLabel(published: string): string {
  const [year = 0, month = 1, day] = published.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day ?? 1)).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    ...(day === undefined ? {} : { day: 'numeric' }),
  });
}

/** The DOI's page at doi.org, as the links take it; null when it is not a link Shelfmark opens. */
export function doiLink(doi: string): string | null {
  return safeHttpUrl(doiUrl(doi));
}

const plural = (count: number, one: string): string => `${count.toLocaleString()} ${count === 1 ? one : `${one}s`}`;

/**
 * What the paper's sources said of it: where it appeared and when, its DOI, its arXiv categories (the primary one
 * first) and comments, and how Hugging Face's readers took it. Only what is known is shown.
 */
export function SourceFacts({ paper }: { paper: Paper }) {
  const { facts } = paper;
  const venue = venueOf(facts);
  const details = volumeAndPages(facts);
  const published = publishedDate(paper);
  const doiHref = paper.doi === null ? null : doiLink(paper.doi);
  const categories = categoriesPrimaryFirst(paper.categories, facts);
  const primary = facts?.primaryCategory;
  const counts = [
    facts?.hfUpvotes === undefined ? null : plural(facts.hfUpvotes, 'upvote'),
    facts?.hfComments === undefined ? null : plural(facts.hfComments, 'comment'),
  ].filter((count) => count !== null);
  const shown =
    venue !== null ||
    published !== null ||
    paper.doi !== null ||
    categories.length > 0 ||
    facts?.comment !== undefined ||
    counts.length > 0;
  if (!shown) return null;

  return (
    <dl className="source-facts">
      {venue !== null && (
        <div>
          <dt>{facts?.venue === undefined ? 'Journal ref' : 'Venue'}</dt>
          <dd>
            <FieldText text={venue} />
            {details !== null && (
              <>
                {', '}
                <FieldText text={details} />
              </>
            )}
            {facts?.publisher !== undefined && (
              <span className="source-facts-muted">
                {' · '}
                <FieldText text={facts.publisher} />
              </span>
            )}
          </dd>
        </div>
      )}
      {published !== null && (
        <div>
          <dt>Published</dt>
          <dd>
            <time dateTime={published}>{publishedLabel(published)}</time>
          </dd>
        </div>
      )}
      {paper.doi !== null && (
        <div>
          <dt>DOI</dt>
          <dd>
            {doiHref === null ? (
              <FieldText text={paper.doi} />
            ) : (
              <ExternalLink className="source-facts-link" href={doiHref}>
                <FieldText text={paper.doi} />
              </ExternalLink>
            )}
          </dd>
        </div>
      )}
      {categories.length > 0 && (
        <div>
          <dt>Categories</dt>
          <dd>
            <ul className="source-facts-categories">
              {categories.map((category) => (
                <li key={category} className={category === primary ? 'is-primary' : undefined}>
                  <FieldText text={category} />
                  {category === primary && <span className="visually-hidden"> (primary)</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {facts?.comment !== undefined && (
        <div>
          <dt>Comments</dt>
          <dd>
            <FieldText text={facts.comment} />
          </dd>
        </div>
      )}
      {counts.length > 0 && (
        <div>
          <dt>Hugging Face</dt>
          <dd>{counts.join(' · ')}</dd>
        </div>
      )}
    </dl>
  );
}
