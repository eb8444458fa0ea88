/**
 * @string macros the way bibliographies use them: defined in any BibTeX file of an import (`authors.bib`,
 * `journals.bib`) and used by the others, in whatever order the files and definitions come; the months and the
 * journals BibTeX's standard styles define are there too. A macro nobody defines is never pasted into the text:
 * its name is told, so the entry can be skipped and the user told which file to import alongside. Pure.
 */

import type { FieldValue, MacroRef } from './bibtex-reader.js';
import { monthName } from './dates.js';
import { QuietError } from './quiet-error.js';

/**
 * How long a field may be once @string macros are expanded in it: a few doubling macros (`@string{b = a # a}`)
 * would otherwise make a title of hundreds of millions of characters out of a file of a kilobyte. Text written
 * out in the file is not limited (the file's size limits it).
 */
export const MAX_EXPANDED_FIELD_LENGTH = 1024 * 1024;
/**
 * How much text @string macros may expand to in all, in the fields of a file's entries, and in the definitions
 * of a whole import: many fields of a long macro add up too.
 */
const MAX_MACRO_EXPANSION = 16 * 1024 * 1024;

export const FIELD_TOO_LONG = 'a field is too long after expanding @string macros';
const EXPANSION_TOO_LARGE = `its @string macros expand to more than ${MAX_MACRO_EXPANSION / 1024 / 1024} MB of text in all`;

/** The months, and the journals plain.bst and the other standard styles abbreviate: files use them undefined. */
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (macro, index) => [macro, monthName(index + 1)] as const,
  ),
  ['acmcs', 'ACM Computing Surveys'],
  ['acta', 'Acta Informatica'],
  ['cacm', 'Communications of the ACM'],
  ['ibmjrd', 'IBM Journal of Research and Development'],
  ['ibmsj', 'IBM Systems Journal'],
  ['ieeese', 'IEEE Transactions on Software Engineering'],
  ['ieeetc', 'IEEE Transactions on Computers'],
  ['ieeetcad', 'IEEE Transactions on Computer-Aided Design of Integrated Circuits'],
  ['ipl', 'Information Processing Letters'],
  ['jacm', 'Journal of the ACM'],
  ['jcss', 'Journal of Computer and System Sciences'],
  ['scp', 'Science of Computer Programming'],
  ['sicomp', 'SIAM Journal on Computing'],
  ['tocs', 'ACM Transactions on Computer Systems'],
  ['tods', 'ACM Transactions on Database Systems'],
  ['tog', 'ACM Transactions on Graphics'],
  ['toms', 'ACM Transactions on Mathematical Software'],
  ['toois', 'ACM Transactions on Office Information Systems'],
  ['toplas', 'ACM Transactions on Programming Languages and Systems'],
  ['tcs', 'Theoretical Computer Science'],
]);

/** One `@string{name = value}` of a file. */
export interface MacroDefinition {
  /** Lower-case: BibTeX's macro names are. */
  readonly name: string;
  readonly value: FieldValue;
  readonly line: number;
}

interface Definition extends MacroDefinition {
  /** Which of the import's BibTeX files defines it. */
  readonly file: number;
}

/** A value with its macros expanded. */
type Expansion =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-long'; readonly reason: string }
  /** The macros nobody defines, as the value names them; `text` without them. */
  | { readonly kind: 'undefined'; readonly names: readonly string[]; readonly text: string };

/**
 * Thrown without a stack trace (a file of a million broken entries throws it a million times) when a field is
 * too long once its macros are expanded: the entry is skipped.
 */
export class FieldTooLong extends QuietError {}

/** The macros of one import's BibTeX files, each file's given in the order they are defined in it. */
export class MacroTable {
  /** Each file's definitions, in order. */
  private readonly all: readonly (readonly Definition[])[];
  /** Each file's own definitions, by name: the last of a name wins, as it does for the entries after it. */
  private readonly own: readonly ReadonlyMap<string, Definition>[];
  /** Every file's, by name: the first file's to define a name, in the order the files were given. */
  private readonly shared = new Map<string, Definition>();
  private readonly expansions = new Map<Definition, Expansion>();
  /** For each file, the other files whose entries use its macros. */
  private readonly users: readonly Set<number>[];
  /** What definitions made of several parts have expanded to in all (MAX_MACRO_EXPANSION). */
  private expanded = 0;

  constructor(files: readonly (readonly MacroDefinition[])[]) {
    this.all = files.map((definitions, file) =>
      definitions.map(({ name, value, line }) => ({ name, value, line, file })),
    );
    this.own = this.all.map((definitions) => {
      const byName = new Map<string, Definition>();
      for (const definition of definitions) byName.set(definition.name, definition);
      for (const [name, definition] of byName) if (!this.shared.has(name)) this.shared.set(name, definition);
      return byName;
    });
    this.users = files.map(() => new Set());
  }

  /** The other files (by index) whose entries use a macro `file` defines. */
  usersOf(file: number): ReadonlySet<number> {
    return this.users[file] ?? new Set();
  }

  /** The macros as `file` sees them. */
  scope(file: number): MacroScope {
    return new MacroScope(this, file);
  }

  /** Each definition of `file` that is too long once expanded: its line, and why. */
  problemsOf(file: number): readonly { readonly line: number; readonly reason: string }[] {
    const problems: { line: number; reason: string }[] = [];
    for (const definition of this.all[file] ?? []) {
      const expansion = this.expansionOf(definition);
      if (expansion.kind === 'too-long') problems.push({ line: definition.line, reason: expansion.reason });
    }
    return problems;
  }

  /** `value` with its macros expanded as `file` sees them, at most MAX_EXPANDED_FIELD_LENGTH long. */
  expand(value: FieldValue, file: number, count: (macroText: string) => void): Expansion {
    if (typeof value === 'string') return { kind: 'text', text: value };
    for (const part of value) {
      if (typeof part === 'string') continue;
      const definition = this.definitionFor(part.macro, file);
      if (definition !== undefined) this.expansionOf(definition);
    }
    return this.expandResolved(value, file, count);
  }

  /** The definition `file` uses for `name`: its own, else another file's, else none. */
  private definitionFor(name: string, file: number): Definition | undefined {
    const key = name.toLowerCase();
    return this.own[file]?.get(key) ?? this.shared.get(key);
  }

  /**
   * A definition's value, expanded: each definition it names is expanded first, without recursion (a chain of
   * them can be long). A definition that names itself, at some remove, is undefined where it does.
   */
  private expansionOf(definition: Definition): Expansion {
    const known = this.expansions.get(definition);
    if (known !== undefined) return known;
    if (typeof definition.value === 'string') {
      const expansion: Expansion = { kind: 'text', text: definition.value };
      this.expansions.set(definition, expansion);
      return expansion;
    }
    const stack: Definition[] = [definition];
    const open = new Set<Definition>(stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Definition;
      const next = this.unexpandedMacroOf(top, open);
      if (next !== undefined) {
        stack.push(next);
        open.add(next);
        continue;
      }
      stack.pop();
      open.delete(top);
      let expansion = this.expandResolved(top.value, top.file);
      if (typeof top.value !== 'string' && expansion.kind === 'text') {
        this.expanded += expansion.text.length;
        if (this.expanded > MAX_MACRO_EXPANSION) expansion = { kind: 'too-long', reason: EXPANSION_TOO_LARGE };
      }
      this.expansions.set(top, expansion);
    }
    return this.expansions.get(definition) as Expansion;
  }

  /** A definition that `definition` names and that is neither expanded nor being expanded, if any. */
  private unexpandedMacroOf(definition: Definition, open: ReadonlySet<Definition>): Definition | undefined {
    if (typeof definition.value === 'string') return undefined;
    for (const part of definition.value) {
      if (typeof part === 'string') continue;
      const named = this.definitionFor(part.macro, definition.file);
      if (named !== undefined && !this.expansions.has(named) && !open.has(named)) return named;
    }
    return undefined;
  }

  /** `value` expanded, every definition it names being expanded already (or being expanded: undefined). */
  private expandResolved(value: FieldValue, file: number, count?: (macroText: string) => void): Expansion {
    if (typeof value === 'string') return { kind: 'text', text: value };
    let text = '';
    let undefinedNames: string[] | null = null;
    for (const part of value) {
      const expansion = typeof part === 'string' ? null : this.macroExpansion(part, file);
      if (expansion?.kind === 'too-long') return expansion;
      if (expansion?.kind === 'undefined') {
        undefinedNames ??= [];
        for (const name of expansion.names) if (!undefinedNames.includes(name)) undefinedNames.push(name);
        continue;
      }
      const partText = expansion === null ? (part as string) : expansion.text;
      if (expansion !== null) count?.(partText);
      if (text.length + partText.length > MAX_EXPANDED_FIELD_LENGTH)
        return { kind: 'too-long', reason: FIELD_TOO_LONG };
      text += partText;
    }
    return undefinedNames === null ? { kind: 'text', text } : { kind: 'undefined', names: undefinedNames, text };
  }

  /** A macro named in `file`, expanded. */
  private macroExpansion(ref: MacroRef, file: number): Expansion {
    const definition = this.definitionFor(ref.macro, file);
    if (definition === undefined) {
      const predefined = PREDEFINED.get(ref.macro.toLowerCase());
      return predefined === undefined
        ? { kind: 'undefined', names: [ref.macro], text: '' }
        : { kind: 'text', text: predefined };
    }
    if (definition.file !== file) this.users[definition.file]?.add(file);
    // Not expanded yet: it is being expanded, so it names itself.
    return this.expansions.get(definition) ?? { kind: 'undefined', names: [ref.macro], text: '' };
  }
}

/** The macros as one file sees them, and what its entries' fields have expanded to in all. */
export class MacroScope {
  private expanded = 0;

  constructor(
    private readonly table: MacroTable,
    private readonly file: number,
  ) {}

  /**
   * A field's value with its macros expanded: its text, and the names of the undefined macros it uses (the text
   * is without them, never with their names). Throws FieldTooLong.
   */
  expand(value: FieldValue): { readonly text: string; readonly undefinedMacros: readonly string[] } {
    if (typeof value === 'string') return { text: value, undefinedMacros: NONE };
    const expansion = this.table.expand(value, this.file, (macroText) => {
      this.expanded += macroText.length;
    });
    if (this.expanded > MAX_MACRO_EXPANSION) throw new FieldTooLong(EXPANSION_TOO_LARGE);
    if (expansion.kind === 'too-long') throw new FieldTooLong(expansion.reason);
    return { text: expansion.text, undefinedMacros: expansion.kind === 'undefined' ? expansion.names : NONE };
  }

  /** Each of this file's definitions that is too long once expanded: its line, and why. */
  problems(): readonly { readonly line: number; readonly reason: string }[] {
    return this.table.problemsOf(this.file);
  }
}

/** No undefined macros: one array for every field that has none. */
const NONE: readonly string[] = Object.freeze([]);
