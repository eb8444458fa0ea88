import { describe, expect, it } from 'vitest';
import { commandForKey, shortcutGroups, type KeyInput } from './keyboard.js';

const key = (value: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  inField: false,
  isMac: false,
  ...extra,
});

describe('commandForKey', () => {
  it('maps the single-key shortcuts', () => {
    expect(commandForKey(key('/'))).toBe('focus-search');
    expect(commandForKey(key('j'))).toBe('next');
    expect(commandForKey(key('ArrowDown'))).toBe('next');
    expect(commandForKey(key('k'))).toBe('previous');
    expect(commandForKey(key('ArrowUp'))).toBe('previous');
    expect(commandForKey(key('r'))).toBe('cycle-status');
    expect(commandForKey(key('t'))).toBe('add-tag');
    expect(commandForKey(key('n'))).toBe('edit-note');
    expect(commandForKey(key('Enter'))).toBe('open-paper');
    expect(commandForKey(key('?', { shiftKey: true }))).toBe('shortcuts');
    expect(commandForKey(key('q'))).toBeNull();
  });

  it('maps one key to each decision of the triage, and lists each in the help', () => {
    expect(commandForKey(key('e'))).toBe('mark-read');
    expect(commandForKey(key('d'))).toBe('dismiss');
    expect(commandForKey(key('s'))).toBe('snooze');
    for (const value of ['e', 'd', 's']) expect(commandForKey(key(value, { inField: true }))).toBeNull();
    const triage = shortcutGroups(false).find((group) => group.title === 'Triage')?.shortcuts ?? [];
    for (const value of ['e', 'd', 's', 'r']) {
      expect(triage.some((shortcut) => shortcut.keys.some((combo) => combo.join() === value))).toBe(true);
    }
  });

  it('has a key for More like this, listed in the help', () => {
    expect(commandForKey(key('m'))).toBe('more-like-this');
    expect(commandForKey(key('m', { inField: true }))).toBeNull();
    const shortcuts = shortcutGroups(false).flatMap((group) => group.shortcuts);
    expect(shortcuts.find((shortcut) => shortcut.keys.some((combo) => combo.join() === 'm'))?.description).toMatch(
      /^More like this/,
    );
  });

  it('extends the selection with Shift', () => {
    expect(commandForKey(key('J', { shiftKey: true }))).toBe('extend-next');
    expect(commandForKey(key('ArrowUp', { shiftKey: true }))).toBe('extend-previous');
  });

  it('selects papers apart from each other: moving alone with Ctrl/Cmd and the arrows, x or Ctrl/Cmd+Space', () => {
    expect(commandForKey(key('ArrowDown', { ctrlKey: true }))).toBe('cursor-next');
    expect(commandForKey(key('ArrowUp', { metaKey: true, isMac: true }))).toBe('cursor-previous');
    expect(commandForKey(key('x'))).toBe('toggle-selected');
    expect(commandForKey(key(' ', { ctrlKey: true }))).toBe('toggle-selected');
    expect(commandForKey(key(' '))).toBeNull();
    expect(commandForKey(key('x', { inField: true }))).toBeNull();
    expect(commandForKey(key('ArrowDown', { ctrlKey: true, inField: true }))).toBeNull();
    const described = shortcutGroups(false).flatMap((group) => group.shortcuts.map((shortcut) => shortcut.description));
    expect(described).toContain('Add the paper you are on to the selection, or take it out');
  });

  it('never fires while typing in a field, except Esc and find', () => {
    for (const value of ['/', 'j', 'k', 'r', 't', 'n', '?', 'ArrowDown']) {
      expect(commandForKey(key(value, { inField: true }))).toBeNull();
    }
    expect(commandForKey(key('Escape', { inField: true }))).toBe('leave-field');
    expect(commandForKey(key('Escape'))).toBe('escape');
    expect(commandForKey(key('f', { ctrlKey: true, inField: true }))).toBe('focus-search');
    expect(commandForKey(key('z', { ctrlKey: true, inField: true }))).toBeNull();
  });

  it('uses Cmd on macOS and Ctrl elsewhere', () => {
    expect(commandForKey(key('f', { ctrlKey: true }))).toBe('focus-search');
    expect(commandForKey(key('f', { metaKey: true, isMac: true }))).toBe('focus-search');
    expect(commandForKey(key('f', { ctrlKey: true, isMac: true }))).toBeNull();
    expect(commandForKey(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandForKey(key('z', { metaKey: true, isMac: true }))).toBe('undo');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandForKey(key('a', { ctrlKey: true }))).toBe('select-all');
  });

  it('leaves modified letters alone', () => {
    expect(commandForKey(key('r', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('j', { altKey: true }))).toBeNull();
    expect(commandForKey(key('r', { metaKey: true }))).toBeNull();
  });

  it('lists every shortcut for the help dialog', () => {
    const described = shortcutGroups(true).flatMap((group) => group.shortcuts.map((shortcut) => shortcut.description));
    expect(described.some((text) => text.includes('Cycle status'))).toBe(true);
    expect(shortcutGroups(true)[0]?.shortcuts.some((shortcut) => shortcut.keys.flat().includes('⌘'))).toBe(true);
    expect(shortcutGroups(false)[0]?.shortcuts.some((shortcut) => shortcut.keys.flat().includes('Ctrl'))).toBe(true);
  });
});
