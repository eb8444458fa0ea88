import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ReadingState } from '../../core/model.js';
import { LibraryFileError } from './errors.js';
import { STATE_FORMAT } from './schema.js';
import { appendToWriteAheadLog, LOG_START, readWriteAheadLog } from './write-ahead-log.js';

const state = (note: string): ReadingState => ({
  status: 'reading',
  tags: [],
  note,
  readAt: null,
  updatedAt: '2025-03-11T09:00:00.000Z',
});
const line = (id: string, note: string): string =>
  `${JSON.stringify({ schemaVersion: STATE_FORMAT.version, states: { [id]: state(note) } })}\n`;

let directory: string;
let file: string;

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'shelfmark-journal-'));
  file = path.join(directory, 'library.state.log');
});

afterEach(async () => {
  await fs.rm(directory, { recursive: true, force: true });
});

describe('readWriteAheadLog', () => {
  it('is null when there is no journal', async () => {
    expect(await readWriteAheadLog(file, LOG_START)).toBeNull();
  });

  it('reads the changes in order, and then only what was added', async () => {
    await fs.writeFile(file, line('a', '1') + line('b', '2'));
    const first = await readWriteAheadLog(file, LOG_START);
    expect(first?.changes).toEqual([{ a: state('1') }, { b: state('2') }]);
    expect(first?.position).toMatchObject({ end: (await fs.stat(file)).size, lines: 2 });

    await fs.appendFile(file, line('a', '3'));
    const next = await readWriteAheadLog(file, first?.position ?? LOG_START);
    expect(next?.changes).toEqual([{ a: state('3') }]);
    expect(next?.position.lines).toBe(3);
  });

  it('ignores a last line cut short by a crash, and stops before it', async () => {
    const complete = line('a', '1');
    await fs.writeFile(file, complete + line('b', '2').slice(0, 20));
    const read = await readWriteAheadLog(file, LOG_START);
    expect(read?.changes).toEqual([{ a: state('1') }]);
    expect(read?.position.end).toBe(Buffer.byteLength(complete));
  });

  it('calls any other bad line corruption, naming the line', async () => {
    await fs.writeFile(file, line('a', '1') + '{"schemaVersion":1,"states":\n' + line('b', '2'));
    const error: unknown = await readWriteAheadLog(file, LOG_START).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryFileError);
    expect(error).toMatchObject({ file });
    expect((error as LibraryFileError).problem).toMatch(/^line 2 is not valid JSON/);

    await fs.writeFile(
      file,
      line('a', '1') + JSON.stringify({ schemaVersion: 1, states: { b: { status: 'done' } } }) + '\n',
    );
    await expect(readWriteAheadLog(file, LOG_START)).rejects.toThrow(/: line 2: it is not .*states\.b/);
  });

  it('refuses a line from a newer version', async () => {
    await fs.writeFile(file, `${JSON.stringify({ schemaVersion: 9, states: {} })}\n`);
    await expect(readWriteAheadLog(file, LOG_START)).rejects.toThrow(/newer version of Shelfmark/);
  });
});

describe('appendToWriteAheadLog', () => {
  it('creates the journal and appends one line per change', async () => {
    await appendToWriteAheadLog(
      file,
      new Map([
        ['a', state('1')],
        ['b', state('2')],
      ]),
      0,
    );
    const stamp = await appendToWriteAheadLog(file, new Map([['a', state('3')]]), (await fs.stat(file)).size);
    const text = await fs.readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(stamp.size).toBe(Buffer.byteLength(text));
    expect((await readWriteAheadLog(file, LOG_START))?.changes).toEqual([
      { a: state('1'), b: state('2') },
      { a: state('3') },
    ]);
  });

  it('drops a torn tail before appending, so it cannot end up in the middle of the file', async () => {
    const complete = line('a', '1');
    await fs.writeFile(file, complete + '{"schemaVers');
    await appendToWriteAheadLog(file, new Map([['b', state('2')]]), Buffer.byteLength(complete));
    expect(await fs.readFile(file, 'utf8')).toBe(complete + line('b', '2'));
  });
});
