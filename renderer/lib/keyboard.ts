/** Which command a key press means. Pure: the caller says whether focus is in a text field. */

export type Command =
  | 'focus-search'
  | 'next'
  | 'previous'
  | 'extend-next'
  | 'extend-previous'
  | 'cursor-next'
  | 'cursor-previous'
  | 'toggle-selected'
  | 'first'
  | 'last'
  | 'cycle-status'
  | 'mark-read'
  | 'dismiss'
  | 'snooze'
  | 'add-tag'
  | 'edit-note'
  | 'open-link'
  | 'more-like-this'
  | 'open-paper'
  | 'leave-field'
  | 'escape'
  | 'shortcuts'
  | 'undo'
  | 'select-all';

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** Focus is in a text input, a textarea or anything contenteditable. */
  readonly inField: boolean;
  /** On macOS the command key is Cmd; elsewhere Ctrl. */
  readonly isMac: boolean;
}

const PLAIN: Readonly<Record<string, Command>> = {
  '/': 'focus-search',
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  r: 'cycle-status',
  e: 'mark-read',
  d: 'dismiss',
  s: 'snooze',
  x: 'toggle-selected',
  t: 'add-tag',
  n: 'edit-note',
  o: 'open-link',
  m: 'more-like-this',
  Enter: 'open-paper',
  '?': 'shortcuts',
};

const SHIFTED: Readonly<Record<string, Command>> = {
  J: 'extend-next',
  j: 'extend-next',
  ArrowDown: 'extend-next',
  K: 'extend-previous',
  k: 'extend-previous',
  ArrowUp: 'extend-previous',
  '?': 'shortcuts',
};

export function commandForKey(input: KeyInput): Command | null {
  const { key, shiftKey, altKey, inField } = input;
  const mod = input.isMac ? input.metaKey : input.ctrlKey;
  const otherMod = input.isMac ? input.ctrlKey : input.metaKey;

  if (key === 'Escape') return inField ? 'leave-field' : 'escape';
  if (mod && !altKey && !otherMod) {
    const lower = key.toLowerCase();
    if (lower === 'f' && !shiftKey) return 'focus-search';
    // In a field, Ctrl/Cmd+Z and Ctrl/Cmd+A are the field's own.
    if (inField) return null;
    if (lower === 'z' && !shiftKey) return 'undo';
    if (lower === 'a' && !shiftKey) return 'select-all';
    if (shiftKey) return null;
    if (key === 'ArrowDown') return 'cursor-next';
    if (key === 'ArrowUp') return 'cursor-previous';
    if (key === ' ') return 'toggle-selected';
    return null;
  }
  if (inField || altKey || input.ctrlKey || input.metaKey) return null;
  return (shiftKey ? SHIFTED[key] : PLAIN[key]) ?? null;
}

interface ShortcutHelp {
  readonly keys: readonly (readonly string[])[];
  readonly description: string;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly ShortcutHelp[];
}

/** Every shortcut, as the shortcuts dialog lists them. */
export function shortcutGroups(isMac: boolean): ShortcutGroup[] {
  const mod = isMac ? '⌘' : 'Ctrl';
  return [
    {
      title: 'Navigate',
      shortcuts: [
        { keys: [['j'], ['↓']], description: 'Next paper' },
        { keys: [['k'], ['↑']], description: 'Previous paper' },
        {
          keys: [
            ['Shift', 'j'],
            ['Shift', 'k'],
          ],
          description: 'Extend the selection',
        },
        {
          keys: [
            [mod, '↓'],
            [mod, '↑'],
          ],
          description: 'Move without changing the selection',
        },
        {
          keys: [['x'], [mod, 'Space']],
          description: 'Add the paper you are on to the selection, or take it out',
        },
        { keys: [['Home'], ['End']], description: 'First / last paper' },
        { keys: [['/'], [mod, 'F']], description: 'Search' },
        { keys: [['Enter']], description: 'Open the paper over the list (in a narrow window)' },
        { keys: [['m']], description: 'More like this: the papers nearest the paper (Esc goes back)' },
        {
          keys: [['Esc']],
          description: 'Leave a field; clear the selection, go back to the list, or clear the search',
        },
      ],
    },
    {
      title: 'Triage',
      shortcuts: [
        { keys: [['e']], description: 'Mark read' },
        { keys: [['d']], description: 'Dismiss: not for me' },
        { keys: [['s']], description: 'Snooze: later, until a day' },
        { keys: [['r']], description: 'Cycle status: unread → reading → read' },
        { keys: [['t']], description: 'Add a tag' },
        { keys: [['n']], description: 'Edit the note' },
        { keys: [['o']], description: 'Open the paper’s link in the browser' },
        { keys: [[mod, 'A']], description: 'Select every paper in the list' },
        { keys: [[mod, 'Z']], description: 'Undo the last change to status, snooze or tags' },
      ],
    },
    {
      title: 'Bring papers in',
      shortcuts: [
        { keys: [[mod, 'V']], description: 'Paste a digest or arXiv ids (outside a text field): preview, then import' },
      ],
    },
    {
      title: 'Mouse',
      shortcuts: [
        { keys: [['Shift', 'click']], description: 'Select a range' },
        { keys: [[mod, 'click']], description: 'Add or remove one paper from the selection' },
        { keys: [['?']], description: 'Show these shortcuts' },
      ],
    },
  ];
}

/** Whether this element takes typing: shortcuts stand aside while it has focus. */
export function isTextField(element: Element | null): boolean {
  if (element === null) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file', 'image'].includes(
      element.type,
    );
  }
  return element instanceof HTMLElement && element.isContentEditable;
}
