/**
 * Browser mode's events: the server's `GET /api/events` stream (app/http/event-stream.ts), read with fetch so that
 * it carries the token header. Connected while anyone listens; when it drops (the laptop slept, the server was
 * busy), it connects again, and says `library-changed` once back, as changes may have come meanwhile.
 */

import type { AppEvent } from '../../core/ipc.js';

export interface EventStreamOptions {
  /** The server's origin; "" (the default) for the page's own. */
  readonly baseUrl?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Waits before connecting again, longer each time: by default 1 s, 2 s, 5 s, then every 15 s. */
  readonly retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [1000, 2000, 5000, 15_000];
const EVENTS_URL = '/api/events';

/** The events of each `data:` line in `block` (one server-sent event) that is an AppEvent. */
function eventsOf(block: string): AppEvent[] {
  const events: AppEvent[] = [];
  for (const line of block.split('\n')) {
    if (!line.startsWith('data:')) continue;
    try {
      const value: unknown = JSON.parse(line.slice('data:'.length));
      if (typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string') {
        events.push(value as AppEvent);
      }
    } catch {
      // Not an event of ours: skipped.
    }
  }
  return events;
}

/** Subscribes to the stream; the function returned unsubscribes (the last one closes the connection). */
export function httpEvents(options: EventStreamOptions = {}): (listener: (event: AppEvent) => void) => () => void {
  const send = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const listeners = new Set<(event: AppEvent) => void>();
  let connection: AbortController | null = null;

  const emit = (event: AppEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };

  /** Reads the stream until it ends; `opened` once it is open. */
  const read = async (signal: AbortSignal, opened: () => void): Promise<void> => {
    const response = await send(`${options.baseUrl ?? ''}${EVENTS_URL}`, {
      headers: { ...options.headers },
      credentials: 'omit',
      signal,
    });
    if (!response.ok || response.body === null) return;
    opened();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += value.replaceAll('\r\n', '\n');
      let end = buffered.indexOf('\n\n');
      while (end !== -1) {
        eventsOf(buffered.slice(0, end)).forEach(emit);
        buffered = buffered.slice(end + 2);
        end = buffered.indexOf('\n\n');
      }
    }
  };

  const connect = async (signal: AbortSignal): Promise<void> => {
    let failures = 0;
    let connectedBefore = false;
    // A function, read afresh: the stream ends by abort() while it is read.
    const stopped = (): boolean => signal.aborted;
    while (!stopped()) {
      try {
        await read(signal, () => {
          failures = 0;
          // Back after a drop: what changed meanwhile was not told.
          if (connectedBefore) emit({ type: 'library-changed' });
          connectedBefore = true;
        });
      } catch {
        // Dropped, or never reached: tried again below.
      }
      if (stopped()) return;
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 15_000;
      failures += 1;
      await new Promise((done) => setTimeout(done, delay));
    }
  };

  return (listener) => {
    listeners.add(listener);
    if (connection === null) {
      connection = new AbortController();
      void connect(connection.signal);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        connection?.abort();
        connection = null;
      }
    };
  };
}
