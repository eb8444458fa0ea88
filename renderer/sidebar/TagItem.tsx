import './TagItem.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { TagCount } from '../../core/query.js';
import { useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { PencilIcon } from '../kit/icons.js';
import { formatCount, plural } from '../lib/status.js';
import { sameTag } from '../state/papers.js';
import { useFilterActive } from './useFilterActive.js';
import { editorOpeners } from './editor-openers.js';

/** A tag in the sidebar: filters the list; its edit button (or right-click) renames it, or merges it into another. */
export function TagItem({ tag, count, allTags }: { tag: string; count: number; allTags: readonly TagCount[] }) {
  const controller = useController();
  const active = useFilterActive({ kind: 'tag', tag });
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <li>
        <TagRename
          tag={tag}
          allTags={allTags}
          onDone={(to) => {
            setEditing(false);
            if (to !== null) void controller.renameTag(tag, to);
          }}
        />
      </li>
    );
  }
  return (
    <li className="tag-item">
      <button
        type="button"
        className={`nav-item${active ? ' is-active' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => controller.setFilter({ kind: 'tag', tag })}
        {...editorOpeners(() => setEditing(true))}
      >
        <span className="nav-icon tag-hash" aria-hidden="true">
          #
        </span>
        <FieldText className="nav-label" text={tag} />
        <span className="nav-count" aria-label={plural(count, 'paper')}>
          {formatCount(count)}
        </span>
      </button>
      <button
        type="button"
        className="icon-button tag-edit"
        aria-label={`Rename or merge the tag ${tag}`}
        title="Rename or merge (F2)"
        onClick={() => setEditing(true)}
      >
        <PencilIcon size={13} />
      </button>
    </li>
  );
}

function TagRename({
  tag,
  allTags,
  onDone,
}: {
  tag: string;
  allTags: readonly TagCount[];
  onDone: (to: string | null) => void;
}) {
  const [value, setValue] = useState(tag);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const finished = useRef(false);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const target = value.trim().replace(/\s+/g, '-');
  const into = allTags.find((other) => sameTag(other.tag, target) && !sameTag(other.tag, tag));
  const finish = (to: string | null): void => {
    if (finished.current) return;
    finished.current = true;
    onDone(to !== null && to !== '' && to !== tag ? to : null);
  };

  return (
    <form
      className="tag-rename"
      onSubmit={(event) => {
        event.preventDefault();
        finish(target);
      }}
    >
      <label className="visually-hidden" htmlFor={`${hintId}-input`}>
        New name for the tag {tag}
      </label>
      <input
        id={`${hintId}-input`}
        ref={inputRef}
        className="tag-rename-input"
        value={value}
        maxLength={64}
        spellCheck={false}
        aria-describedby={hintId}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish(null);
          }
        }}
        onBlur={() => finish(null)}
      />
      <p id={hintId} className={`tag-rename-hint${into !== undefined ? ' is-merge' : ''}`}>
        {into !== undefined
          ? `Enter merges #${tag} into #${into.tag} (${plural(into.count, 'paper')}).`
          : 'Enter to rename · Esc to cancel'}
      </p>
    </form>
  );
}
