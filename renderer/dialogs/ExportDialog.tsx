import './ExportDialog.css';
import { useState, type ReactNode } from 'react';
import type { ExportRequest } from '../../core/export/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/request.js';
import { useAppState, useController } from '../kit/context.js';
import { plural } from '../lib/status.js';
import { visibleIds } from '../state/visible.js';
import { Dialog } from './Dialog.js';

type Scope = 'view' | 'selected' | 'all';

function Choice({
  name,
  value,
  checked,
  onChange,
  title,
  detail,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  title: string;
  detail?: ReactNode;
}) {
  return (
    <label className={`choice${checked ? ' is-checked' : ''}`}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} />
      <span className="choice-text">
        <span className="choice-title">{title}</span>
        {detail !== undefined && <span className="choice-detail">{detail}</span>}
      </span>
    </label>
  );
}

/** How the dialog offers each format; a new format in EXPORT_FORMATS needs its words here. */
const FORMAT_CHOICES: Readonly<Record<ExportFormat, { readonly title: string; readonly detail: string }>> = {
  md: {
    title: 'Notes as Markdown',
    detail: 'Each paper with its status, tags and your note — for Obsidian, a wiki or a lab notebook.',
  },
  bibtex: { title: 'Citations as BibTeX', detail: 'For LaTeX and reference managers.' },
  'csl-json': {
    title: 'Citations as CSL-JSON',
    detail: 'For Zotero, pandoc and the citation plug-ins of word processors.',
  },
  ris: { title: 'Citations as RIS', detail: 'For Zotero, Mendeley, EndNote and any other reference manager.' },
  json: {
    title: 'Whole library as a backup',
    detail: 'Shelfmark’s own JSON: every paper, digest, tag and note. Import it to restore or merge.',
  },
};

/** Export: notes as Markdown, citations as BibTeX, CSL-JSON or RIS, or the whole library as a JSON backup. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const inView = useAppState(visibleIds);
  const total = useAppState((state) => state.papers.length);
  const selectedIds = useAppState((state) => state.selection.ids);
  const narrowed = useAppState((state) => state.filter.kind !== 'all' || state.query.trim() !== '');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [scope, setScope] = useState<Scope>(selectedIds.size > 1 ? 'selected' : narrowed ? 'view' : 'all');
  const [withNotesOnly, setWithNotesOnly] = useState(true);
  const [abstracts, setAbstracts] = useState(false);
  const [layout, setLayout] = useState<'document' | 'folder'>('document');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const ids = scope === 'selected' ? [...selectedIds] : scope === 'view' && narrowed ? [...inView] : undefined;
    const request: ExportRequest = {
      format,
      layout: format === 'md' ? layout : 'document',
      abstracts: format === 'md' && abstracts,
      selection: {
        ...(ids === undefined ? {} : { ids }),
        all: format === 'md' ? !withNotesOnly : true,
      },
    };
    setBusy(true);
    setError(null);
    const problem = await controller.exportLibrary(request);
    setBusy(false);
    setError(problem);
  };

  return (
    <Dialog
      title="Export"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button is-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="export-form"
            className="button is-primary"
            disabled={busy}
            aria-busy={busy}
            data-autofocus
          >
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </>
      }
    >
      <form
        id="export-form"
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="fieldset">
          <legend className="section-heading">What</legend>
          {EXPORT_FORMATS.map((choice) => (
            <Choice
              key={choice}
              name="format"
              value={choice}
              checked={format === choice}
              onChange={() => setFormat(choice)}
              {...FORMAT_CHOICES[choice]}
            />
          ))}
        </fieldset>

        {format !== 'json' && (
          <fieldset className="fieldset">
            <legend className="section-heading">Which papers</legend>
            {selectedIds.size > 1 && (
              <Choice
                name="scope"
                value="selected"
                checked={scope === 'selected'}
                onChange={() => setScope('selected')}
                title={`The ${plural(selectedIds.size, 'selected paper')}`}
              />
            )}
            {narrowed && (
              <Choice
                name="scope"
                value="view"
                checked={scope === 'view'}
                onChange={() => setScope('view')}
                title={`The ${plural(inView.length, 'paper')} in the list now`}
              />
            )}
            <Choice
              name="scope"
              value="all"
              checked={scope === 'all'}
              onChange={() => setScope('all')}
              title={`All ${plural(total, 'paper')}`}
            />
            {format === 'md' && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={withNotesOnly}
                  onChange={(event) => setWithNotesOnly(event.target.checked)}
                />
                Only papers with a note
              </label>
            )}
          </fieldset>
        )}

        {format === 'md' && (
          <fieldset className="fieldset">
            <legend className="section-heading">How</legend>
            <div className="choice-row">
              <Choice
                name="layout"
                value="document"
                checked={layout === 'document'}
                onChange={() => setLayout('document')}
                title="One document"
                detail="Every paper in one Markdown file"
              />
              <Choice
                name="layout"
                value="folder"
                checked={layout === 'folder'}
                onChange={() => setLayout('folder')}
                title="A file per paper"
                detail="In a folder, with YAML front matter (desktop app)"
              />
            </div>
            <label className="check">
              <input type="checkbox" checked={abstracts} onChange={(event) => setAbstracts(event.target.checked)} />
              Include abstracts
            </label>
          </fieldset>
        )}

        {error !== null && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
