import { useState } from 'react';
import { useAppState, useController } from '../kit/context.js';
import { FormDialog, FormField } from './FormDialog.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * A digest pasted into a field: what the clipboard holds goes to the preview as soon as it is pasted into the empty
 * field; text written or changed there, with Preview. Nothing is stored until the preview's Import.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const running = useAppState((state) => state.task !== null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const paste = isMac ? '⌘V' : 'Ctrl+V';

  const preview = (value: string): void => {
    if (value.trim() === '') {
      setProblem('Paste a digest’s text here first.');
      return;
    }
    setProblem(null);
    void controller.previewPaste(value);
  };

  return (
    <FormDialog
      title="Paste a digest"
      submitLabel="Preview"
      disabled={running}
      wide
      onSubmit={() => preview(text)}
      onClose={onClose}
    >
      <FormField
        label="Digest text"
        problem={problem}
        hint={
          <>
            Press {paste} to paste what you copied: the Hugging Face Daily Papers page, an arXiv listing e-mail, BibTeX,
            Hugging Face JSON, or arXiv ids and links. You will see what it holds before anything is imported. Outside a
            text field, {paste} does this straight away.
          </>
        }
      >
        {(field) => (
          <textarea
            {...field}
            className="intake-input"
            rows={8}
            spellCheck={false}
            autoComplete="off"
            value={text}
            data-autofocus
            onChange={(event) => setText(event.target.value)}
            onPaste={(event) => {
              if (text !== '') return;
              const pasted = event.clipboardData.getData('text/plain');
              if (pasted.trim() === '') return;
              event.preventDefault();
              setText(pasted);
              preview(pasted);
            }}
          />
        )}
      </FormField>
    </FormDialog>
  );
}
