/**
 * Writing an export to disk: never over something that exists unless asked, never half-written. A folder export
 * writes over nothing but files Shelfmark wrote there itself and nobody changed since; see writeExportFolder.
 */

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import { copyBaseKeys, fileNameKey } from '../core/export/file-names.js';
import {
  MANIFEST_NAME,
  manifestJson,
  parseManifest,
  type Manifest,
  type ManifestEntry,
} from '../core/export/folder-manifest.js';
import {
  planFolderExport,
  type FolderExportReport,
  type FolderPlan,
  type NameInFolder,
} from '../core/export/folder-plan.js';
import { FOLDER_FILE_EXTENSION, withoutOwnerKey, type ExportedFile } from '../core/export/markdown.js';
import { isErrorCode } from './store/errors.js';
import { pathExists, syncDirectory, writeFileAtomically, writeNewFileAtomically } from './store/atomic-write.js';

export async function writeExportFile(path: string, content: string, force: boolean): Promise<void> {
  if (!force && (await pathExists(path))) {
    throw new InvalidInputError(`${path} already exists; choose another name, or replace it with --force.`);
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, content);
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Writes a folder export. A new folder is written whole beside `path` and renamed into place, so it appears
 * whole or not at all. Into a folder that exists (only with `force`), each file is written atomically and only
 * over a file Shelfmark wrote for the same paper and nobody changed since (by the folder's manifest), or one
 * that already holds what this export writes (but for the `shelfmark` key exports before it did not write);
 * anything else keeps its name and the paper's file takes another (`Title (2).md`). Shelfmark's files of papers
 * not in this export are left as they are. Says what it replaced and what it left.
 */
export async function writeExportFolder(
  path: string,
  files: readonly ExportedFile[],
  force: boolean,
): Promise<FolderExportReport> {
  const folder = await stat(path).catch((error: unknown) => {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  });
  if (folder === null) return writeNewFolder(path, files);
  if (!force) {
    throw new InvalidInputError(
      `${path} already exists; choose another name, or export into it with --force (only files Shelfmark wrote there are replaced).`,
    );
  }
  if (!folder.isDirectory()) throw new InvalidInputError(`${path} is a file, not a folder; choose another name.`);
  return writeIntoFolder(path, files);
}

async function writeNewFolder(path: string, files: readonly ExportedFile[]): Promise<FolderExportReport> {
  const plan = planFolderExport(files, []);
  const parent = dirname(path);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(staging);
  try {
    for (const file of plan.files) await writeFileAtomically(join(staging, file.name), file.content);
    await writeFileAtomically(join(staging, MANIFEST_NAME), manifestJson(manifestOf(plan, new Map())));
    if (await pathExists(path)) throw new InvalidInputError(`${path} appeared while exporting; export again.`);
    await rename(staging, path);
    await syncDirectory(parent);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return plan.report;
}

/** A name in the folder, who may write over it, and the hash of what it held when looked at. */
interface FolderEntry extends NameInFolder {
  readonly sha256: string | null;
}

async function writeIntoFolder(path: string, files: readonly ExportedFile[]): Promise<FolderExportReport> {
  const manifestPath = join(path, MANIFEST_NAME);
  const manifest = await readManifest(manifestPath);
  const entries = await lookAt(path, files, manifest);
  const plan = planFolderExport(files, entries);
  const looked = new Map(entries.map((entry) => [entry.name, entry]));

  // The manifest first names both what each file to replace holds and what it will hold, so that after a crash
  // at any point every file is either still recognised or left alone.
  await writeFileAtomically(manifestPath, manifestJson(manifestOf(plan, looked, 'during')));
  for (const file of plan.files) {
    const target = join(path, file.name);
    if (file.replaces === null) {
      await writeNewFileAtomically(target, file.content).catch((error: unknown) => {
        if (isErrorCode(error, 'EEXIST')) throw changedWhileExporting(target, 'appeared');
        throw error;
      });
    } else {
      const before = await readFile(target).catch((error: unknown) => {
        if (isErrorCode(error, 'ENOENT')) return null;
        throw error;
      });
      if (before === null || sha256(before) !== looked.get(file.replaces)?.sha256) {
        throw changedWhileExporting(target, 'changed');
      }
      await writeFileAtomically(target, file.content);
    }
  }
  await writeFileAtomically(manifestPath, manifestJson(manifestOf(plan, looked)));
  return plan.report;
}

function changedWhileExporting(file: string, what: 'appeared' | 'changed'): InvalidInputError {
  return new InvalidInputError(`${file} ${what} while exporting and was left as it is; export again.`);
}

async function readManifest(file: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return new Map();
    throw error;
  }
  const manifest = parseManifest(text);
  if (manifest === null) {
    throw new InvalidInputError(
      `${file} is not a record Shelfmark can read of the files it exported there; move it away, or export to another folder.`,
    );
  }
  return manifest;
}

/**
 * Every name in the folder, with the paper whose file it is when Shelfmark may write over it. Reads only the
 * files the manifest lists and those whose names this export could use, not every file of a large folder.
 */
async function lookAt(path: string, files: readonly ExportedFile[], manifest: Manifest): Promise<FolderEntry[]> {
  const bases = new Set(files.map((file) => fileNameKey(file.base)));
  const sameAsNew = new Map(files.map((file) => [withoutOwnerKey(file.content), file.paper]));
  const entries: FolderEntry[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === MANIFEST_NAME) continue;
    const listed = manifest.get(entry.name.normalize('NFC'));
    const mayBeUsed = copyBaseKeys(entry.name, FOLDER_FILE_EXTENSION).some((key) => bases.has(key));
    if (!entry.isFile() || (listed === undefined && !mayBeUsed)) {
      entries.push({ name: entry.name, owner: null, sha256: null });
      continue;
    }
    const bytes = await readFile(join(path, entry.name));
    const hash = sha256(bytes);
    entries.push({ name: entry.name, owner: ownerOf(bytes, hash, listed, sameAsNew), sha256: hash });
  }
  return entries;
}

function ownerOf(
  bytes: Uint8Array,
  hash: string,
  listed: ManifestEntry | undefined,
  sameAsNew: ReadonlyMap<string, string>,
): string | null {
  if (listed?.sha256.includes(hash) === true) return listed.paper;
  const text = utf8(bytes);
  return text === null ? null : (sameAsNew.get(withoutOwnerKey(text)) ?? null);
}

/**
 * The manifest after an export: the files it wrote, and Shelfmark's files it left (still unchanged). `during`
 * the writing, a file being replaced is recognised by what it held as well as by what it gets.
 */
function manifestOf(
  plan: FolderPlan,
  looked: ReadonlyMap<string, FolderEntry>,
  phase: 'during' | 'after' = 'after',
): Manifest {
  const manifest = new Map<string, ManifestEntry>();
  for (const name of plan.report.left) {
    const { owner, sha256: hash } = looked.get(name) ?? {};
    if (owner != null && hash != null) manifest.set(name.normalize('NFC'), { paper: owner, sha256: [hash] });
  }
  for (const file of plan.files) {
    const before = file.replaces === null ? null : (looked.get(file.replaces)?.sha256 ?? null);
    const sha = phase === 'during' && before !== null ? [before, sha256(file.content)] : [sha256(file.content)];
    manifest.set(file.name.normalize('NFC'), { paper: file.paper, sha256: sha });
  }
  return manifest;
}
