/** The README's account of the command line keeps up with the commands and exit codes the code has. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index.js';
import { EXIT_CODES } from './exit-codes.js';
import { helpText } from './help.js';
import { optionLabel } from './options.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const SECTION = README.slice(README.indexOf('## The command line'), README.indexOf('### What it imports'));
/** A table cell's text as Markdown writes it. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

describe('the README', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    'lists %s with every option it takes',
    (name, command) => {
      const row = SECTION.split('\n').find(
        (line) => line.startsWith(`| \`${name} `) || line.startsWith(`| \`${name}\``),
      );
      expect(row).toBeDefined();
      for (const option of command.options ?? []) expect(row).toContain(`\`${cell(optionLabel(option))}\``);
    },
  );

  it.each(Object.entries(EXIT_CODES))('gives the exit code of %s', (kind, { code }) => {
    expect(SECTION).toMatch(new RegExp(`\\n\\| ${code} +\\| \`${kind}\` +\\| \\S`));
  });
});

describe('shelfmark --help', () => {
  it('gives every exit code', () => {
    const help = helpText(COMMANDS);
    for (const { code, means } of Object.values(EXIT_CODES)) expect(help).toContain(`\n  ${code}  ${means}\n`);
    expect(help).toContain('\nExit status:\n  0  done\n');
  });
});
