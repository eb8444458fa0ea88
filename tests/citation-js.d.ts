/** The little of citation-js the citation tests use: the packages ship no types. */

declare module '@citation-js/core' {
  /** Reads citation data in any format a loaded plug-in knows; `data` is what it read, as CSL-JSON. */
  export class Cite {
    constructor(data: string);
    readonly data: readonly Record<string, unknown>[];
  }
}

/** Registers the RIS reader with @citation-js/core. */
declare module '@citation-js/plugin-ris';
