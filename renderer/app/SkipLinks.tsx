import './SkipLinks.css';
import type { MouseEvent } from 'react';
import type { FocusTarget } from '../controller/focus.js';
import { useAppState, useController } from '../kit/context.js';

/**
 * The first Tab stops: straight to the search or the list, past the sidebar (or to the possible duplicates, while
 * they stand in place of the list). Shown only while focused.
 */
export function SkipLinks() {
  const controller = useController();
  const duplicates = useAppState((state) => state.view === 'duplicates');
  const skipTo = (target: FocusTarget) => (event: MouseEvent) => {
    event.preventDefault();
    controller.focus(target);
  };
  if (duplicates) {
    return (
      <div className="skip-links">
        <a className="skip-link" href="#duplicates" onClick={skipTo('duplicates')}>
          Skip to the possible duplicates
        </a>
      </div>
    );
  }
  return (
    <div className="skip-links">
      <a className="skip-link" href="#search" onClick={skipTo('search')}>
        Skip to search
      </a>
      <a className="skip-link" href="#papers" onClick={skipTo('list')}>
        Skip to papers
      </a>
    </div>
  );
}
