import { useState } from 'react';
import { arxivRefsOf, notArxivRefsMessage } from '../../core/import/arxiv-ids.js';
import { useAppState, useController } from '../kit/context.js';
import { FormDialog, FormField } from './FormDialog.js';

/** The ids and links written in the field, each line's words apart, as `addPapers` takes them. */
function refsIn(text: string): string[] {
  return text.split(/[\s,;]+/).filter((ref) => ref !== '');
}

/** Why the field's text cannot be added, or null when it can. */
function problemWith(refs: readonly string[]): string | null {
  if (refs.length === 0) return 'Write an arXiv id (2410.03060) or a link to a paper on arxiv.org or huggingface.co.';
  const { unknown } = arxivRefsOf(refs);
  return unknown.length === 0 ? null : notArxivRefsMessage(unknown);
}

/**
 * Papers by arXiv id or link, with their details from arXiv; and the other ways in: a pasted digest, a day of
 * Hugging Face Daily Papers.
 */
export function AddPapersDialog({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const running = useAppState((state) => state.task !== null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (): void => {
    const refs = refsIn(text);
    const found = problemWith(refs);
    setProblem(found);
    if (found === null) void controller.addPapers(refs);
  };

  return (
    <FormDialog title="Add papers" submitLabel="Add" disabled={running} onSubmit={submit} onClose={onClose}>
      <FormField
        label="arXiv ids or links"
        problem={problem}
        hint={
          <>
            One or more a line: 2410.03060, 2410.03060v2, hep-th/9901001, arXiv:2410.03060, or a link to arxiv.org or
            huggingface.co/papers. Their details come from arXiv.
          </>
        }
      >
        {(field) => (
          <textarea
            {...field}
            className="intake-input"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={text}
            data-autofocus
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter adds, as a text area's Enter starts a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
          />
        )}
      </FormField>
      <div className="intake-more" role="group" aria-label="Other ways to bring papers in">
        <button type="button" className="button is-small" onClick={() => controller.openDialog({ kind: 'paste' })}>
          Paste a digest…
        </button>
        <button
          type="button"
          className="button is-small"
          onClick={() => controller.openDialog({ kind: 'fetch-daily-papers' })}
        >
          Fetch Hugging Face Daily Papers…
        </button>
      </div>
    </FormDialog>
  );
}
