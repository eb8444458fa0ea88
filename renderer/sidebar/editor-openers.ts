import type { ButtonHTMLAttributes } from 'react';

/** What opens a sidebar item's editor besides its edit button: a right-click, or F2 (as in a file manager). */
export function editorOpeners(
  open: () => void,
): Pick<ButtonHTMLAttributes<HTMLButtonElement>, 'onContextMenu' | 'onKeyDown'> {
  return {
    onContextMenu: (event) => {
      event.preventDefault();
      open();
    },
    onKeyDown: (event) => {
      if (event.key === 'F2') {
        event.preventDefault();
        open();
      }
    },
  };
}
