import './Dialog.css';
import { useEffect, useEffectEvent, useId, useRef, type ReactNode } from 'react';
import { useController } from '../kit/context.js';
import { CloseIcon } from '../kit/icons.js';
import { focusToReturnTo, refocus } from '../lib/focus-memory.js';

/**
 * A modal <dialog>: the browser traps focus, dims the page and closes it on Esc. It opens on the element marked
 * `data-autofocus` (else the first control), and gives focus back where it was when it closes, or to the list.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  wide = false,
  readOnly = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** Nothing in it to operate but Close: its body takes focus, so that the keyboard can scroll it when it is long. */
  readOnly?: boolean;
}) {
  const controller = useController();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest onClose, called from the effect below without re-running it.
  const onCloseEvent = useEffectEvent(onClose);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = focusToReturnTo();
    if (!dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    // A close event is dispatched as a task of its own: one left over from an earlier close (React's StrictMode
    // mounts twice) must not close the dialog now open.
    const closed = (): void => {
      if (!dialog.open) onCloseEvent();
    };
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
      if (!refocus(opener)) controller.focus('list');
    };
  }, [controller]);

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' is-wide' : ''}`}
      aria-labelledby={titleId}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === ref.current) {
          const box = ref.current.getBoundingClientRect();
          const inside =
            event.clientX >= box.left &&
            event.clientX <= box.right &&
            event.clientY >= box.top &&
            event.clientY <= box.bottom;
          if (!inside) ref.current.close();
        }
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => ref.current?.close()}>
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="dialog-body" tabIndex={readOnly ? 0 : undefined}>
        {children}
      </div>
      {footer !== undefined && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}

/** A report's one button: Done, focused as the dialog opens, closing it. */
export function DoneButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="button is-primary" data-autofocus onClick={onClose}>
      Done
    </button>
  );
}
