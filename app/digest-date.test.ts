import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { CliHarness } from '../tests/cli-harness.js';
import { dispatchApiCall } from './api-dispatch.js';
import { LibraryService } from './library-service.js';
import { bundledSampleDigest } from './resources.js';

let cli: CliHarness;
const services: LibraryService[] = [];

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
  await cli.remove();
});

function open(): LibraryService {
  const service = new LibraryService(cli.db, {
    sampleDigest: bundledSampleDigest(),
    now: () => new Date('2025-03-12T09:00:00.000Z'),
  });
  services.push(service);
  return service;
}

describe('setDigestDate', () => {
  it('changes the day and the title’s day, and the library keeps them when opened again', async () => {
    const service = open();
    await service.importSample();
    const [sample] = await service.digests();
    expect(sample).toMatchObject({ title: 'Hugging Face Daily Papers, Mar 11', date: '2025-03-11' });
    const id = sample?.id ?? '';

    const change = await service.setDigestDate(id, '2025-03-10');
    expect(change).toEqual({
      digests: [expect.objectContaining({ id, title: 'Hugging Face Daily Papers, Mar 10, 2025', date: '2025-03-10' })],
      note: null,
    });
    await service.close();

    const reopened = open();
    expect(await reopened.digests()).toEqual(change.digests);
    expect((await reopened.getLibraryOutline()).digests).toEqual(change.digests);
    // And another process: the command line.
    const digests = await cli.json<{ date: string }[]>(['digests']);
    expect(digests.map((digest) => digest.date)).toEqual(['2025-03-10']);
  });

  it('says which digest of the same source has that day already', async () => {
    const service = open();
    await service.importSample();
    const page = [{ paper: { id: '2503.07001', title: 'A Paper', submittedOnDailyAt: '2025-03-10T02:00:00Z' } }];
    await service.importFiles([{ name: 'mar-10.json', bytes: new TextEncoder().encode(JSON.stringify(page)) }]);
    const sample = (await service.digests()).find((digest) => digest.date === '2025-03-11');
    const change = await service.setDigestDate(sample?.id ?? '', '2025-03-10');
    expect(change.note).toMatch(
      /^another Hugging Face digest is dated Mar 10, 2025 too: “Hugging Face Daily Papers, Mar 10, 2025” \(hf-2025-03-10-\w+, from mar-10\.json\)/,
    );
    expect(change.digests.map((digest) => digest.date)).toEqual(['2025-03-10', '2025-03-10']);
  });

  it('refuses a digest that is not there and a day that does not exist, changing nothing', async () => {
    const service = open();
    await service.importSample();
    const before = await readFile(cli.db);
    await expect(dispatchApiCall(service, 'setDigestDate', ['hf-none', '2025-03-10'])).resolves.toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No digest has the id "hf-none".' },
    });
    const [sample] = await service.digests();
    const refused = await dispatchApiCall(service, 'setDigestDate', [sample?.id, '2025-02-30']);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(refused.ok ? '' : refused.error.message).toContain('expected a day as YYYY-MM-DD');
    expect(await readFile(cli.db)).toEqual(before);
  });
});
