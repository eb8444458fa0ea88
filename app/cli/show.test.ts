/** `show` and `list --json` give what the sources said of a paper: its venue, pages, date, categories, comments. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness } from '../../tests/cli-harness.js';

const fixture = (name: string) => new URL(`../../core/import/fixtures/${name}`, import.meta.url).pathname;

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
  const imported = await cli.run(['import', fixture('dblp.bib'), fixture('arxiv-listing.txt')]);
  expect(imported.code).toBe(0);
});

afterEach(() => cli.remove());

describe('what the sources said of a paper', () => {
  it('is shown by show, labelled, beside the record', async () => {
    const [ddpm] = await cli.json<Paper[]>(['search', 'Denoising Diffusion Probabilistic']);
    const { stdout } = await cli.run(['show', ddpm?.id ?? '']);
    expect(stdout).toContain(
      [
        'Authors:  Jonathan Ho, Ajay Jain, Pieter Abbeel',
        'Type:     inproceedings',
        'Venue:    Advances in Neural Information Processing Systems 33: Annual Conference on Neural Information ' +
          'Processing Systems 2020, NeurIPS 2020, December 6-12, 2020, virtual',
        "Editors:  Hugo Larochelle, Marc'Aurelio Ranzato, Raia Hadsell, Maria-Florina Balcan, Hsuan-Tien Lin",
        'In:       pp. 6840–6851',
        'Publisher: Curran Associates, Inc.',
        'Published: 2020-12',
      ].join('\n'),
    );
    const arxiv = await cli.run(['show', '2403.05678']);
    expect(arxiv.stdout).toContain(
      ['Published: 2024-03-02', 'Categories: math.PR (primary), cs.LG', 'Comments: 30 pages'].join('\n'),
    );
  });

  it('is in show --json and list --json, as the record keeps it', async () => {
    expect((await cli.json<Paper>(['show', '2403.01502'])).facts).toEqual({
      published: '2024-03-04',
      journalRef: 'Proceedings of the ACM Web Conference 2024',
      primaryCategory: 'cs.LG',
    });
    const listed = await cli.json<Paper[]>(['list']);
    const go = listed.find((paper) => paper.title.startsWith('Mastering the game of Go'));
    expect(go?.facts).toMatchObject({ type: 'article', venue: 'Nat.', volume: '529', pages: '484–489' });
  });
});
