import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { planCompaction } from './compaction.js';
import { encodeChangeLine, encodeImportDocument, encodeStateDocument } from './device-documents.js';
import { encodeStamp } from './hlc.js';
import { readLibraryFiles, type DeviceContribution, type FileText } from './library-files.js';
import { stateOfOps, type SyncOp } from './ops.js';

const DEVICE = 'laptop0001';
const stamp = (n: number): string => encodeStamp({ physical: 1_741_683_600_000 + n, logical: 0 });
const tag = (n: number, spelling: string): SyncOp => ({
  kind: 'tag',
  stamp: stamp(n),
  device: DEVICE,
  paper: { origin: '', id: '2401.00001' },
  value: { spelling, since: stamp(n) },
  seen: {},
});
const untag = (n: number, key: string, seenUpTo: number): SyncOp => ({
  kind: 'untag',
  stamp: stamp(n),
  device: DEVICE,
  paper: { origin: '', id: '2401.00001' },
  tag: key,
  seen: { [DEVICE]: stamp(seenUpTo) },
});
const at = (name: string): string => `devices/${DEVICE}/${name}`;

function ownFiles(files: readonly FileText[]): DeviceContribution {
  const own = readLibraryFiles(files).devices.get(DEVICE);
  if (own === undefined) throw new Error('no files of the device');
  return own;
}

describe("compacting a device's files", () => {
  const files: FileText[] = [
    { path: at('state.1.json'), text: encodeStateDocument(DEVICE, stateOfOps([tag(1, 'gnn')]), stamp(1)) },
    { path: at('ops.1.jsonl'), text: encodeChangeLine(DEVICE, [tag(2, 'survey')]) },
    {
      path: at('state.2.json'),
      text: encodeStateDocument(DEVICE, stateOfOps([tag(1, 'gnn'), tag(2, 'survey')]), stamp(2)),
    },
    { path: at('ops.2.jsonl'), text: encodeChangeLine(DEVICE, [untag(3, 'gnn', 2)]) },
    { path: at('ops.2 (conflicted copy 2025-03-11).jsonl'), text: encodeChangeLine(DEVICE, [tag(4, 'later')]) },
    {
      path: at('imports/0lquoxxnn0000 (1).json'),
      text: encodeImportDocument({ stamp: '0lquoxxnn0000', device: DEVICE, papers: [], digests: [] }),
    },
  ];
  const own = ownFiles(files);
  const plan = planCompaction(DEVICE, own, stamp(9));

  it('folds everything the device wrote into the next snapshot, its untag and its conflicted copy included', () => {
    expect(plan.snapshot.path).toBe(at('state.3.json'));
    expect(plan.log).toBe(at('ops.3.jsonl'));
    const after = ownFiles([plan.snapshot]);
    expect(canonicalJson(after.state)).toBe(canonicalJson(own.state));
    expect(after.latest).toBe(stamp(9));
  });

  it('removes only the generation before last, and copies whose content it folded', () => {
    // ops.2 and state.2 stay one compaction longer; the import's copy stays while it is the only one.
    expect(plan.remove).toEqual([
      at('state.1.json'),
      at('ops.1.jsonl'),
      at('ops.2 (conflicted copy 2025-03-11).jsonl'),
    ]);
  });

  it('leaves the library as every device reads it unchanged', () => {
    const kept = [...files.filter((file) => !plan.remove.includes(file.path)), plan.snapshot];
    expect(canonicalJson(readLibraryFiles(kept).devices.get(DEVICE)?.state)).toBe(canonicalJson(own.state));
  });
});
