import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { jsonChunks } from './json-chunks.js';
import { readJsonInPieces } from './json-pieces.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-json-pieces-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** What reading `text` from a file in pieces gives, with `readBytes` read at a time, or the error it throws. */
async function readBack(text: string, readBytes?: number): Promise<unknown> {
  const file = join(directory, 'file.json');
  await writeFile(file, text);
  const handle = await open(file, 'r');
  try {
    return await readJsonInPieces(handle, () => readFile(file, 'utf8'), readBytes);
  } finally {
    await handle.close();
  }
}

/** What JSON.parse gives for `text`, or the error it throws. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return error;
  }
}

async function readBackOrError(text: string, readBytes?: number): Promise<unknown> {
  try {
    return await readBack(text, readBytes);
  } catch (error) {
    return error;
  }
}

const TEXTS = [
  '{"schemaVersion":2,"papers":[{"id":"a","authors":["Ada","Ω"],"year":null},{"id":"b"}],"digests":[]}',
  ' \n{ "a" : [ 1 , -2.5e3 , true , false , null , "x" , [ ] , { } , [ [ 1 ] ] ] , "b" : { "c" : [ 1 ] } } \r\n',
  '{"quotes":["\\"","\\\\","\\\\\\"","a\\\\\\\\","}","]","{[","\\u00e9\\ud83d\\ude00"],"n":-0}',
  '{"Schrödinger":["Erwin Schrödinger","𝔘𝔫𝔦𝔠𝔬𝔡𝔢","日本語"],"mixed":"ø"}',
  '{"__proto__":[1],"toString":{"x":1},"2":"two","1":"one"}',
  '{"twice":[1],"other":1,"twice":[2,3]}',
  '{}',
  '{"empty":[],"emptyObject":{},"nested":[{"a":[{"b":[]}]}]}',
  '[1,2,3]',
  '"text"',
  '12',
];

const BROKEN = [
  '',
  ' ',
  '{',
  '{"a":[1,2}',
  '{"a":[1,2,]}',
  '{"a":1,}',
  '{a:1}',
  '{"a":1} x',
  '{"a":"unterminated}',
  '{"a":[1,2]',
  '{"a":tru}',
  '{"a":[1 2]}',
  '{"a":"line\nbreak"}',
  '\uFEFF{"a":1}',
  '{"a":[01]}',
];

describe('readJsonInPieces', () => {
  it('gives what JSON.parse gives, whatever the size of the pieces read', async () => {
    for (const text of TEXTS) {
      for (const readBytes of [1, 2, 3, 7, 64, undefined]) {
        const value = await readBack(text, readBytes);
        expect(value).toStrictEqual(JSON.parse(text));
        expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
      }
    }
  });

  it('keeps "__proto__" as a property, as JSON.parse does, and the object an ordinary one', async () => {
    const value = (await readBack('{"__proto__":[1],"x":1}', 2)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'x']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual([1]);
  });

  it('fails on what is not JSON as JSON.parse fails, with its message', async () => {
    for (const text of BROKEN) {
      for (const readBytes of [1, 5, undefined]) {
        const error = await readBackOrError(text, readBytes);
        expect(error).toBeInstanceOf(SyntaxError);
        expect((error as Error).message).toBe((parsed(text) as Error).message);
      }
    }
  });

  it('reads back a large catalogue as it was written, elements larger than what is read at a time included', async () => {
    const papers = Array.from({ length: 3_000 }, (_, index) => ({
      id: `paper-${index}`,
      title: index % 7 === 0 ? `Über “quoted” \\ "${index}"` : `Title ${index}`,
      abstract: 'word '.repeat(index % 50),
      authors: ['Ada Lovelace', 'Ωmega'],
      year: index % 3 === 0 ? null : 2000 + (index % 25),
    }));
    const catalogue = { schemaVersion: 2, papers, digests: [{ id: 'd', paperIds: papers.map((paper) => paper.id) }] };
    let text = '';
    // Each piece decoded as it comes: the next one is written into the same buffer.
    for (const chunk of jsonChunks(catalogue, 4096)) text += Buffer.from(chunk).toString('utf8');
    expect(await readBack(text, 1024)).toStrictEqual(catalogue);
  });
});
