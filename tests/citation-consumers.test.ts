/**
 * The citation exports read by programs Shelfmark did not write: pandoc (Debian's package, /usr/bin/pandoc) reads
 * the BibTeX and the CSL-JSON export to the same entries, and citation-js's RIS plug-in reads the RIS export back to
 * the entries of the CSL-JSON export. The papers come from a BibTeX file through the command line, as a user's do.
 */

import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../core/model.js';
import { CliHarness } from './cli-harness.js';

const FIXTURE = new URL('fixtures/citations.bib', import.meta.url).pathname;

type Entry = Readonly<Record<string, unknown>>;

let cli: CliHarness;
const exports = new Map<'bibtex' | 'csl-json' | 'ris', string>();

async function pandocCslJson(from: 'bibtex' | 'csljson', file: string): Promise<Entry[]> {
  const { stdout } = await promisify(execFile)('pandoc', ['-f', from, '-t', 'csljson', file]);
  return JSON.parse(stdout) as Entry[];
}

/** "Ludwig van Beethoven": a CSL name whole, however a reader cut it (pandoc parts "van" off, Zotero keeps it). */
function fullName(name: unknown): string {
  const parts = name as Readonly<Record<string, string | undefined>>;
  return [parts.given, parts['dropping-particle'], parts['non-dropping-particle'], parts.family, parts.suffix]
    .concat(parts.literal)
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/**
 * An entry's fields as two readers must agree on them: names whole, whitespace as spaces, and titles without `$`
 * (pandoc writes a formula it read from BibTeX as its TeX without the dollars; from CSL-JSON, the dollars are text).
 */
function comparable(entry: Entry): Entry {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (field === '_graph') continue; // citation-js's record of how it read the entry
    if (field === 'author') fields[field] = (value as unknown[]).map(fullName);
    else if (field === 'title') fields[field] = String(value).replace(/\$/g, '');
    else if (field === 'abstract') fields[field] = String(value).replace(/\s+/g, ' ');
    // pandoc's BibTeX reader sets an English venue in sentence case, as it does every title not in braces.
    else if (field === 'container-title') fields[field] = String(value).toLowerCase();
    else fields[field] = value;
  }
  return fields;
}

const pick = (entry: Entry, fields: readonly string[]): Entry =>
  Object.fromEntries(fields.filter((field) => field in entry).map((field) => [field, entry[field]]));

beforeAll(async () => {
  cli = await CliHarness.create();
  expect((await cli.run(['import', FIXTURE])).code).toBe(0);
  const papers = await cli.json<Paper[]>(['list']);
  const witten = papers.find((paper) => paper.title.startsWith('Anti de Sitter'));
  await cli.json(['tag', witten?.id ?? '', 'holography', 'to-cite']);
  for (const [format, file] of [
    ['bibtex', 'all.bib'],
    ['csl-json', 'all.json'],
    ['ris', 'all.ris'],
  ] as const) {
    const out = join(cli.directory, file);
    expect(await cli.run(['export', '--format', format, '--out', out])).toMatchObject({ code: 0, stderr: '' });
    exports.set(format, out);
  }
});

afterAll(async () => {
  await cli.remove();
});

const exported = (format: 'bibtex' | 'csl-json' | 'ris'): string => exports.get(format) ?? '';

describe('pandoc reads the BibTeX and the CSL-JSON export', () => {
  it('to the same entries, under the same keys, with the same fields', async () => {
    const fromBibtex = await pandocCslJson('bibtex', exported('bibtex'));
    const fromCsl = await pandocCslJson('csljson', exported('csl-json'));
    expect(fromCsl.map((entry) => entry.id)).toEqual([
      'xu2023pfgm',
      'xu2023pfgm2',
      'witten1998anti',
      'maldacena1997large',
      'baddeley1974working',
      'nakamura2021bounds',
    ]);
    expect(fromBibtex.map((entry) => entry.id)).toEqual(fromCsl.map((entry) => entry.id));
    for (const [at, bibtexEntry] of fromBibtex.entries()) {
      // BibTeX has no type for a preprint: pandoc reads arXiv's @misc as no type, and CSL-JSON says "article".
      const { type, ...fields } = comparable(bibtexEntry);
      const csl = comparable(fromCsl[at] ?? {});
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(['id', 'author', 'title', 'issued', 'URL']));
      expect(pick(csl, Object.keys(fields))).toEqual(fields);
      if (type !== '') expect(csl.type).toBe(type);
    }
  });

  it('with each DOI of a paper’s own, tags as keywords, every author of a long list and names in any script', async () => {
    const [fromBibtex, fromCsl] = await Promise.all([
      pandocCslJson('bibtex', exported('bibtex')),
      pandocCslJson('csljson', exported('csl-json')),
    ]);
    for (const read of [fromBibtex, fromCsl]) {
      const byId = new Map(read.map((entry) => [entry.id, comparable(entry)]));
      expect(byId.get('witten1998anti')).toMatchObject({
        DOI: '10.4310/ATMP.1998.v2.n2.a2',
        keyword: 'holography, to-cite',
        issued: { 'date-parts': [[1998]] },
      });
      expect(byId.get('baddeley1974working')).toMatchObject({
        DOI: '10.1016/S0079-7421(08)60452-1',
        // An @incollection in the source: a chapter, in every format.
        type: 'chapter',
        author: ['Alan D. Baddeley', 'Graham Hitch'],
      });
      expect(byId.get('maldacena1997large')).toMatchObject({ issued: { 'date-parts': [[1997]] } });
      const authors = byId.get('xu2023pfgm')?.author as string[];
      expect(authors).toHaveLength(12);
      expect(authors.slice(6)).toEqual([
        'Jürgen Müller',
        'Søren Østergaard',
        'Ludwig van Beethoven',
        'Jan Łukasiewicz',
        'Antonín Dvořák',
        'Wei Zhang',
      ]);
      expect(byId.get('nakamura2021bounds')).toMatchObject({
        author: ['Haruki Nakamura', '小明 王', 'María de la Cruz'],
      });
    }
  });

  it('with the arXiv fields Zotero reads from CSL-JSON, and math as its TeX', async () => {
    const byId = new Map((await pandocCslJson('csljson', exported('csl-json'))).map((entry) => [entry.id, entry]));
    expect(byId.get('xu2023pfgm')).toMatchObject({
      type: 'article',
      publisher: 'arXiv',
      number: 'arXiv:2302.04265',
      DOI: '10.48550/arXiv.2302.04265',
      URL: 'https://arxiv.org/abs/2302.04265',
    });
    expect(byId.get('maldacena1997large')).toMatchObject({
      title: 'The Large $N$ Limit of Superconformal Field Theories and Supergravity',
      number: 'arXiv:hep-th/9711200',
      DOI: '10.48550/arXiv.hep-th/9711200',
    });
    expect(byId.get('nakamura2021bounds')).toMatchObject({
      title: 'Bounds at $5 a Query: $\\epsilon$-Optimal Search with $k<n$ Probes',
    });
  });
});

describe('citation-js reads the RIS export', () => {
  it('back to the CSL-JSON export’s entries: keys, authors, title, year, DOI, URL and abstract', async () => {
    const fromRis = new Cite(await readFile(exported('ris'), 'utf8')).data.map(comparable);
    const csl = (JSON.parse(await readFile(exported('csl-json'), 'utf8')) as Entry[]).map(comparable);
    const fields = ['id', 'author', 'title', 'issued', 'DOI', 'URL', 'abstract'];
    expect(fromRis.map((entry) => pick(entry, fields))).toEqual(csl.map((entry) => pick(entry, fields)));
    expect(fromRis.every((entry) => fields.slice(0, 4).every((field) => field in entry))).toBe(true);
    expect(fromRis.find((entry) => entry.id === 'witten1998anti')).toMatchObject({
      keyword: 'holography,to-cite',
      // The journal the source names, not the arXiv repository.
      'container-title': 'adv. theor. math. phys.',
    });
  });
});

describe('a paper’s citation key', () => {
  it('is the same in every format whatever else the export holds', async () => {
    for (const [format, file, key] of [
      ['bibtex', 'one.bib', /^@misc\{xu2023pfgm2,$/m],
      ['csl-json', 'one.json', /^ {4}"id": "xu2023pfgm2",$/m],
      ['ris', 'one.ris', /^ID {2}- xu2023pfgm2\r$/m],
    ] as const) {
      const out = join(cli.directory, file);
      await cli.run(['export', '--format', format, '--query', 'revisited second look', '--out', out]);
      const content = await readFile(out, 'utf8');
      expect(content).toMatch(key);
      expect(content).not.toContain('Unlocking');
    }
  });
});
