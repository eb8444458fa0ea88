/** Where a shortcut sends the focus: each component that can take it registers how. */

/**
 * `paper`: the shown paper's heading; `sidebar`: the current item in the sidebar; `menu`: the button that slides the
 * sidebar in, in a narrow window; `duplicates`: the heading of the possible duplicates.
 */
export type FocusTarget = 'search' | 'list' | 'tag' | 'note' | 'paper' | 'sidebar' | 'menu' | 'duplicates';

export class FocusRegistry {
  private readonly handlers = new Map<FocusTarget, () => void>();

  /** Returns the unregistering function; it leaves alone a handler registered since. */
  register(target: FocusTarget, handler: () => void): () => void {
    this.handlers.set(target, handler);
    return () => {
      if (this.handlers.get(target) === handler) this.handlers.delete(target);
    };
  }

  focus(target: FocusTarget): void {
    this.handlers.get(target)?.();
  }
}
