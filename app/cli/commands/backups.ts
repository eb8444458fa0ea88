import { printRead, type Command } from '../command.js';
import { formatBackups } from '../format.js';

export const backups: Command = {
  name: 'backups',
  usage: '',
  summary: 'List the library’s backups (one a day, the last 10 kept), newest first',
  args: [0, 0],
  needs: 'library-or-backups',
  examples: ['shelfmark backups'],
  run: printRead((service) => service.listBackups(), formatBackups),
};
