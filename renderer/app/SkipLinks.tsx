import './SkipLinks.css';
import type { MouseEvent } from 'react';
import type { FocusTarget } from '../controller/focus.js';
import { useController } from '../kit/context.js';

/** The first Tab stops: straight to the search or the list, past the sidebar. Shown only while focused. */
export function SkipLinks() {
  const controller = useController();
  const skipTo = (target: FocusTarget) => (event: MouseEvent) => {
    event.preventDefault();
    controller.focus(target);
  };
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
