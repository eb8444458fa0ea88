import type { LibraryDevice, LibraryDevices } from '../../../core/api.js';
import { clockAheadSentence, problemSentence, waitingSentence } from '../../../core/devices-words.js';
import { terminalLine } from '../../../core/terminal-text.js';
import { printRead, type Command } from '../command.js';

const pad = (value: number): string => String(value).padStart(2, '0');

/** "2026-12-07 09:12", in this computer's time. */
export function localMinute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function deviceLine(device: LibraryDevice): string {
  const name = `${terminalLine(device.name)}${device.thisComputer ? ' (this computer)' : ''}`;
  const last = device.lastWrote === null ? 'has not written yet' : `last wrote ${localMinute(device.lastWrote)}`;
  const first = device.firstWrote === null ? '' : `, first ${localMinute(device.firstWrote).slice(0, 10)}`;
  return `${name} — ${last}${first}`;
}

/** `shelfmark devices`: each device a line, then what the user should know of the folder. */
function formatDevices(listed: LibraryDevices): string {
  const lines = listed.devices.map(deviceLine);
  const notes: string[] = [];
  for (const device of listed.devices) {
    if (device.clockAheadMs !== null) notes.push(clockAheadSentence(terminalLine(device.name), device.clockAheadMs));
  }
  if (listed.waiting > 0) notes.push(waitingSentence(listed.waiting));
  if (listed.problems.length > 0) {
    notes.push('Some of the library’s files cannot be read (yet):');
    notes.push(...listed.problems.map((problem) => `  ${terminalLine(problemSentence(problem))}`));
  }
  return `${[...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n')}\n`;
}

export const devices: Command = {
  name: 'devices',
  usage: '',
  summary: 'The computers that wrote to the library (a synced folder), and when each last wrote',
  args: [0, 0],
  examples: ['shelfmark devices', 'shelfmark devices --json'],
  run: printRead((service) => service.listDevices(), formatDevices),
};
