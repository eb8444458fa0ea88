/**
 * The BibTeX export read by a real consumer: a DBLP bibliography imported with the command line and exported again
 * reads, in pandoc (`pandoc -f bibtex -t csljson`, what citeproc cites from), as the original does: every entry of
 * the same type, in the same container, with the same pages, volume, issue, publisher, DOI and year.
 */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliHarness } from './cli-harness.js';

const PANDOC = '/usr/bin/pandoc';
const DBLP = new URL('../core/import/fixtures/dblp.bib', import.meta.url).pathname;

/** What pandoc makes of a BibTeX file: CSL items, each with the fields a citation is made of. */
function cslItems(file: string): Map<string, Readonly<Record<string, unknown>>> {
  const items = JSON.parse(execFileSync(PANDOC, ['-f', 'bibtex', '-t', 'csljson', file], { encoding: 'utf8' })) as {
    readonly title: string;
    readonly [field: string]: unknown;
  }[];
  return new Map(
    items.map((item) => [
      item.title.toLowerCase(),
      {
        type: item['type'],
        'container-title': item['container-title'],
        'collection-title': item['collection-title'],
        page: item['page'],
        volume: item['volume'],
        issue: item['issue'],
        number: item['number'],
        publisher: item['publisher'],
        DOI: item['DOI'],
        year: (item['issued'] as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0],
        editor: item['editor'],
      },
    ]),
  );
}

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(() => cli.remove());

describe.skipIf(!existsSync(PANDOC))(`the BibTeX export, read by pandoc (${PANDOC})`, () => {
  it('gives every paper of a DBLP bibliography as pandoc reads it from the original file', async () => {
    expect((await cli.run(['import', DBLP])).code).toBe(0);
    const out = join(cli.directory, 'export.bib');
    const exported = await cli.run(['export', '--format', 'bibtex', '--all', '--out', out]);
    expect(exported.code).toBe(0);

    const original = cslItems(DBLP);
    const roundTrip = cslItems(out);
    // Every entry but the proceedings the others cross-reference, which is a volume, not a paper.
    expect([...roundTrip.keys()].sort()).toEqual(
      [...original.keys()].filter((title) => !title.startsWith('3rd')).sort(),
    );
    for (const [title, item] of roundTrip) expect([title, item]).toEqual([title, original.get(title)]);
    // What the comparison holds to, so that it cannot pass on empty items.
    const types = [...roundTrip.values()].map((item) => item['type']);
    expect(new Set(types)).toEqual(
      new Set(['paper-conference', 'article-journal', 'chapter', 'book', 'thesis', 'report']),
    );
    expect([...roundTrip.values()].filter((item) => item['page'] !== undefined)).toHaveLength(6);
    expect(await readFile(out, 'utf8')).toContain('@inproceedings{ho2020denoising,');
  });
});
