import './ImportReportDialog.css';
import type { SkippedBlock } from '../../core/import/types.js';
import { FieldText } from '../kit/FieldText.js';

/**
 * Places in a file and what became of them (blocks skipped, fields cut), each with its reason: in the import's
 * report and the paste's preview. Open when there are only a few, unless `open` says.
 */
export function Blocks({
  title,
  blocks,
  open = blocks.length <= 5,
}: {
  title: string;
  blocks: readonly SkippedBlock[];
  open?: boolean;
}) {
  if (blocks.length === 0) return null;
  return (
    <details className="report-skipped" open={open}>
      <summary>{title}</summary>
      <ul>
        {blocks.map((block, position) => (
          <li key={position}>
            <FieldText className="report-where" text={block.where} /> <FieldText text={block.reason} />
          </li>
        ))}
      </ul>
    </details>
  );
}
