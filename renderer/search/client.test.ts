import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import type { SearchResults } from '../state/types.js';
import { DOCS_PER_MESSAGE, SearchClient } from './client.js';
import { SearchEngine } from './engine.js';
import type { FromWorker, ToWorker, WorkerPort } from './protocol.js';

/** A port that records what the client sends, and answers when told to. */
function recordingPort() {
  const sent: ToWorker[] = [];
  let listener: (message: FromWorker) => void = () => undefined;
  const port: WorkerPort = {
    postMessage: (message) => sent.push(message),
    onMessage: (next) => (listener = next),
    terminate: () => undefined,
  };
  return { port, sent, answer: (message: FromWorker) => listener(message) };
}

/** A port running the real engine synchronously, as the worker would. */
function enginePort(): WorkerPort {
  let listener: (message: FromWorker) => void = () => undefined;
  const engine = new SearchEngine(
    (message) => listener(message),
    (run) => run(),
  );
  return {
    postMessage: (message) => engine.handle(message),
    onMessage: (next) => (listener = next),
    terminate: () => undefined,
  };
}

/** Runs what the client defers at once. */
const now = (run: () => void): void => run();

describe('SearchClient', () => {
  it('sends the library once, then only the papers that changed', () => {
    const { port, sent } = recordingPort();
    const client = new SearchClient(port, { results: () => undefined, failed: () => undefined }, undefined, now);
    const a = paper('a');
    const b = paper('b');
    client.sync([a, b]);
    expect(sent.map((message) => message.type)).toEqual(['reset']);
    client.sync([a, b]);
    expect(sent).toHaveLength(1);
    client.sync([
      { ...a, note: 'new' },
      { ...b, updatedAt: 'x' },
    ]);
    expect(sent[1]).toMatchObject({ type: 'upsert', docs: [{ id: 'a', note: 'new' }] });
    client.sync([b]);
    expect(sent[2]).toEqual({ type: 'remove', ids: ['a'] });
  });

  it('sends nothing for papers loaded again unchanged, though their lists are new arrays', () => {
    const { port, sent } = recordingPort();
    const client = new SearchClient(port, { results: () => undefined, failed: () => undefined }, undefined, now);
    const a = paper('a', { tags: ['graphs'], authors: ['Ada Lovelace'] });
    client.sync([a]);
    client.sync([{ ...a, tags: ['graphs'], authors: ['Ada Lovelace'] }]);
    expect(sent.map((message) => message.type)).toEqual(['reset']);
    client.sync([{ ...a, tags: ['graphs', 'later'] }]);
    expect(sent[1]).toMatchObject({ type: 'upsert', docs: [{ id: 'a', tags: ['graphs', 'later'] }] });
  });

  it('drops answers that a newer search overtook', () => {
    const { port, answer } = recordingPort();
    const received: SearchResults[] = [];
    const client = new SearchClient(
      port,
      { results: (results) => received.push(results), failed: () => undefined },
      undefined,
      now,
    );
    client.search('eq');
    client.search('equi');
    answer({
      type: 'results',
      requestId: 1,
      query: 'eq',
      hits: [{ id: 'a', highlights: {} }],
      ranked: true,
      truncated: false,
    });
    expect(received).toEqual([]);
    answer({
      type: 'results',
      requestId: 2,
      query: 'equi',
      hits: [{ id: 'b', highlights: {} }],
      ranked: true,
      truncated: false,
    });
    expect(received.map((results) => results.ids)).toEqual([['b']]);
    client.search('x');
    client.cancel();
    answer({ type: 'results', requestId: 3, query: 'x', hits: [], ranked: true, truncated: false });
    expect(received).toHaveLength(1);
  });

  it('finds papers through the real index despite typos, best first, with highlights', () => {
    const received: SearchResults[] = [];
    const client = new SearchClient(enginePort(), {
      results: (results) => received.push(results),
      failed: () => undefined,
    });
    client.sync([
      paper('lie', { title: 'Lie Group Decompositions for Equivariant Neural Networks' }),
      paper('kge', { title: 'Knowledge Graph Embedding by Normalizing Flows', abstract: 'Symmetric groups.' }),
      paper('frame', { title: 'Frame Averaging for Invariant and Equivariant Network Design', status: 'read' }),
    ]);
    client.search('equivarant netwroks');
    const results = received.at(-1);
    expect(results?.ranked).toBe(true);
    expect(results?.ids).toContain('lie');
    expect(results?.ids).toContain('frame');
    expect(results?.ids).not.toContain('kge');
    expect(results?.highlights.get('lie')?.title?.length).toBeGreaterThan(0);

    client.search('is:read');
    expect(received.at(-1)).toMatchObject({ ranked: false, ids: ['frame'] });
  });

  it('sends a library after the page has painted, in messages small enough not to hold up typing', () => {
    const { port, sent } = recordingPort();
    const tasks: (() => void)[] = [];
    const client = new SearchClient(port, { results: () => undefined, failed: () => undefined }, 10, (run) => {
      tasks.push(run);
    });
    const papers = Array.from({ length: DOCS_PER_MESSAGE * 2 + 1 }, (_, n) => paper(`p${n}`));
    client.sync(papers);
    expect(sent).toEqual([]);
    tasks.shift()?.();
    expect(sent.map((message) => [message.type, 'docs' in message ? message.docs.length : 0])).toEqual([
      ['reset', DOCS_PER_MESSAGE],
    ]);
    tasks.shift()?.();
    expect(sent).toHaveLength(2);
    // A search cannot wait: what is left goes first, so it runs over every paper.
    client.search('p1');
    expect(sent.map((message) => message.type)).toEqual(['reset', 'upsert', 'upsert', 'search']);
    expect(sent.flatMap((message) => ('docs' in message ? message.docs.map((doc) => doc.id) : []))).toEqual(
      papers.map((p) => p.id),
    );
    tasks.splice(0).forEach((task) => task());
    expect(sent).toHaveLength(4);
  });
});
