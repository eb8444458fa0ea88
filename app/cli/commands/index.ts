/** Every command of the command line, in the order help lists them. A new command is a file here and a line below. */

import type { Command } from '../command.js';
import { add } from './add.js';
import { backups } from './backups.js';
import { complete } from './complete.js';
import { devices } from './devices.js';
import { digests } from './digests.js';
import { dismiss } from './dismiss.js';
import { duplicates } from './duplicates.js';
import { exportCommand } from './export.js';
import { fetchCommand } from './fetch.js';
import { importCommand } from './import.js';
import { list } from './list.js';
import { merge } from './merge.js';
import { next } from './next.js';
import { note } from './note.js';
import { redate } from './redate.js';
import { restore } from './restore.js';
import { search } from './search.js';
import { show } from './show.js';
import { similar } from './similar.js';
import { snooze } from './snooze.js';
import { stats } from './stats.js';
import { status } from './status.js';
import { syncNotes } from './sync-notes.js';
import { tag } from './tag.js';
import { tags } from './tags.js';
import { untag } from './untag.js';

export const COMMANDS: readonly Command[] = [
  importCommand,
  add,
  fetchCommand,
  complete,
  list,
  search,
  next,
  similar,
  show,
  status,
  dismiss,
  snooze,
  tag,
  untag,
  note,
  exportCommand,
  syncNotes,
  backups,
  restore,
  tags,
  digests,
  duplicates,
  merge,
  redate,
  stats,
  devices,
];

/** The command called `name`, or undefined. */
export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
