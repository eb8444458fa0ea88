import { useRef, type ReactNode } from 'react';
import { useAppState, useController } from '../kit/context.js';

const IMPORT_ACCEPT = '.txt,.json,.bib,.eml,text/plain,application/json,message/rfc822';

/** A button that opens the file picker (several files at once) and imports what is chosen. */
export function ImportButton({ className, children }: { className: string; children: ReactNode }) {
  const controller = useController();
  const busy = useAppState((state) => state.busy === 'importing');
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
        aria-busy={busy}
        onClick={() => inputRef.current?.click()}
      >
        {children}
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void controller.importFiles(files);
        }}
      />
    </>
  );
}
