import './SearchBox.css';
import { useEffect, useRef } from 'react';
import { useAppState, useController } from '../kit/context.js';
import { CloseIcon, SearchIcon } from '../kit/icons.js';

export function SearchBox() {
  const controller = useController();
  const query = useAppState((state) => state.query);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      controller.onFocusRequest('search', () => {
        inputRef.current?.focus();
        inputRef.current?.select();
      }),
    [controller],
  );

  return (
    <div className="search" role="search">
      <SearchIcon />
      <input
        ref={inputRef}
        id="search"
        className="search-input"
        type="search"
        aria-label="Search papers"
        aria-describedby="search-hint"
        placeholder="Search papers"
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(event) => controller.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'ArrowDown') {
            event.preventDefault();
            controller.focus('list');
          }
        }}
      />
      <span id="search-hint" className="visually-hidden">
        Searches titles, authors, abstracts, tags and notes, forgiving typos. Narrow it with tag:name, or with
        is:unread, is:reading or is:read.
      </span>
      {query === '' ? (
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      ) : (
        <button
          type="button"
          className="icon-button search-clear"
          aria-label="Clear search"
          onClick={() => {
            controller.setQuery('');
            inputRef.current?.focus();
          }}
        >
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
