/**
 * Hugging Face's Daily Papers API: `GET {base}/daily_papers?date=YYYY-MM-DD`, a JSON list of the day's papers
 * (an empty list for a day without). Requests are paced politely, one a second.
 */

import { NetworkError } from '../../core/errors.js';
import { pacedGet, type Step } from '../net/paced-get.js';
import { apiUrl, type NetworkSettings } from '../net/settings.js';
import type { Run } from '../tasks.js';

/** A day's answer: its JSON as it came (the HF JSON importer reads it), or nothing that day. */
export type DailyPapersAnswer = { readonly json: string } | { readonly empty: true };

export class DailyPapersApi {
  constructor(private readonly net: NetworkSettings) {}

  /** The server's name: "huggingface.co". */
  get host(): string {
    return apiUrl(this.net.hfApi, 'SHELFMARK_HF_API').host;
  }

  async day(date: string, run: Run, step: Step): Promise<DailyPapersAnswer> {
    const base = apiUrl(this.net.hfApi, 'SHELFMARK_HF_API');
    const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/daily_papers?date=${encodeURIComponent(date)}`;
    run.progress({ message: `Asking Hugging Face for the papers of ${date}`, ...step });
    const answer = await pacedGet(url, this.net, run, { pacer: this.net.hfPacer, accept: 'application/json', step });
    if (answer.status !== 200) {
      throw new NetworkError(
        `${base.host} answered ${answer.status} for the papers of ${date}: is ${this.net.hfApi} the Hugging Face API (SHELFMARK_HF_API)?`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(answer.text);
    } catch {
      throw new NetworkError(`${base.host} answered for the papers of ${date} with something that is not JSON.`);
    }
    return Array.isArray(value) && value.length === 0 ? { empty: true } : { json: answer.text };
  }
}
