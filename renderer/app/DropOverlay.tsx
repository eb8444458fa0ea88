import './DropOverlay.css';
import { useEffect, useState } from 'react';
import type { Controller } from '../controller/controller.js';
import { ImportIcon } from '../kit/icons.js';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true;
}

/** Dropping files anywhere on the window imports them; while they hover, an overlay says so. */
export function DropOverlay({ controller }: { controller: Controller }) {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setVisible(true);
    };
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setVisible(false);
    };
    const drop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setVisible(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void controller.importFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [controller]);

  if (!visible) return null;
  return (
    <div className="drop-overlay" role="status" aria-live="assertive">
      <div className="drop-card">
        <ImportIcon />
        <p className="drop-title">Drop to import</p>
        <p className="drop-text">
          Digests as .txt, .eml, .json or .bib — papers you already have are merged, never duplicated.
        </p>
      </div>
    </div>
  );
}
