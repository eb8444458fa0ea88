import './TagItem.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { TagCount } from '../../core/query.js';
import { useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { PencilIcon, UpNextIcon } from '../kit/icons.js';
import { formatCount, plural } from '../lib/status.js';
import { sameTag } from '../state/papers.js';
import { useFilterActive } from './useFilterActive.js';
import { editorOpeners } from './editor-openers.js';

/** A tag in the sidebar: filters the list; its edit button (or right-click) renames it, or merges it into another. */
export function TagItem({ tag, count, allTags }: { tag: string; count: number; allTags: readonly TagCount[] }) {
  const controller = useController();
  const active = useFilterActive({ kind: 'tag', tag });
  const upNext = useFilterActive({ kind: 'up-next', tag });
  const [editing, setEditing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Left by the keyboard, the field gives focus back to the tag (or, renamed, to the sidebar's current item).
  const refocus = useRef(false);

  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    buttonRef.current?.focus();
  }, [editing]);

  if (editing) {
    return (
      <li>
        <TagRename
          tag={tag}
          allTags={allTags}
          onDone={(to, byKeyboard) => {
            setEditing(false);
            if (to !== null) void controller.renameTag(tag, to);
            if (byKeyboard && to === null) refocus.current = true;
            else if (byKeyboard) controller.focusOnceShown('sidebar');
          }}
        />
      </li>
    );
  }
  return (
    <li className="tag-item">
      <button
        ref={buttonRef}
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
        className={`icon-button tag-up-next${upNext ? ' is-active' : ''}`}
        aria-label={`Up next for the tag ${tag}`}
        aria-current={upNext ? 'true' : undefined}
        title={`Up next for #${tag}`}
        onClick={() => controller.showUpNext(tag)}
      >
        <UpNextIcon />
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
  /** `to`: the new name, or null to keep the old; `byKeyboard`: Enter or Esc (not a click elsewhere). */
  onDone: (to: string | null, byKeyboard: boolean) => void;
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
  const finish = (to: string | null, byKeyboard: boolean): void => {
    if (finished.current) return;
    finished.current = true;
    onDone(to !== null && to !== '' && to !== tag ? to : null, byKeyboard);
  };

  return (
    <form
      className="tag-rename"
      onSubmit={(event) => {
        event.preventDefault();
        finish(target, true);
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
            finish(null, true);
          }
        }}
        onBlur={() => finish(null, false)}
      />
      <p id={hintId} className={`tag-rename-hint${into !== undefined ? ' is-merge' : ''}`}>
        {into !== undefined
          ? `Enter merges #${tag} into #${into.tag} (${plural(into.count, 'paper')}).`
          : 'Enter to rename · Esc to cancel'}
      </p>
    </form>
  );
}
