/** The command line's help, made from the commands' own declarations, in lines that fit an 80-column terminal. */

import type { Command } from './command.js';
import { EXIT_CODES } from './exit-codes.js';
import { GLOBAL_OPTIONS, OPTION_HELP, optionLabel, type OptionName } from './options.js';

/** Columns a help line may take at most. */
const HELP_WIDTH = 80;

/** Where a command's summary and an option's description start, under the usage line or after the label. */
const SUMMARY_INDENT = '      ';

/** The columns a string takes: one a code point, which holds for the help's own text. */
const columns = (text: string): number => Array.from(text).length;

/**
 * `words` in lines of at most HELP_WIDTH columns: the first line begins with `first`, the others with `rest`.
 * A word too long for any line stands alone on its own.
 */
function wrap(words: readonly string[], first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && columns(line) + 1 + columns(word) > HELP_WIDTH) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const wordsOf = (text: string): string[] => text.split(' ').filter((word) => word !== '');

/** A usage line's parts that are never broken across lines: `--out PATH`, `[--status S]`, `(TEXT | --file F | -)`. */
function usageParts(usage: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const ch of `${usage} `) {
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (ch !== ' ' || depth > 0) part += ch;
    else if (part !== '') {
      const last = parts.at(-1);
      // An option and its value: `--out PATH`.
      if (last !== undefined && /^--[a-z]+$/.test(last) && /^[A-Z]/.test(part))
        parts[parts.length - 1] = `${last} ${part}`;
      else parts.push(part);
      part = '';
    }
  }
  return parts;
}

/** `first` and the command's usage after it, the lines after the first aligned with its arguments. */
function usageLines(command: Command, first: string): string[] {
  const lead = `${first}${command.name}`;
  return wrap(usageParts(command.usage), `${lead} `, ' '.repeat(columns(lead) + 1)).map((line) => line.trimEnd());
}

/** Options as a table: the labels, then their descriptions wrapped in a column of their own. */
function optionLines(names: readonly OptionName[]): string[] {
  const width = Math.max(...names.map((name) => columns(optionLabel(name))));
  return names.flatMap((name) =>
    wrap(wordsOf(OPTION_HELP[name].description), `  ${optionLabel(name).padEnd(width)}  `, ' '.repeat(width + 4)),
  );
}

export function helpText(commands: readonly Command[]): string {
  return [
    'Shelfmark — a reading list for research papers.',
    '',
    'Usage: shelfmark [--db PATH] [--json] COMMAND [ARGS]',
    '',
    'Commands:',
    ...commands.flatMap((command) => [
      ...usageLines(command, '  '),
      ...wrap(wordsOf(command.summary), SUMMARY_INDENT, SUMMARY_INDENT),
    ]),
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    ...wrap(
      wordsOf('IDs are arXiv ids (2410.12345) or the ids `list` shows; an unambiguous prefix is enough.'),
      '',
      '',
    ),
    ...wrap(wordsOf('Run "shelfmark help COMMAND" for a command’s options and examples.'), '', ''),
    '',
    'Exit status:',
    '  0  done',
    ...Object.values(EXIT_CODES).map(({ code, means }) => `  ${code}  ${means}`),
    'Errors are one line on standard error; with --json, a JSON object there:',
    '  {"error": {"kind": "not-found", "message": "…"}}',
    '',
  ].join('\n');
}

/** One command's help: its usage, what it does, its options and examples. */
export function commandHelpText(command: Command): string {
  return [
    ...usageLines(command, 'Usage: shelfmark '),
    '',
    ...wrap(wordsOf(`${command.summary}.`), '', ''),
    '',
    'Options:',
    ...optionLines([...(command.options ?? []), ...GLOBAL_OPTIONS]),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}
