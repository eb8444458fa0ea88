/**
 * Where focus was before a dialog took it. The element focused when a dialog opens is not always the one to go
 * back to: the Import button is disabled while its files are read, which drops focus to the page's body before
 * the report opens. So every focus outside a dialog is remembered, and a closing dialog returns to the latest.
 */

let latest: HTMLElement | null = null;

if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('dialog') === null) latest = target;
  });
}

/** The element to give focus back to when a dialog opening now closes. */
export function focusToReturnTo(): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body && active.closest('dialog') === null) return active;
  return latest;
}

/** Focuses `element` if it can still take focus (in the page, enabled, shown); says whether it did. */
export function refocus(element: HTMLElement | null): boolean {
  if (element?.isConnected !== true) return false;
  element.focus({ preventScroll: true });
  return document.activeElement === element;
}
