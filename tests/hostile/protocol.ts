/** What tests/hostile-input.test.ts and its parser process (tests/hostile/parse-worker.ts) say to each other. */

export const PARSERS = ['detect', 'hf-daily-text', 'hf-daily-json', 'arxiv-email', 'bibtex', 'shelfmark-json'] as const;
export type ParserName = (typeof PARSERS)[number];

export interface ParseRequest {
  readonly id: number;
  readonly file: string;
  readonly fileName: string;
  readonly parser: ParserName;
}

export type ParseReply = { readonly id: number; readonly ms: number } & (
  | {
      readonly outcome: 'result';
      readonly kind: 'digest' | 'library';
      readonly papers: number;
      /** The first 200 titles. */
      readonly titles: readonly string[];
      /** What is wrong with the result: links that are not http(s) URLs, tags Shelfmark would refuse… */
      readonly problems: readonly string[];
    }
  | { readonly outcome: 'digest-error' | 'other-error'; readonly errorName: string; readonly message: string }
);
