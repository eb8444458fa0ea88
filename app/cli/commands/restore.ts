import type { Command } from '../command.js';

export const restore: Command = {
  name: 'restore',
  usage: 'BACKUP',
  summary: 'Replace the library with a backup, after backing up the library as it is now',
  args: [1, 1],
  needs: 'library-or-backups',
  examples: ['shelfmark restore 2026-01-14T12-00-00Z-daily'],
  async run({ service, args, print }) {
    const name = args[0] ?? '';
    const safety = await service.restoreBackup(name);
    print(
      { restored: name, safety },
      () => `Restored ${name}.${safety === null ? '' : ` The library as it was is in the backup ${safety.name}.`}\n`,
    );
    return 0;
  },
};
