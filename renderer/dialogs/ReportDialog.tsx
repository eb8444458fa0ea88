import type { ReactNode } from 'react';
import { Dialog, DoneButton } from './Dialog.js';

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
          <DoneButton onClose={onClose} />
        </>
      }
    >
      {children}
    </Dialog>
  );
}
