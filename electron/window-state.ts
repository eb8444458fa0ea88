/** The main window's remembered size, position and maximised state, and where to put it on today's displays. */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** The normal (not maximised, not full-screen) bounds. */
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** Where the window opens: `x`/`y` absent means "let the OS centre it". */
export interface WindowPlacement {
  readonly width: number;
  readonly height: number;
  readonly x?: number;
  readonly y?: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 420 } as const;
/** How much of the window must overlap a display's work area for the saved position to count as visible. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;
const MAX_COORDINATE = 1_000_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COORDINATE;
}

function isSize(value: unknown): value is number {
  return isCoordinate(value) && value > 0;
}

/** The saved state from its JSON, or undefined when it is missing or malformed (then the defaults apply). */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return undefined;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rect, unknown>>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isSize(width) || !isSize(height)) return undefined;
  return { bounds: { x, y, width, height }, maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clampSize(size: number, min: number, available: number): number {
  return Math.max(Math.min(size, available), Math.min(min, available));
}

function clampPosition(position: number, size: number, start: number, available: number): number {
  return Math.min(Math.max(position, start), start + available - size);
}

/**
 * Where to open the window. The saved bounds are used only when they are still (mostly) on one of the displays'
 * work areas: then the window is shrunk to fit that display and moved fully onto it. When no display shows it (the
 * monitor it was on is gone), the saved size is kept, fitted to the primary display, and the OS centres it.
 */
export function windowPlacement(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primaryWorkArea: Rect,
): WindowPlacement {
  const fit = (size: { width: number; height: number }, area: Rect) => ({
    width: clampSize(size.width, MIN_WINDOW_SIZE.width, area.width),
    height: clampSize(size.height, MIN_WINDOW_SIZE.height, area.height),
  });
  if (saved === undefined) return { ...fit(DEFAULT_WINDOW_SIZE, primaryWorkArea), maximized: false };

  let best: { area: Rect; visible: number } | undefined;
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared.width < MIN_VISIBLE.width || shared.height < MIN_VISIBLE.height) continue;
    const visible = shared.width * shared.height;
    if (best === undefined || visible > best.visible) best = { area, visible };
  }
  if (best === undefined) return { ...fit(saved.bounds, primaryWorkArea), maximized: saved.maximized };

  const { area } = best;
  const size = fit(saved.bounds, area);
  return {
    ...size,
    x: clampPosition(saved.bounds.x, size.width, area.x, area.width),
    y: clampPosition(saved.bounds.y, size.height, area.y, area.height),
    maximized: saved.maximized,
  };
}
