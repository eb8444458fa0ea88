/** Where a shortcut sends the focus: each component that can take it registers how. */

export type FocusTarget = 'search' | 'list' | 'tag' | 'note';

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
