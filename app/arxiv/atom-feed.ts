/**
 * The arXiv API's Atom feed, read with a maintained XML parser into plain data (core/import/arxiv-atom.ts says what
 * it means). Namespace prefixes are dropped, so `arxiv:doi` is `doi` whatever prefix the feed declares.
 */

import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import type { ArxivAuthor, ArxivEntry, ArxivFeed, ArxivLink } from '../../core/import/arxiv-atom.js';

/** Elements that may come more than once, read as lists even when there is one. */
const REPEATED = new Set(['entry', 'author', 'link', 'category', 'affiliation']);

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML's own entities and character references (`&#252;`, `&#x1F600;`), and nothing else: entities a document
 * declares itself are left as written, never expanded (the arXiv API declares none).
 */
function xmlEntities(): NonNullable<X2jOptions['entityDecoder']> {
  const reference = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi;
  const character = (code: number, written: string): string =>
    code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : written;
  return {
    decode: (text) =>
      text.includes('&')
        ? text.replace(reference, (written, decimal?: string, hex?: string, name?: string) => {
            if (decimal !== undefined) return character(Number.parseInt(decimal, 10), written);
            if (hex !== undefined) return character(Number.parseInt(hex, 16), written);
            return XML_ENTITIES[name ?? ''] ?? written;
          })
        : text,
    setExternalEntities: () => undefined,
    addInputEntities: () => undefined,
    reset: () => undefined,
    setXmlVersion: () => undefined,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  entityDecoder: xmlEntities(),
  isArray: (name) => REPEATED.has(name),
});

type Node = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The feed in `xml`; null when it is not XML, or not an Atom feed. */
export function readAtomFeed(xml: string): ArxivFeed | null {
  // The parser reads broken XML without a word; its validator, the same package's, is deprecated only in favour of
  // a package of its own (fast-xml-validator) that Shelfmark does not take on for this one call.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (XMLValidator.validate(xml) !== true) return null;
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return null;
  }
  const feed = isNode(document) ? document['feed'] : undefined;
  if (!isNode(feed)) return null;
  const total = Number.parseInt(textOf(feed['totalResults']), 10);
  return {
    totalResults: Number.isNaN(total) ? null : total,
    entries: nodesOf(feed['entry']).map(entryOf),
  };
}

function entryOf(entry: Node): ArxivEntry {
  return {
    id: textOf(entry['id']).trim(),
    title: textOf(entry['title']),
    summary: textOf(entry['summary']),
    published: optionalText(entry['published']),
    updated: optionalText(entry['updated']),
    authors: nodesOf(entry['author']).map(authorOf),
    doi: optionalText(entry['doi']),
    journalRef: optionalText(entry['journal_ref']),
    comment: optionalText(entry['comment']),
    primaryCategory: isNode(entry['primary_category']) ? optionalText(entry['primary_category']['@term']) : null,
    categories: nodesOf(entry['category']).flatMap((category) => optionalText(category['@term']) ?? []),
    links: nodesOf(entry['link']).flatMap(linkOf),
  };
}

function authorOf(author: Node): ArxivAuthor {
  const affiliations = Array.isArray(author['affiliation']) ? (author['affiliation'] as readonly unknown[]) : [];
  return {
    name: textOf(author['name']),
    affiliations: affiliations.map(textOf).filter((text) => text !== ''),
  };
}

function linkOf(link: Node): ArxivLink[] {
  const href = optionalText(link['@href']);
  if (href === null) return [];
  return [
    {
      href,
      rel: optionalText(link['@rel']),
      title: optionalText(link['@title']),
      type: optionalText(link['@type']),
    },
  ];
}

function nodesOf(value: unknown): readonly Node[] {
  return Array.isArray(value) ? (value as readonly unknown[]).filter(isNode) : isNode(value) ? [value] : [];
}

/** An element's text: the element itself when it has no attributes, else its `#text`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isNode(value)) return textOf(value['#text']);
  return '';
}

function optionalText(value: unknown): string | null {
  const text = textOf(value).trim();
  return text === '' ? null : text;
}
