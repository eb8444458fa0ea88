/** Which panes the window shows: three columns, two with the sidebar a drawer, or one with the paper over the list. */

import type { Layout } from './types.js';

export const WIDE_LAYOUT: Layout = { columns: 3, paperOpen: false, drawerOpen: false };

/** The window's width changed how many columns it has room for: what no longer applies closes. */
export function withColumns(layout: Layout, columns: Layout['columns']): Layout {
  if (layout.columns === columns) return layout;
  return {
    columns,
    paperOpen: columns === 1 && layout.paperOpen,
    drawerOpen: columns < 3 && layout.drawerOpen,
  };
}

/** Opens (or, false, closes) the paper over the list; only one column has it over the list. */
export function withPaperOpen(layout: Layout, paperOpen: boolean): Layout {
  const open = paperOpen && layout.columns === 1;
  return layout.paperOpen === open ? layout : { ...layout, paperOpen: open };
}

/** Slides the sidebar in (or out); with three columns it is always there. */
export function withDrawerOpen(layout: Layout, drawerOpen: boolean): Layout {
  const open = drawerOpen && layout.columns < 3;
  return layout.drawerOpen === open ? layout : { ...layout, drawerOpen: open };
}
