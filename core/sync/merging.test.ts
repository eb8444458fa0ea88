/** Two devices, changes made on each without the other, then each reads the other's files: what the user sees. */

import { describe, expect, it } from 'vitest';

import { canonicalLibrary } from './library.js';
import { exchange, paper, TestDevice } from './simulation/test-device.js';
import type { ParsedDigest } from '../import/types.js';
import type { ParsedPaper } from '../model.js';

const T0 = Date.UTC(2025, 2, 11, 9);
const MINUTE = 60_000;

function digest(...papers: ParsedPaper[]): ParsedDigest {
  return { format: 'bibtex', title: 'Reading group', date: '2025-03-11', papers, skipped: [] };
}

/** A laptop and a desktop that both have one paper, imported on the laptop and read by the desktop. */
function twoDevicesWithOnePaper(): { laptop: TestDevice; desktop: TestDevice; id: string } {
  const laptop = new TestDevice('laptop0001', T0);
  const desktop = new TestDevice('desktop002', T0);
  const [id = ''] = laptop.import(digest(paper('Graph networks', { arxivId: '2401.00001' })));
  exchange(laptop, desktop);
  laptop.now += MINUTE;
  desktop.now += MINUTE;
  return { laptop, desktop, id };
}

function expectSameLibrary(a: TestDevice, b: TestDevice): void {
  expect(canonicalLibrary(a.library)).toBe(canonicalLibrary(b.library));
}

describe('merging what two devices did apart', () => {
  it('keeps tags added on one device and others removed on the other', () => {
    const { laptop, desktop, id } = twoDevicesWithOnePaper();
    laptop.tag(id, 'gnn', 'survey');
    exchange(laptop, desktop);
    laptop.tag(id, 'to-read');
    desktop.untag(id, 'survey');
    exchange(laptop, desktop);
    expect(laptop.state(id)?.tags).toEqual(['gnn', 'to-read']);
    expectSameLibrary(laptop, desktop);
  });

  it('keeps a tag added on one device while the other removed it without having seen that add', () => {
    const { laptop, desktop, id } = twoDevicesWithOnePaper();
    laptop.tag(id, 'gnn');
    exchange(laptop, desktop);
    desktop.untag(id, 'gnn');
    laptop.untag(id, 'gnn');
    laptop.tag(id, 'GNN');
    exchange(laptop, desktop);
    expect(desktop.state(id)?.tags).toEqual(['GNN']);
    expectSameLibrary(laptop, desktop);
  });

  it('shows the later status of two made apart, and a change made after seeing another whatever the clocks say', () => {
    const { laptop, desktop, id } = twoDevicesWithOnePaper();
    laptop.status(id, 'reading');
    desktop.now += MINUTE;
    desktop.status(id, 'read');
    exchange(laptop, desktop);
    expect(laptop.state(id)).toMatchObject({ status: 'read', readAt: new Date(desktop.now).toISOString() });

    // The laptop's clock is a year ahead: its change is stamped far after anything the desktop does next.
    laptop.now += 365 * 24 * 60 * MINUTE;
    laptop.status(id, 'unread');
    exchange(laptop, desktop);
    desktop.now += MINUTE;
    desktop.status(id, 'reading');
    exchange(laptop, desktop);
    expect(laptop.state(id)?.status).toBe('reading');
    expectSameLibrary(laptop, desktop);
    // Nor did the desktop's clock adopt the stamp a year ahead.
    expect(desktop.replica.aheadDevices).toEqual(['laptop0001']);
    expect(desktop.replica.clock.physical).toBeLessThan(desktop.now + 10 * MINUTE);
  });

  it('keeps a note edited on both devices apart as the note and a conflict beside it, until resolved', () => {
    const { laptop, desktop, id } = twoDevicesWithOnePaper();
    laptop.note(id, 'Read section 3.');
    exchange(laptop, desktop);
    laptop.note(id, 'Read section 3, then 4.');
    desktop.now += MINUTE;
    desktop.note(id, 'Skip: superseded by 2402.01234.');
    exchange(laptop, desktop);
    expect(laptop.state(id)?.note).toBe('Skip: superseded by 2402.01234.');
    expect(laptop.library.conflicts.get(id)?.map((conflict) => conflict.text)).toEqual(['Read section 3, then 4.']);
    expectSameLibrary(laptop, desktop);

    // Typing on in the note leaves the conflict where it is.
    laptop.now += MINUTE;
    laptop.note(id, 'Skip: superseded by 2402.01234 (but see its appendix).');
    exchange(laptop, desktop);
    expect(desktop.state(id)?.note).toBe('Skip: superseded by 2402.01234 (but see its appendix).');
    expect(desktop.library.conflicts.get(id)?.map((conflict) => conflict.text)).toEqual(['Read section 3, then 4.']);

    // One click keeps the other text: the conflict is gone on both devices.
    desktop.now += MINUTE;
    desktop.resolve(id, 'Read section 3, then 4.');
    exchange(laptop, desktop);
    expect(laptop.state(id)?.note).toBe('Read section 3, then 4.');
    expect(laptop.library.conflicts.has(id)).toBe(false);
    expectSameLibrary(laptop, desktop);
  });

  it('keeps a device’s own earlier note beside a later one of the other device when it edits on', () => {
    const { laptop, desktop, id } = twoDevicesWithOnePaper();
    laptop.note(id, 'Mine.');
    desktop.now += MINUTE;
    desktop.note(id, 'Theirs.');
    exchange(laptop, desktop);
    laptop.now += 2 * MINUTE;
    laptop.note(id, 'Theirs, and more.');
    exchange(laptop, desktop);
    expect(desktop.state(id)?.note).toBe('Theirs, and more.');
    expect(desktop.library.conflicts.get(id)?.map((conflict) => conflict.text)).toEqual(['Mine.']);
  });

  it('keeps a renamed tag in its place', () => {
    const { laptop, desktop, id } = twoDevicesWithOnePaper();
    laptop.tag(id, 'gnn', 'survey', 'later');
    laptop.rename(id, 'survey', 'review');
    exchange(laptop, desktop);
    expect(desktop.state(id)?.tags).toEqual(['gnn', 'review', 'later']);
  });

  it('moves a digest to the day set last', () => {
    const { laptop, desktop } = twoDevicesWithOnePaper();
    const [digestId = ''] = laptop.library.catalogue.digests.map((one) => one.id);
    laptop.redate(digestId, '2025-03-12');
    desktop.now += MINUTE;
    desktop.redate(digestId, '2025-03-13');
    exchange(laptop, desktop);
    expect(laptop.library.catalogue.digests[0]).toMatchObject({
      date: '2025-03-13',
      title: 'Reading group, Mar 13, 2025',
    });
    expectSameLibrary(laptop, desktop);
  });

  it('puts a change on the paper it was made to when two devices imported one work under two ids', () => {
    const laptop = new TestDevice('laptop0001', T0);
    const desktop = new TestDevice('desktop002', T0 + MINUTE);
    // The laptop has it from a BibTeX file (no arXiv id: an id from its title), the desktop from arXiv.
    const [fromBibtex = ''] = laptop.import(digest(paper('Attention is all you need')));
    const [fromArxiv = ''] = desktop.import(digest(paper('Attention is all you need', { arxivId: '1706.03762' })));
    expect(fromBibtex).not.toBe(fromArxiv);
    laptop.tag(fromBibtex, 'classic');
    desktop.status(fromArxiv, 'read');
    exchange(laptop, desktop);
    expect(laptop.library.catalogue.papers).toHaveLength(1);
    const [{ id } = { id: '' }] = laptop.library.catalogue.papers;
    expect(laptop.state(id)).toMatchObject({ status: 'read', tags: ['classic'] });
    expectSameLibrary(laptop, desktop);
  });

  it('keeps apart two works that two devices imported under one id, each with its own changes', () => {
    const laptop = new TestDevice('laptop0001', T0);
    const desktop = new TestDevice('desktop002', T0 + MINUTE);
    const [mine = ''] = laptop.import(digest(paper('Introduction', { authors: ['Ada Lovelace'], year: 1843 })));
    const [theirs = ''] = desktop.import(digest(paper('Introduction', { authors: ['Alan Turing'], year: 1950 })));
    expect(mine).toBe(theirs);
    laptop.note(mine, 'On the analytical engine.');
    desktop.note(theirs, 'On computable numbers.');
    exchange(laptop, desktop);
    const papers = laptop.library.catalogue.papers;
    expect(papers.map((one) => one.year)).toEqual([1843, 1950]);
    expect(papers.map((one) => laptop.state(one.id)?.note)).toEqual([
      'On the analytical engine.',
      'On computable numbers.',
    ]);
    expect(laptop.library.conflicts.size).toBe(0);
    expectSameLibrary(laptop, desktop);
  });

  it('keeps a change whose paper has not arrived yet, and shows it once the import does', () => {
    const { laptop, desktop } = twoDevicesWithOnePaper();
    const [id = ''] = laptop.import(digest(paper('Diffusion models')));
    laptop.status(id, 'reading');
    // The sync tool brings the laptop's log before its new import.
    const log = laptop.fileTexts().filter(({ path }) => path.endsWith('.jsonl'));
    const early = new TestDevice('desktop002', desktop.now);
    early.replica = desktop.replica;
    early.files.set(log[0]?.path ?? '', log[0]?.text ?? '');
    early.read();
    expect(early.library.waiting).toBe(1);
    expect(early.state(id)).toBeUndefined();
    early.read(laptop);
    expect(early.library.waiting).toBe(0);
    expect(early.state(id)?.status).toBe('reading');
  });

  it('finds a paper the fold renamed (two works imported apart under one id) by the id it has there', () => {
    const laptop = new TestDevice('laptop0001', T0);
    const desktop = new TestDevice('desktop002', T0 + MINUTE);
    const tablet = new TestDevice('tablet0003', T0);
    laptop.import(digest(paper('Same title', { authors: ['Ada One'], year: 2001 })));
    desktop.import(digest(paper('Same title', { authors: ['Bob Two'], year: 2019, abstract: 'Another work.' })));
    exchange(laptop, desktop);
    exchange(laptop, tablet);
    exchange(desktop, tablet);
    const [, renamed = ''] = tablet.library.catalogue.papers.map((record) => record.id);
    expect(renamed).toMatch(/-2$/);
    tablet.tag(renamed, 'second');
    exchange(laptop, tablet);
    expect(tablet.library.waiting).toBe(0);
    expect(laptop.state(renamed)?.tags).toEqual(['second']);
  });
});
