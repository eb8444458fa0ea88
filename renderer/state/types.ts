/** The shapes of the renderer's state: plain immutable data, changed only by the pure functions in state/. */

import type { ImportReport, LibraryDevices, NoteVersion, TaskProgress, UpNext } from '../../core/api.js';
import type { CompletionReport } from '../../core/complete.js';
import type { NotesSyncReport } from '../../core/notes-sync/report.js';
import type { PossibleDuplicates } from '../../core/duplicates.js';
import type { ImportPreview } from '../../core/import/preview.js';
import type { ListSort } from '../../core/list-sort.js';
import type { Paper } from '../../core/model.js';
import type { FactColumns } from '../../core/outline.js';
import type { DigestProgress } from '../../core/query.js';
import type { SearchHit } from '../../core/search/index.js';
import type { TriageStatus } from '../../core/triage.js';
import type { Counts } from './counts.js';
import type { Selection } from './selection.js';

export type SidebarFilter =
  | { readonly kind: 'all' }
  /** A triage view: the papers of a reading status, or those snoozed (see core/triage.ts). */
  | { readonly kind: 'status'; readonly status: TriageStatus }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'digest'; readonly id: string }
  /**
   * Up next: the unread papers (neither dismissed nor snoozed) in the order the library ranks them, learnt from what
   * the user kept against what they dismissed; with `tag`, from the papers filed under it against the others.
   */
  | { readonly kind: 'up-next'; readonly tag: string | null }
  /** More like this: the papers nearest paper `id`; `back` is the view it was asked from, which Esc and Back show. */
  | { readonly kind: 'similar'; readonly id: string; readonly back: SidebarFilter }
  /** The papers whose note was also written on another computer at the same time (a synced library). */
  | { readonly kind: 'conflicts' };

/** The views whose order the library ranks: Up next and More like this. */
export type RankedFilter = Extract<SidebarFilter, { readonly kind: 'up-next' | 'similar' }>;

/** What the library said of Up next's order: learnt, or by upvotes while there are too few decisions. */
export type UpNextBasis = Omit<UpNext, 'papers'>;

/** An order the library ranked, as it last gave it: Up next's, More like this', a view's by relevance. */
interface RankedOrder {
  /** Best first; the papers of the view not among them follow in the list's order. */
  readonly ids: readonly string[];
  /** Why each paper ranks where it does: the words, phrases and authors that weigh most for it. */
  readonly reasons: ReadonlyMap<string, readonly string[]>;
  /** The library is ranking (again): the ids shown, if any, are the previous ranking's. */
  readonly ranking: boolean;
  /** Why the last ranking failed, in words; null when it did not. */
  readonly failed: string | null;
}

/** A ranked list (Up next, More like this) for the view it was asked for. */
export interface Ranked extends RankedOrder {
  readonly filter: RankedFilter;
  /** Up next's basis; null for More like this. */
  readonly upNext: UpNextBasis | null;
}

/** A view sorted by relevance (state/relevance.ts): the library's ranking of its papers up next. */
export interface RelevanceOrder extends RankedOrder {
  /** The view it was asked for, by its viewKey. */
  readonly view: string;
  /** What the order is learnt from, or that it is by upvotes; null until the first order comes. */
  readonly basis: UpNextBasis | null;
}

/** A search's answer as the list shows it; the search client delivers it. */
export interface SearchResults {
  /** The query these results are for. */
  readonly query: string;
  /** Matching papers, best first when `ranked`; otherwise in the list's own order. */
  readonly ids: readonly string[];
  readonly ranked: boolean;
  readonly highlights: ReadonlyMap<string, SearchHit['highlights']>;
  /** More papers matched than were returned. */
  readonly truncated: boolean;
}

export type Dialog =
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'export' }
  /** The snooze chooser, for these papers. */
  | { readonly kind: 'snooze'; readonly ids: readonly string[] }
  | {
      readonly kind: 'import-report';
      readonly report: ImportReport;
      /** Papers of the import without authors, which arXiv may complete: offered in the report. */
      readonly incomplete?: readonly string[];
    }
  /** An import, a fetch or an addition that failed; `title` says which ("The fetch failed"). */
  | { readonly kind: 'import-failed'; readonly message: string; readonly title?: string }
  | { readonly kind: 'add-papers' }
  | { readonly kind: 'paste' }
  /** What importing the pasted `text` would do: Import commits it, Cancel leaves the library as it is. */
  | { readonly kind: 'paste-preview'; readonly text: string; readonly preview: ImportPreview }
  | { readonly kind: 'fetch-daily-papers' }
  | { readonly kind: 'completion-report'; readonly report: CompletionReport }
  | { readonly kind: 'notes-sync' }
  | { readonly kind: 'notes-sync-report'; readonly report: NotesSyncReport }
  /** Who wrote to the library, and when: as the library said (null while it is being asked), or why it could not. */
  | { readonly kind: 'devices'; readonly devices: LibraryDevices | null; readonly failed?: string };

/** A call to the network running as a task (a fetch, an addition, a completion): its progress, and Cancel. */
interface RunningTask {
  /** The id the library follows it by (TaskOptions). */
  readonly id: string;
  /** What it does, in words: "Fetching Hugging Face Daily Papers of Mar 11, 2025". */
  readonly label: string;
  /** How far it has come, as the library last said; null until it says. */
  readonly progress: TaskProgress | null;
  /** Cancel was pressed: the task stops before it changes anything. */
  readonly cancelling: boolean;
}

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: { readonly label: string; readonly run: () => void };
}

/** What a screen reader hears of a change, in the app's one polite live region; a new id makes a repeat heard. */
interface Announcement {
  readonly id: number;
  readonly text: string;
}

/** How the window lays the app out; see state/layout.ts. */
export interface Layout {
  /** 3: sidebar, list and paper; 2: list and paper, the sidebar a drawer; 1: the list, or the paper over it. */
  readonly columns: 1 | 2 | 3;
  /** In one column: the paper (or the panel for several) is shown over the list. */
  readonly paperOpen: boolean;
  /** In one or two columns: the sidebar is slid in over the rest. */
  readonly drawerOpen: boolean;
}

type LoadState =
  { readonly phase: 'loading' } | { readonly phase: 'ready' } | { readonly phase: 'error'; readonly message: string };

/** What the panes beside the sidebar show: the list and a paper, or the possible duplicates. */
type View = 'papers' | 'duplicates';

export interface AppState {
  readonly load: LoadState;
  /** Every paper, in the library's order. */
  readonly papers: readonly Paper[];
  /** Position of each paper in `papers`; rebuilt only when the library is (re)loaded. */
  readonly index: ReadonlyMap<string, number>;
  /** Ids in the list's order when there is no search; rebuilt only when the library is (re)loaded. */
  readonly order: readonly string[];
  /**
   * Each paper's facts as its row shows them (where it appeared, when it was published, its upvotes), by position in
   * `papers`, as the outline gives them; rebuilt only when the library is (re)loaded.
   */
  readonly rowFacts: FactColumns;
  /**
   * The sort chosen in each view, by its name (state/sort.ts `viewKey`); a view not in it lists its papers by date
   * added. The controller remembers it between sessions.
   */
  readonly sorts: ReadonlyMap<string, ListSort>;
  readonly digests: readonly DigestProgress[];
  /** Papers still shown from their outline (abstract cut to its first line), their whole records to follow. */
  readonly partial: ReadonlySet<string>;
  /** Papers per triage view, digest and tag, kept up to date with every change. */
  readonly counts: Counts;
  /**
   * The user's day (YYYY-MM-DD), on which snoozes end: the views, their counts and `is:` are as of it. The app
   * moves it on at midnight (app/useDayChange.ts); tests of the page set the page's clock.
   */
  readonly today: string;
  readonly filter: SidebarFilter;
  /** The list (with its filter, search and selection kept) or the possible duplicates in its place. */
  readonly view: View;
  /**
   * A synced library's papers whose note was also written on another computer at the same time: the other
   * versions, latest first, as the library last gave them; the detail pane offers to keep one.
   */
  readonly noteConflicts: ReadonlyMap<string, readonly NoteVersion[]>;
  /** Papers with one title that identity kept apart, as the library last listed them; the newest after each load. */
  readonly duplicates: readonly PossibleDuplicates[];
  /** The search box's text. */
  readonly query: string;
  /** Results for `query` once they arrive; null while there is no query. */
  readonly results: SearchResults | null;
  readonly selection: Selection;
  /** The ranked list of Up next or More like this, while one of them is shown (or was last). */
  readonly ranked: Ranked | null;
  /** The relevance order of the last view sorted by relevance. */
  readonly relevance: RelevanceOrder | null;
  /**
   * Papers changed while this view is shown stay in it even if they no longer match (marking a paper read
   * in "Unread" does not whisk it away: it stays dimmed and marked, counted apart, see `decidedCount`); cleared
   * when the filter or query changes, or the view is refreshed.
   */
  readonly keep: ReadonlySet<string>;
  readonly dialog: Dialog | null;
  readonly toasts: readonly Toast[];
  readonly busy: 'importing' | null;
  /** The network task running, if any: one at a time. */
  readonly task: RunningTask | null;
  readonly canUndo: boolean;
  /** Why the library cannot be changed (its folder cannot be written), as the library said; null when it can. */
  readonly readOnly: string | null;
  readonly announcement: Announcement | null;
  readonly layout: Layout;
}
