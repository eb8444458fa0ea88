import { useLayoutEffect } from 'react';
import type { Controller } from '../controller/controller.js';

/**
 * The widths at which the app has room for three columns (sidebar, list, paper) and for two (the sidebar then a
 * drawer); below, one: the list, and the paper over it. 640 CSS pixels is a 1280-pixel window at 200 % zoom.
 * renderer/styles/layout.css lays out each, keyed on the columns this sets.
 */
const THREE_COLUMNS = '(min-width: 900px)';
const TWO_COLUMNS = '(min-width: 700px)';

/** Keeps the controller's idea of the columns in step with the window's width, from before the first paint. */
export function useColumns(controller: Controller): void {
  useLayoutEffect(() => {
    const three = window.matchMedia(THREE_COLUMNS);
    const two = window.matchMedia(TWO_COLUMNS);
    const update = (): void => controller.setColumns(three.matches ? 3 : two.matches ? 2 : 1);
    update();
    three.addEventListener('change', update);
    two.addEventListener('change', update);
    return () => {
      three.removeEventListener('change', update);
      two.removeEventListener('change', update);
    };
  }, [controller]);
}
