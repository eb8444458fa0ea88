import { useEffect } from 'react';
import { commandForKey, isTextField, type Command } from '../lib/keyboard.js';
import { paperLinks } from '../lib/links.js';
import { shownPaperId } from '../state/selection.js';
import { paperById } from '../state/state.js';
import type { Controller } from '../controller/controller.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** What the keys may do while the possible duplicates stand in place of the list: nothing to a paper there. */
const BESIDE_THE_LIST: ReadonlySet<Command> = new Set(['focus-search', 'leave-field', 'escape', 'shortcuts', 'undo']);

function openInBrowser(href: string): void {
  // The same path as a click on a link: the desktop app hands http(s) URLs to the system browser.
  const link = document.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The app's keyboard shortcuts, on the window; they stand aside while a field or a dialog has the keys. */
export function useGlobalKeys(controller: Controller): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const active = document.activeElement;
      const command = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        inField: isTextField(active),
        isMac,
      });
      if (command === null) return;
      // Keys on a focused button or link keep their own meaning.
      const onControl = active instanceof HTMLButtonElement || active instanceof HTMLAnchorElement;
      if (onControl && (event.key === 'Enter' || event.key === ' ')) return;
      const state = controller.state;
      if (state.load.phase !== 'ready' || state.papers.length === 0) {
        if (command !== 'shortcuts') return;
      }
      if (state.view === 'duplicates' && !BESIDE_THE_LIST.has(command)) return;
      event.preventDefault();
      switch (command) {
        case 'focus-search':
          controller.focus('search');
          break;
        case 'next':
          controller.move(1);
          break;
        case 'previous':
          controller.move(-1);
          break;
        case 'extend-next':
          controller.move(1, true);
          break;
        case 'extend-previous':
          controller.move(-1, true);
          break;
        case 'cursor-next':
          controller.moveCursor(1);
          break;
        case 'cursor-previous':
          controller.moveCursor(-1);
          break;
        case 'toggle-selected':
          controller.toggleAtCursor();
          break;
        case 'first':
          controller.moveTo('first');
          break;
        case 'last':
          controller.moveTo('last');
          break;
        case 'cycle-status':
          controller.cycleStatus();
          break;
        case 'mark-read':
          controller.decide('read');
          break;
        case 'dismiss':
          controller.decide('dismissed');
          break;
        case 'snooze':
          controller.openSnooze();
          break;
        case 'add-tag':
          controller.focus('tag');
          break;
        case 'edit-note':
          if (state.selection.ids.size <= 1) controller.focus('note');
          break;
        case 'open-link': {
          const paper = paperById(state, shownPaperId(state.selection));
          const link = paper === undefined ? undefined : paperLinks(paper)[0];
          if (link !== undefined) openInBrowser(link.href);
          break;
        }
        case 'more-like-this':
          controller.showSimilar();
          break;
        case 'leave-field':
          if (active instanceof HTMLElement) active.blur();
          controller.leaveField();
          break;
        case 'open-paper':
          controller.openPaper();
          break;
        case 'escape':
          controller.escape();
          break;
        case 'shortcuts':
          controller.openDialog({ kind: 'shortcuts' });
          break;
        case 'undo':
          void controller.undo();
          break;
        case 'select-all':
          controller.selectAll();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller]);
}
