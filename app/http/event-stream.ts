/**
 * `GET /api/events`: browser mode's push channel, the one the desktop app has over IPC (core/ipc.ts EVENT_CHANNEL).
 * A stream of server-sent events, each an AppEvent as JSON on one `data:` line; the page reads it with fetch, which
 * sends the token header that EventSource could not (renderer/api/event-stream.ts).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppEvent } from '../../core/ipc.js';
import { sendText } from './response-headers.js';

export const EVENTS_PATH = '/api/events';

export class EventStreams {
  readonly #open = new Set<ServerResponse>();
  #closed = false;

  /** Keeps the response open and sends it every event from now on, until the page goes or the server closes. */
  serve(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      sendText(response, 405, 'The event stream is read with GET.', { Allow: 'GET' });
      return;
    }
    if (this.#closed) {
      sendText(response, 503, 'Shelfmark is stopping.', { Connection: 'close' });
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    // A comment, so the page knows at once that it is connected.
    response.write(': Shelfmark\n\n');
    this.#open.add(response);
    response.on('close', () => this.#open.delete(response));
  }

  send(event: AppEvent): void {
    const message = `data: ${JSON.stringify(event)}\n\n`;
    for (const response of this.#open) response.write(message);
  }

  /** Ends every stream: the server cannot close while one is open. */
  close(): void {
    this.#closed = true;
    for (const response of this.#open) response.end();
    this.#open.clear();
  }
}
