/** A library written before devices, as the base of a synced one: nothing in it lost. */

import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { foldImports } from './catalogue-fold.js';
import { legacyBase } from './legacy.js';
import { buildLibrary } from './library.js';
import { joinStates } from './sync-state.js';
import type { ParsedDigest } from '../import/types.js';
import { mergeDigest } from '../merge.js';
import { emptyStateMap, type Catalogue, type ParsedPaper, type ReadingState, type ReadingStateMap } from '../model.js';
import { addTags, setNote, setStatus } from '../reading.js';

function paper(title: string, arxivId: string | null): ParsedPaper {
  return { title, abstract: '', authors: ['Ada Lovelace'], arxivId, doi: null, year: 2024, links: [], categories: [] };
}

function digest(title: string, papers: ParsedPaper[]): ParsedDigest {
  return { format: 'hf-daily-json', title, date: '2025-03-11', papers, skipped: [] };
}

function changed(state: ReadingState | undefined): ReadingState {
  if (state === undefined) throw new Error('no change made');
  return state;
}

/** A library as today's Shelfmark writes it: a catalogue of two digests, and reading states changed over days. */
function todaysLibrary(): { catalogue: Catalogue; states: ReadingStateMap } {
  let catalogue: Catalogue = { papers: [], digests: [] };
  catalogue = mergeDigest(
    catalogue,
    digest('Daily, Mar 11', [paper('Graphs', '2401.00001'), paper('Proteins', null)]),
    'a.json',
    '2025-03-11T08:00:00.000Z',
  ).catalogue;
  catalogue = mergeDigest(
    catalogue,
    digest('Daily, Mar 12', [paper('Proteins', null), paper('Agents', '2401.00003')]),
    'b.json',
    '2025-03-12T08:00:00.000Z',
  ).catalogue;
  const [graphs = '', proteins = ''] = catalogue.papers.map((one) => one.id);
  const states = emptyStateMap();
  const read = setStatus(undefined, 'read', '2025-03-11T09:00:00.000Z');
  states[graphs] = changed(
    setNote(
      addTags(read, ['gnn', 'to read', 'Survey'], '2025-03-11T09:05:00.000Z'),
      'Figure 2 is wrong.',
      '2025-03-11T09:10:00.000Z',
    ),
  );
  states[proteins] = changed(addTags(undefined, ['bio'], '2025-03-12T10:00:00.000Z'));
  // A state kept under a paper id merged away (core/paper-merge.ts keeps it there).
  states['merged-away'] = changed(setStatus(undefined, 'reading', '2025-03-12T11:00:00.000Z'));
  return { catalogue, states };
}

describe("a library written by today's Shelfmark, as a synced library's base", () => {
  it('reads back as the same catalogue and the same reading states, field for field', () => {
    const { catalogue, states } = todaysLibrary();
    const base = legacyBase(catalogue, states);
    const library = buildLibrary(base.state, foldImports([base.import]));
    expect(library.catalogue).toEqual(catalogue);
    const shown = Object.entries(states).filter(([id]) => id !== 'merged-away');
    expect(Object.entries(library.states)).toEqual(shown);
    expect(library.waiting).toBe(1);
  });

  it('is the same base whichever device makes it, and two of them join to one', () => {
    const { catalogue, states } = todaysLibrary();
    const one = legacyBase(catalogue, states);
    const other = legacyBase(structuredClone(catalogue), structuredClone(states));
    expect(canonicalJson(other)).toBe(canonicalJson(one));
    const twice = buildLibrary(joinStates([one.state, other.state]), foldImports([one.import, other.import]));
    expect(canonicalJson(twice.states)).toBe(canonicalJson(buildLibrary(one.state, foldImports([one.import])).states));
  });

  it('merges two copies that went apart: the later status, every tag, the later note with the other beside it', () => {
    const { catalogue, states } = todaysLibrary();
    const [graphs = ''] = catalogue.papers.map((one) => one.id);
    const before = changed(states[graphs]);
    const laterCopy = {
      ...states,
      [graphs]: {
        ...before,
        status: 'unread' as const,
        readAt: null,
        tags: ['gnn'],
        note: 'Figure 2 is right.',
        updatedAt: '2025-03-13T09:00:00.000Z',
      },
    };
    const [a, b] = [legacyBase(catalogue, states), legacyBase(catalogue, laterCopy)];
    const library = buildLibrary(joinStates([a.state, b.state]), foldImports([a.import, b.import]));
    expect(library.states[graphs]).toMatchObject({
      status: 'unread',
      note: 'Figure 2 is right.',
      tags: ['gnn', 'to-read', 'Survey'],
    });
    expect(library.conflicts.get(graphs)?.map((conflict) => conflict.text)).toEqual(['Figure 2 is wrong.']);
    expect(library.catalogue.papers).toHaveLength(3);
  });
});
