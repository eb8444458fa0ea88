import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InvalidInputError } from '../../../core/errors.js';
import { describeNotesSync } from '../../../core/notes-sync/report.js';
import { templateFrom, type NotesSyncTemplate } from '../../../core/notes-sync/template.js';
import { userFileError } from '../../store/index.js';
import type { Command } from '../command.js';
import { statusArg } from '../options.js';
import { UsageError } from '../usage-error.js';
import { resolve } from 'node:path';

/** The template a --template file holds (YAML, or JSON, which is YAML). */
async function readTemplate(file: string): Promise<NotesSyncTemplate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw userFileError(error, file) ?? error;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new InvalidInputError(`${file} is not a template Shelfmark can read: ${reason}.`);
  }
  return templateFrom(data);
}

export const syncNotes: Command = {
  name: 'sync-notes',
  usage: 'DIR [--all] [--status S] [--tag T] [--dry-run] [--restore] [--template FILE]',
  summary: 'Sync notes with a folder of Markdown files, both ways (an Obsidian vault, a git repository of notes)',
  options: ['all', 'status', 'tag', 'dry-run', 'restore', 'template'],
  args: [1, 1],
  examples: [
    'shelfmark sync-notes ~/Vault/Papers',
    'shelfmark sync-notes ~/Vault/Papers --dry-run',
    'shelfmark sync-notes ~/Vault --tag to-present --template notes.yaml',
  ],
  async run({ service, args, values, print }) {
    const [folder = ''] = args;
    if (values.all === true && (values.status !== undefined || values.tag !== undefined)) {
      throw new UsageError('sync-notes takes --all, or --status and --tag, not both.');
    }
    const template = values.template === undefined ? undefined : await readTemplate(values.template);
    const report = await service.syncNotes(
      {
        folder: resolve(folder),
        all: values.all,
        status: statusArg(values.status),
        tag: values.tag,
        dryRun: values['dry-run'],
        restore: values.restore,
      },
      template === undefined ? {} : { template },
    );
    const heading = report.dryRun
      ? `Dry run: nothing was changed. Syncing notes with ${report.folder} would do this:`
      : `Synced notes with ${report.folder}.`;
    print(report, () => `${[heading, ...describeNotesSync(report)].join('\n')}\n`);
    return 0;
  },
};
