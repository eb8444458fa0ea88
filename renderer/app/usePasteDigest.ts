import { useEffect } from 'react';
import type { Controller } from '../controller/controller.js';
import { isTextField } from '../lib/keyboard.js';

/**
 * Ctrl/Cmd+V outside a text field takes the clipboard's text as a digest and previews it. The paste event's own
 * clipboard data is read (the page asks for no clipboard permission); in the desktop app, the Edit menu's Paste
 * sends the same event. A field, or an open dialog, keeps its paste.
 */
export function usePasteDigest(controller: Controller): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      if (event.defaultPrevented || isTextField(document.activeElement)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      if (controller.state.load.phase !== 'ready') return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      void controller.previewPaste(text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [controller]);
}
