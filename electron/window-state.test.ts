import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  windowPlacement,
  type Rect,
  type WindowState,
} from './window-state.js';
import { createWindowStateWriter, readWindowState, writeWindowState } from './window-state-file.js';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const EXTERNAL_RIGHT: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };
const EXTERNAL_LEFT: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };

const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized });

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState({ bounds: { x: -10, y: 20, width: 1000, height: 700 }, maximized: true })).toEqual({
      bounds: { x: -10, y: 20, width: 1000, height: 700 },
      maximized: true,
    });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'maximized'],
    ['no bounds', { maximized: false }],
    ['no maximized flag', { bounds: { x: 0, y: 0, width: 800, height: 600 } }],
    ['a string coordinate', { bounds: { x: '0', y: 0, width: 800, height: 600 }, maximized: false }],
    ['NaN', { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 }, maximized: false }],
    ['a fraction', { bounds: { x: 0.5, y: 0, width: 800, height: 600 }, maximized: false }],
    ['a zero width', { bounds: { x: 0, y: 0, width: 0, height: 600 }, maximized: false }],
    ['a negative height', { bounds: { x: 0, y: 0, width: 800, height: -600 }, maximized: false }],
    ['an absurd coordinate', { bounds: { x: 1e12, y: 0, width: 800, height: 600 }, maximized: false }],
  ])('ignores %s', (_case, value) => {
    expect(parseWindowState(value)).toBeUndefined();
  });
});

describe('windowPlacement', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(windowPlacement(undefined, [LAPTOP], LAPTOP)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('fits the default size to a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 600 };
    expect(windowPlacement(undefined, [small], small)).toEqual({ width: 1024, height: 600, maximized: false });
  });

  it('restores bounds that are on a display', () => {
    const bounds = { x: 100, y: 80, width: 1100, height: 700 };
    expect(windowPlacement(state(bounds), [LAPTOP], LAPTOP)).toEqual({ ...bounds, maximized: false });
  });

  it('restores the maximised flag', () => {
    const bounds = { x: 100, y: 80, width: 1100, height: 700 };
    expect(windowPlacement(state(bounds, true), [LAPTOP], LAPTOP).maximized).toBe(true);
  });

  it('restores a window on a second display, also at negative coordinates', () => {
    const right = { x: 2000, y: 100, width: 1600, height: 1000 };
    const left = { x: -1800, y: 50, width: 1200, height: 800 };
    const displays = [LAPTOP, EXTERNAL_RIGHT, EXTERNAL_LEFT];
    expect(windowPlacement(state(right), displays, LAPTOP)).toMatchObject(right);
    expect(windowPlacement(state(left), displays, LAPTOP)).toMatchObject(left);
  });

  it('moves a window that hangs off the edge fully onto its display', () => {
    const placement = windowPlacement(state({ x: 1000, y: 500, width: 1000, height: 700 }), [LAPTOP], LAPTOP);
    expect(placement).toEqual({ x: 440, y: 200, width: 1000, height: 700, maximized: false });
  });

  it('moves a window whose title bar is above the work area back down', () => {
    const placement = windowPlacement(state({ x: 100, y: -300, width: 1000, height: 700 }), [LAPTOP], LAPTOP);
    expect(placement).toMatchObject({ x: 100, y: LAPTOP.y });
  });

  it('shrinks a window larger than its display', () => {
    const placement = windowPlacement(state({ x: -50, y: 0, width: 3000, height: 2000 }), [LAPTOP], LAPTOP);
    expect(placement).toEqual({ ...LAPTOP, maximized: false });
  });

  it('puts it on the display that shows most of it', () => {
    // Straddles the laptop (200 px wide part) and the external display (800 px wide part).
    const placement = windowPlacement(
      state({ x: 1240, y: 100, width: 1000, height: 700 }),
      [LAPTOP, EXTERNAL_RIGHT],
      LAPTOP,
    );
    expect(placement).toMatchObject({ x: EXTERNAL_RIGHT.x, y: 100 });
  });

  it('does not restore the position when its display is gone, but keeps the size', () => {
    const onUnpluggedMonitor = state({ x: 2000, y: 100, width: 1200, height: 800 }, true);
    expect(windowPlacement(onUnpluggedMonitor, [LAPTOP], LAPTOP)).toEqual({
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('treats a sliver at the edge of a display as not visible', () => {
    const sliver = state({ x: LAPTOP.width - 40, y: 100, width: 1000, height: 700 });
    expect(windowPlacement(sliver, [LAPTOP], LAPTOP)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('fits a restored size to the primary display when the old display is gone', () => {
    const huge = state({ x: 5000, y: 0, width: 2500, height: 1400 });
    expect(windowPlacement(huge, [LAPTOP], LAPTOP)).toEqual({
      width: LAPTOP.width,
      height: LAPTOP.height,
      maximized: false,
    });
  });

  it('never goes below the minimum size when the display has room', () => {
    const tiny = state({ x: 10, y: 30, width: 200, height: 100 });
    expect(windowPlacement(tiny, [LAPTOP], LAPTOP)).toEqual({ x: 10, y: 30, ...MIN_WINDOW_SIZE, maximized: false });
  });
});

describe('the window state file', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'shelfmark-window-state-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const saved = state({ x: 10, y: 20, width: 1000, height: 700 }, true);

  it('round-trips and leaves no temporary file', async () => {
    const file = join(directory, 'window-state.json');
    await writeWindowState(file, saved);
    expect(await readWindowState(file)).toEqual(saved);
    expect(await readdir(directory)).toEqual(['window-state.json']);
  });

  it('creates the userData folder if it does not exist yet', async () => {
    const file = join(directory, 'Shelfmark', 'window-state.json');
    await writeWindowState(file, saved);
    expect(await readWindowState(file)).toEqual(saved);
  });

  it('reads a missing, corrupt or malformed file as no state', async () => {
    const file = join(directory, 'window-state.json');
    expect(await readWindowState(file)).toBeUndefined();
    await writeFile(file, '{"bounds": {');
    expect(await readWindowState(file)).toBeUndefined();
    await writeFile(file, '{"bounds": {"x": 0}, "maximized": false}');
    expect(await readWindowState(file)).toBeUndefined();
  });

  it('writes one at a time and skips to the latest state', async () => {
    const file = join(directory, 'window-state.json');
    const written: WindowState[] = [];
    let release: () => void = () => undefined;
    const firstWriteBlocked = new Promise<void>((resolve) => (release = resolve));
    const writer = createWindowStateWriter(
      file,
      (error) => {
        throw error;
      },
      async (target, next) => {
        if (written.length === 0) await firstWriteBlocked;
        written.push(next);
        await writeWindowState(target, next);
      },
    );
    const step = (n: number) => state({ x: n, y: n, width: 800, height: 600 });
    writer.save(step(1));
    await Promise.resolve();
    writer.save(step(2));
    writer.save(step(3));
    release();
    await writer.flush();
    expect(written).toEqual([step(1), step(3)]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(step(3));
  });

  it('reports a failed write and goes on', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const writer = createWindowStateWriter(
      join(directory, 'window-state.json'),
      (error) => errors.push(error),
      () => (++calls === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve()),
    );
    writer.save(saved);
    await writer.flush();
    writer.save(saved);
    await writer.flush();
    expect(errors).toEqual([new Error('disk full')]);
    expect(calls).toBe(2);
  });
});
