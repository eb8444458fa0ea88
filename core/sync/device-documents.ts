/**
 * The texts of a device's files, written and checked: a log line (one change: `{"v":1,"device":…,"ops":[…]}`), a
 * snapshot (`state.<g>.json`) and an import (`imports/<stamp>.json`). Written canonically (canonical-json.ts), so
 * one state is one text. Checked with zod as untrusted input: a sync tool may have damaged any of them. Pure.
 */

import { z } from 'zod';

import { canonicalJson, compareCodePoints } from './canonical-json.js';
import { joinRegisters, normaliseRegister, type DeviceId, type Register } from './causal-register.js';
import type { ImportOp } from './catalogue-fold.js';
import { DEVICE_ID } from './device-files.js';
import { isStamp, type Stamp } from './hlc.js';
import type { SyncOp } from './ops.js';
import { joinPaperRegisters, type PaperRegisters } from './paper-registers.js';
import {
  mergeKey,
  paperRefKey,
  removedEntryOf,
  removedKey,
  type DigestDay,
  type MergeEntry,
  type PaperEntry,
  type PaperRef,
  type RemovedEntry,
  type SyncState,
} from './sync-state.js';
import { READING_STATUSES } from '../model.js';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH } from '../reading.js';
import { digestSchema, paperSchema } from '../record-schema.js';

/** The version of every device file's format this Shelfmark writes and reads. */
const DEVICE_FORMAT_VERSION = 1;
const STATE_FORMAT = 'shelfmark-device-state';
const IMPORT_FORMAT = 'shelfmark-device-import';

const stampSchema = z.string().refine(isStamp, 'expected a stamp');
const deviceSchema = z.string().regex(DEVICE_ID, 'expected a device id');
const seenSchema = z.record(deviceSchema, stampSchema);
const dotsSchema = z.array(z.string().regex(/^[0-9a-z]{13}@[a-z0-9][a-z0-9-]{0,63}$/, 'expected a version'));
const paperRefSchema = z.tuple([z.string(), z.string().min(1)]).transform(([origin, id]): PaperRef => ({ origin, id }));
const statusSchema = z
  .object({ status: z.enum(READING_STATUSES), readAt: z.string().nullable(), snoozedUntil: z.string().optional() })
  .transform(({ snoozedUntil, ...value }) => (snoozedUntil === undefined ? value : { ...value, snoozedUntil }));
const tagSchema = z.object({ spelling: z.string().min(1).max(MAX_TAG_LENGTH), since: stampSchema });
const noteSchema = z.string().max(MAX_NOTE_LENGTH);
const daySchema = z.object({ date: z.string(), title: z.string() });
const mergeValueSchema = z.object({ merged: z.boolean(), saw: dotsSchema });
const removedEntrySchema = z
  .tuple([z.enum(['paper', 'digest']), z.string(), z.string().min(1)])
  .transform(([kind, origin, id]): RemovedEntry => ({ kind, origin, id }));

function registerSchema<T>(value: z.ZodType<T>) {
  return z
    .object({
      versions: z.array(z.object({ stamp: stampSchema, device: deviceSchema, value })),
      seen: seenSchema,
      killed: dotsSchema.optional(),
    })
    .transform(({ versions, seen, killed }): Register<T> =>
      normaliseRegister({ versions, seen, ...(killed === undefined ? {} : { killed }) }),
    );
}

const paperRegistersSchema = z
  .object({
    status: registerSchema(statusSchema).optional(),
    note: registerSchema(noteSchema).optional(),
    tags: z.array(z.tuple([z.string().min(1), registerSchema(tagSchema)])).optional(),
  })
  .transform(({ status, note, tags }): PaperRegisters => ({
    ...(status === undefined ? {} : { status }),
    ...(note === undefined ? {} : { note }),
    ...(tags === undefined ? {} : { tags: new Map(tags) }),
  }));

const opBase = { stamp: stampSchema, seen: seenSchema, kills: dotsSchema.optional() };
const opSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), ...opBase, paper: paperRefSchema, value: statusSchema }),
  z.object({ kind: z.literal('tag'), ...opBase, paper: paperRefSchema, value: tagSchema }),
  z.object({ kind: z.literal('untag'), ...opBase, paper: paperRefSchema, tag: z.string().min(1) }),
  z.object({
    kind: z.literal('note'),
    ...opBase,
    paper: paperRefSchema,
    text: noteSchema,
    kept: z.array(z.object({ stamp: stampSchema, text: noteSchema })),
  }),
  z.object({ kind: z.literal('resolve-note'), ...opBase, paper: paperRefSchema, text: noteSchema }),
  z.object({ kind: z.literal('digest-day'), ...opBase, digest: z.string().min(1), value: daySchema }),
  z.object({
    kind: z.literal('merge'),
    ...opBase,
    kept: paperRefSchema,
    merged: paperRefSchema,
    value: mergeValueSchema,
  }),
  z.object({ kind: z.literal('remove'), ...opBase, entries: z.array(removedEntrySchema).min(1) }),
]);

/** A version this Shelfmark can read, or why not. */
const versionSchema = z.number().int().min(1).max(DEVICE_FORMAT_VERSION, 'written by a newer version of Shelfmark');

const lineSchema = z.object({ v: versionSchema, device: deviceSchema, ops: z.array(z.unknown()) });

const stateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  v: versionSchema,
  device: deviceSchema,
  frontier: stampSchema,
  papers: z.array(z.tuple([z.string(), z.string().min(1), paperRegistersSchema])),
  digests: z.array(z.tuple([z.string().min(1), registerSchema(daySchema)])),
  /** Written only when there are any: a snapshot without them reads as before. */
  merges: z
    .array(z.tuple([z.string(), z.string().min(1), z.string(), z.string().min(1), registerSchema(mergeValueSchema)]))
    .optional(),
  removed: z.array(removedEntrySchema).optional(),
});

const importSchema = z.object({
  format: z.literal(IMPORT_FORMAT),
  v: versionSchema,
  device: deviceSchema,
  stamp: stampSchema,
  papers: z.array(paperSchema),
  digests: z.array(digestSchema),
});

function encodeRef(ref: PaperRef): [string, string] {
  return [ref.origin, ref.id];
}

function encodeRemoved(entry: RemovedEntry): [string, string, string] {
  return [entry.kind, entry.origin, entry.id];
}

/** A change as its line holds it: its device is the line's. */
function encodeOp(op: SyncOp): unknown {
  const encoded: Record<string, unknown> = { ...op, device: undefined };
  if ('paper' in op) encoded['paper'] = encodeRef(op.paper);
  if (op.kind === 'merge') [encoded['kept'], encoded['merged']] = [encodeRef(op.kept), encodeRef(op.merged)];
  if (op.kind === 'remove') encoded['entries'] = op.entries.map(encodeRemoved);
  return encoded;
}

/** One change (the ops a user's action made) as a line of its device's log, newline included. */
export function encodeChangeLine(device: DeviceId, ops: readonly SyncOp[]): string {
  return `${canonicalJson({ v: DEVICE_FORMAT_VERSION, device, ops: ops.map(encodeOp) })}\n`;
}

function sortedEntries<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map].sort(([a], [b]) => compareCodePoints(a, b));
}

function encodeRegisters(registers: PaperRegisters): unknown {
  return {
    status: registers.status,
    note: registers.note,
    tags: registers.tags === undefined ? undefined : sortedEntries(registers.tags),
  };
}

/** A device's snapshot: its state, and the latest stamp it holds (its clock starts past it). */
export function encodeStateDocument(device: DeviceId, state: SyncState, frontier: Stamp): string {
  return canonicalJson({
    format: STATE_FORMAT,
    v: DEVICE_FORMAT_VERSION,
    device,
    frontier,
    papers: sortedEntries(state.papers).map(([, entry]) => [...encodeRef(entry.ref), encodeRegisters(entry.registers)]),
    digests: sortedEntries(state.digests),
    merges:
      state.merges === undefined || state.merges.size === 0
        ? undefined
        : sortedEntries(state.merges).map(([, entry]) => [
            ...encodeRef(entry.kept),
            ...encodeRef(entry.merged),
            entry.register,
          ]),
    removed:
      state.removed === undefined || state.removed.size === 0
        ? undefined
        : [...state.removed].sort(compareCodePoints).map((key) => encodeRemoved(removedEntryOf(key))),
  });
}

export function encodeImportDocument(op: ImportOp): string {
  return canonicalJson({ format: IMPORT_FORMAT, v: DEVICE_FORMAT_VERSION, ...op });
}

/** What encodeImportDocument encodes: written a paper at a time, an import of 100,000 papers is never one string. */
export function importDocument(op: ImportOp): object {
  return { format: IMPORT_FORMAT, v: DEVICE_FORMAT_VERSION, ...op };
}

/** What is wrong with a piece of a file, in words: "line 3: ops.0.kind: …". */
function describe(error: z.ZodError): string {
  const [first] = error.issues;
  if (first === undefined) return 'invalid';
  const where = first.path.length > 0 ? `${z.core.toDotPath(first.path)}: ` : '';
  return `${where}${first.message}`;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A log line's changes, each checked on its own: one this Shelfmark cannot read leaves the others standing. */
export function checkChangeLine(
  json: unknown,
): Checked<{ readonly ops: readonly SyncOp[]; readonly problems: readonly string[] }> {
  const line = lineSchema.safeParse(json);
  if (!line.success) return { ok: false, problem: describe(line.error) };
  const { device } = line.data;
  const ops: SyncOp[] = [];
  const problems: string[] = [];
  line.data.ops.forEach((raw, index) => {
    const op = opSchema.safeParse(raw);
    if (op.success) {
      const { kills, ...rest } = op.data;
      ops.push({ ...rest, device, ...(kills === undefined || kills.length === 0 ? {} : { kills }) });
    } else problems.push(`change ${index + 1}: ${describe(op.error)}`);
  });
  return { ok: true, value: { ops, problems } };
}

export interface DeviceSnapshot {
  readonly device: DeviceId;
  readonly frontier: Stamp;
  readonly state: SyncState;
}

export function checkStateDocument(json: unknown): Checked<DeviceSnapshot> {
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
  const papers = new Map<string, PaperEntry>();
  for (const [origin, id, registers] of parsed.data.papers) {
    const ref = { origin, id };
    const key = paperRefKey(ref);
    const twice = papers.get(key);
    papers.set(key, {
      ref,
      registers: twice === undefined ? registers : joinPaperRegisters(twice.registers, registers),
    });
  }
  const digests = new Map<string, Register<DigestDay>>();
  for (const [id, register] of parsed.data.digests) {
    const twice = digests.get(id);
    digests.set(id, twice === undefined ? register : joinRegisters(twice, register));
  }
  const merges = new Map<string, MergeEntry>();
  for (const [keptOrigin, keptId, mergedOrigin, mergedId, register] of parsed.data.merges ?? []) {
    const [kept, merged] = [
      { origin: keptOrigin, id: keptId },
      { origin: mergedOrigin, id: mergedId },
    ];
    const key = mergeKey(kept, merged);
    const twice = merges.get(key);
    merges.set(key, {
      kept,
      merged,
      register: twice === undefined ? register : joinRegisters(twice.register, register),
    });
  }
  const removed = new Set((parsed.data.removed ?? []).map(removedKey));
  const state: SyncState = {
    papers,
    digests,
    ...(merges.size === 0 ? {} : { merges }),
    ...(removed.size === 0 ? {} : { removed }),
  };
  const { device, frontier } = parsed.data;
  return { ok: true, value: { device, frontier, state } };
}

export function checkImportDocument(json: unknown): Checked<ImportOp> {
  const parsed = importSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: describe(parsed.error) };
  const { device, stamp, papers, digests } = parsed.data;
  return { ok: true, value: { device, stamp, papers, digests } };
}
