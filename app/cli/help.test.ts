import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliHarness } from '../../tests/cli-harness.js';
import { checkCall, usageOf } from './command.js';
import { COMMANDS } from './commands/index.js';
import { optionLabel, parseOptions } from './options.js';

let cli: CliHarness;

beforeEach(async () => {
  cli = await CliHarness.create();
});

afterEach(async () => {
  await cli.remove();
});

/** The lines of `text` wider than an 80-column terminal. */
const tooWide = (text: string): string[] => text.split('\n').filter((line) => Array.from(line).length > 80);

/** "shelfmark note ID \"a b\"" as a shell would split it. */
const shellWords = (line: string): string[] =>
  Array.from(line.matchAll(/"([^"]*)"|(\S+)/g), (match) => match[1] ?? match[2] ?? '');

describe('shelfmark --help', () => {
  it('fits an 80-column terminal and names every command, its usage and what it does', async () => {
    const { code, stdout, stderr } = await cli.run(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(tooWide(stdout)).toEqual([]);
    expect(stdout).toContain('Usage: shelfmark [--db PATH] [--json] COMMAND [ARGS]\n');
    expect(stdout).toContain(
      '  export --out PATH [--format md|bibtex|csl-json|ris|json] [--status S]\n' +
        '         [--tag T] [--digest D] [--query Q] [--all] [--abstracts] [--force]\n' +
        '      Export notes to Markdown (a .md document, or a folder of files), the\n' +
        '      library to JSON, or citations as BibTeX, CSL-JSON or RIS\n',
    );
    const flat = stdout.replace(/\n +/g, ' ');
    for (const command of COMMANDS) {
      expect(stdout).toContain(`\n  ${command.name}`);
      expect(flat).toContain(usageOf(command));
      expect(flat).toContain(command.summary);
    }
    expect(stdout).toContain('Run "shelfmark help COMMAND" for a command’s options and examples.\n');
  });

  it('is what `help` alone prints, and what no command at all prints, with exit 2', async () => {
    const { stdout } = await cli.run(['--help']);
    expect(await cli.run(['help'])).toEqual({ code: 0, stdout, stderr: '' });
    expect(await cli.run([])).toEqual({ code: 2, stdout, stderr: '' });
  });
});

describe('shelfmark help COMMAND', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s: its usage, options and examples, in 80 columns',
    async (name, command) => {
      const help = await cli.run(['help', name]);
      expect(help.code).toBe(0);
      expect(help.stderr).toBe('');
      expect(await cli.run([name, '--help'])).toEqual(help);
      expect(await cli.run([name, '-h'])).toEqual(help);
      expect(tooWide(help.stdout)).toEqual([]);
      expect(help.stdout).toMatch(new RegExp(`^Usage: shelfmark ${name}\\b`));
      expect(help.stdout.replace(/\s+/g, ' ')).toContain(
        `Usage: shelfmark ${usageOf(command)} ${command.summary}. Options:`,
      );
      for (const option of [...(command.options ?? []), 'db', 'json'] as const) {
        expect(help.stdout).toMatch(new RegExp(`\\n {2}${optionLabel(option).replace(/[|]/g, '\\|')} {2}`));
      }
      expect(help.stdout).toMatch(/\nExamples:\n( {2}shelfmark .+\n)+$/);
      expect(command.examples.length).toBeGreaterThan(0);
      for (const example of command.examples) expect(help.stdout).toContain(`\n  ${example}\n`);
    },
  );

  it('shows the options of one command only', async () => {
    const { stdout } = await cli.run(['help', 'list']);
    expect(stdout).toContain('\n  --status S  Only papers with this reading status: unread, reading, read\n');
    expect(stdout).not.toContain('--out');
  });

  it.each(COMMANDS.flatMap((command) => command.examples.map((example) => [example, command] as const)))(
    'gives examples a user can run: %s',
    (example, command) => {
      const [shelfmark, ...argv] = shellWords(example);
      expect(shelfmark).toBe('shelfmark');
      const { values, positionals } = parseOptions(argv);
      const [name, ...args] = positionals;
      expect(name).toBe(command.name);
      expect(() => {
        checkCall(command, args, values);
      }).not.toThrow();
    },
  );

  it('refuses a command that is not one', async () => {
    expect(await cli.run(['help', 'frob'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'shelfmark: "frob" is not a command. (see "shelfmark --help")\n',
    });
    expect(await cli.run(['help', 'list', 'show'])).toMatchObject({
      code: 2,
      stderr: 'shelfmark: usage: shelfmark help [COMMAND] (see "shelfmark --help")\n',
    });
  });
});
