import '../styles/tag-chips.css';
import './TagEditor.css';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { TagCount } from '../../core/query.js';
import { FieldText } from '../kit/FieldText.js';
import { CloseIcon } from '../kit/icons.js';
import { sameTag } from '../state/papers.js';
import { suggestTags } from './suggest.js';

/**
 * Tags as chips with an input that suggests existing tags as you type (↑/↓ to choose, Enter or Tab to add).
 * Used for one paper, and for a multi-selection (where removing is done elsewhere).
 */
export function TagEditor({
  tags,
  allTags,
  onAdd,
  onRemove,
  inputRef,
  label = 'Add a tag',
  placeholder = 'Add a tag…',
}: {
  tags: readonly string[];
  allTags: readonly TagCount[];
  onAdd: (tag: string) => void;
  onRemove?: (tag: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? ownRef;
  const listId = useId();

  const suggestions = useMemo(() => suggestTags(text, allTags, tags, 8), [text, allTags, tags]);
  const showList = open && suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  const add = (tag: string): void => {
    const trimmed = tag.trim();
    if (trimmed === '') return;
    if (!tags.some((existing) => sameTag(existing, trimmed))) onAdd(trimmed);
    setText('');
    setActive(0);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((activeIndex + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((activeIndex - 1 + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || (event.key === 'Tab' && showList && text !== '') || event.key === ',') {
      const chosen = showList ? suggestions[activeIndex]?.tag : undefined;
      if (chosen === undefined && text.trim() === '') return;
      event.preventDefault();
      add(chosen ?? text);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && onRemove !== undefined && tags.length > 0) {
      const last = tags.at(-1);
      if (last !== undefined) onRemove(last);
    }
  };

  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span className="tag-chip-hash" aria-hidden="true">
              #
            </span>
            <FieldText text={tag} />
            {onRemove !== undefined && (
              <button
                type="button"
                className="tag-chip-remove"
                aria-label={`Remove the tag ${tag}`}
                onClick={() => onRemove(tag)}
              >
                <CloseIcon size={12} />
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="tag-input-wrap">
        <input
          ref={ref}
          className="tag-input"
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList ? `${listId}-${activeIndex}` : undefined}
          placeholder={placeholder}
          value={text}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Existing tags" className="tag-suggestions" hidden={!showList}>
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.tag}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={`tag-suggestion${index === activeIndex ? ' is-active' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                add(suggestion.tag);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span>
                #<FieldText text={suggestion.tag} />
              </span>
              <span className="tag-suggestion-count">{suggestion.count}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
