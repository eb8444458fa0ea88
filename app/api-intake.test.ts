/** The intake methods as every transport carries them: arguments checked, errors of the network and of a cancel kept apart. */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliHarness, SAMPLE } from '../tests/cli-harness.js';
import { FakeClock } from '../tests/fake-clock.js';
import { FakeWebApis } from '../tests/fake-web-apis.js';
import { SEVERAL_VERSIONS } from '../tests/fixtures/arxiv-papers.js';
import { dispatchApiCall } from './api-dispatch.js';
import { LibraryService } from './library-service.js';
import { networkSettings } from './net/settings.js';

let cli: CliHarness;
let apis: FakeWebApis;
let clock: FakeClock;
let service: LibraryService;

beforeEach(async () => {
  cli = await CliHarness.create();
  apis = await FakeWebApis.start();
  apis.arxiv.set(SEVERAL_VERSIONS.id, SEVERAL_VERSIONS);
  clock = new FakeClock();
  service = new LibraryService(cli.db, { sampleDigest: SAMPLE, network: networkSettings(apis.env, { clock }) });
});

afterEach(async () => {
  await service.close();
  await apis.close();
  await cli.remove();
});

describe('the intake API', () => {
  it('checks its arguments before anything is asked', async () => {
    expect(await dispatchApiCall(service, 'fetchDailyPapers', [{ date: 'yesterday' }])).toEqual({
      ok: false,
      error: {
        kind: 'invalid-input',
        message: 'The request is not valid: expected a day as YYYY-MM-DD (argument 0.date).',
      },
    });
    expect(await dispatchApiCall(service, 'addPapers', [['2410.03060'], { task: 'a', signal: 'x' }])).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(apis.requests).toEqual([]);
  });

  it('adds papers, with a task id whose progress is null once it is done', async () => {
    const added = await dispatchApiCall(service, 'addPapers', [['2410.03060v3'], { task: 'add-1' }]);
    expect(added).toMatchObject({ ok: true, value: { added: 1, merged: 0 } });
    expect(await dispatchApiCall(service, 'taskProgress', ['add-1'])).toEqual({ ok: true, value: null });
    expect(await dispatchApiCall(service, 'cancelTask', ['add-1'])).toEqual({ ok: true, value: false });
  });

  it('fails as network when a server cannot be reached, and as cancelled when cancelled', async () => {
    await apis.close();
    const offline = await dispatchApiCall(service, 'addPapers', [['2410.03060']]);
    expect(offline).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(offline.ok ? '' : offline.error.message).toMatch(
      /^Could not reach 127\.0\.0\.1:\d+: the connection was refused/,
    );

    const cancelled = dispatchApiCall(service, 'completePapers', [[], { task: 'complete-1' }]);
    expect(await dispatchApiCall(service, 'cancelTask', ['complete-1'])).toEqual({ ok: true, value: true });
    expect(await cancelled).toEqual({
      ok: false,
      error: { kind: 'cancelled', message: 'Cancelled; the library is unchanged.' },
    });
  });
});
