/**
 * Autosave for notes: a change is saved ~500 ms after the last keystroke, at once on blur or when another
 * paper is selected, one save at a time per paper, and retried with back-off when saving fails. The editor
 * shows `draft(id)` while there is one, and `status(id)` as "Saving…", "Saved" or "Not saved — …, retrying".
 * No DOM: timers are injected, so it is tested with fake ones.
 */

export type NoteSaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly reason: string; readonly retryInMs: number };

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Entry {
  /** The text as typed. */
  draft: string;
  /** The text the library last confirmed, or last brought in a reload. */
  saved: string;
  /** The text being saved now. */
  sending: string | null;
  /**
   * The texts this page had of the note lately (loaded, saved): a reload that was read before a save landed brings
   * one back, and that is no change made elsewhere.
   */
  readonly seen: string[];
  /** The library's text when it changed elsewhere while this one was typed; shown beside the editor. */
  elsewhere: string | null;
  status: NoteSaveStatus;
  timer: unknown;
  inFlight: boolean;
  failures: number;
}

const IDLE: NoteSaveStatus = { kind: 'idle' };
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

export class NoteSaver {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(
    /** `over`: the note as the library last had it, for this page, which the user's text replaces. */
    private readonly save: (id: string, note: string, over: string) => Promise<void>,
    private readonly timers: Timers = globalThis,
    private readonly delayMs = 500,
  ) {}

  /** The unsaved (or being saved) text for a paper, if there is one. */
  draft(id: string): string | undefined {
    return this.entries.get(id)?.draft;
  }

  status(id: string): NoteSaveStatus {
    return this.entries.get(id)?.status ?? IDLE;
  }

  /** Bumps on every change, for useSyncExternalStore. */
  snapshot(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The user typed: `note` is the whole text; `stored` the paper's note as the library has it. */
  edit(id: string, note: string, stored: string): void {
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = {
        draft: note,
        saved: stored,
        sending: null,
        seen: [stored],
        elsewhere: null,
        status: IDLE,
        timer: undefined,
        inFlight: false,
        failures: 0,
      };
      this.entries.set(id, entry);
    }
    entry.draft = note;
    if (entry.saved === note && !entry.inFlight) {
      this.clearTimer(entry);
      entry.status = entry.status.kind === 'idle' ? IDLE : { kind: 'saved' };
      this.changed();
      return;
    }
    if (entry.status.kind !== 'failed') entry.status = { kind: 'pending' };
    this.schedule(id, entry, this.delayMs);
    this.changed();
  }

  /** Saves now (blur, selection change, window hidden). */
  flush(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.saved === entry.draft) return;
    this.clearTimer(entry);
    void this.run(id, entry);
  }

  flushAll(): void {
    for (const id of this.entries.keys()) this.flush(id);
  }

  /** Whether any note has changes the library has not confirmed. */
  hasUnsaved(): boolean {
    return [...this.entries.values()].some((entry) => entry.saved !== entry.draft || entry.inFlight);
  }

  /**
   * The library's note as a reload brings it: drops a draft that matches it (once "Saved" has been seen), and one
   * it has changed since, by other means (a merge, its undo, another window), when nothing of the draft is unsaved
   * and the note is not being typed (`typing`: its editor has the focus). A note with unsaved text, or being typed,
   * keeps the user's text whatever the library now says: when that is a text of neither (it changed elsewhere), it
   * is kept aside (`changedElsewhere`) and the user's text is saved over it.
   */
  settle(id: string, stored: string, typing = false): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    const unsaved = entry.inFlight || entry.saved !== entry.draft;
    if (unsaved || typing) {
      const known = stored === entry.draft || stored === entry.sending || entry.seen.includes(stored);
      if (known) return;
      entry.elsewhere = stored;
      entry.saved = stored;
      remember(entry, stored);
      if (!entry.inFlight) {
        entry.status = { kind: 'pending' };
        this.schedule(id, entry, this.delayMs);
      }
      this.changed();
      return;
    }
    if (entry.draft !== stored || entry.status.kind !== 'saved') {
      this.clearTimer(entry);
      this.entries.delete(id);
      this.changed();
    }
  }

  /** The library's text of a note that changed elsewhere while it was typed, until the user has seen to it. */
  changedElsewhere(id: string): string | null {
    return this.entries.get(id)?.elsewhere ?? null;
  }

  /** Keep both: the other text goes below the user's, to be saved with it. */
  keepBoth(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.elsewhere == null) return;
    const other = entry.elsewhere;
    entry.elsewhere = null;
    this.edit(id, entry.draft.trimEnd() === '' ? other : `${entry.draft.trimEnd()}\n\n${other}`, other);
  }

  /**
   * The user kept `note` as the note (one of its versions written on another computer, or their own): it is what
   * the library has, and what they typed is let go, not saved over it.
   */
  kept(id: string, note: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.clearTimer(entry);
    entry.draft = note;
    entry.saved = note;
    entry.elsewhere = null;
    entry.status = IDLE;
    remember(entry, note);
    this.changed();
  }

  /** The notice of a change elsewhere is put away; the user's text stays. */
  dismissElsewhere(id: string): void {
    const entry = this.entries.get(id);
    if (entry?.elsewhere == null) return;
    entry.elsewhere = null;
    this.changed();
  }

  private schedule(id: string, entry: Entry, ms: number): void {
    this.clearTimer(entry);
    entry.timer = this.timers.setTimeout(() => {
      entry.timer = undefined;
      void this.run(id, entry);
    }, ms);
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    entry.timer = undefined;
  }

  private async run(id: string, entry: Entry): Promise<void> {
    if (entry.inFlight) return; // it saves again when the one in flight is done
    const text = entry.draft;
    if (text === entry.saved) return;
    entry.inFlight = true;
    entry.sending = text;
    entry.status = { kind: 'saving' };
    this.changed();
    try {
      await this.save(id, text, entry.saved);
      entry.saved = text;
      entry.sending = null;
      remember(entry, text);
      entry.failures = 0;
      entry.inFlight = false;
      if (entry.draft !== text) {
        entry.status = { kind: 'pending' };
        this.schedule(id, entry, entry.timer === undefined ? 0 : this.delayMs);
      } else {
        entry.status = { kind: 'saved' };
      }
    } catch (error) {
      entry.inFlight = false;
      entry.sending = null;
      const retryInMs = RETRY_DELAYS_MS[Math.min(entry.failures, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
      entry.failures += 1;
      entry.status = { kind: 'failed', reason: reasonOf(error), retryInMs };
      this.schedule(id, entry, retryInMs);
    }
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

const SEEN_TEXTS = 8;

function remember(entry: Entry, text: string): void {
  entry.seen.push(text);
  if (entry.seen.length > SEEN_TEXTS) entry.seen.shift();
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\.$/, '') || 'the library did not answer';
}
