import type { ReactNode } from 'react';
import { Dialog } from './Dialog.js';

/** A report of what was done (an import, a completion): wide, read, then Done. */
export function ReportDialog({
  title,
  onClose,
  actions,
  children,
}: {
  title: string;
  onClose: () => void;
  /** What the footer offers beside Done ("Show these 32 papers"). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      footer={
        <>
          {actions}
          <button type="button" className="button is-primary" data-autofocus onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
