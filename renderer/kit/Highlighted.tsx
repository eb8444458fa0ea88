import { memo } from 'react';
import { splitHighlights, type Range } from '../lib/highlight.js';

/** Text with its search matches in <mark>. */
export const Highlighted = memo(function Highlighted({
  text,
  ranges,
}: {
  text: string;
  ranges?: readonly Range[] | undefined;
}) {
  if (ranges === undefined || ranges.length === 0) return <>{text}</>;
  return (
    <>
      {splitHighlights(text, ranges).map((segment, position) =>
        segment.match ? <mark key={position}>{segment.text}</mark> : <span key={position}>{segment.text}</span>,
      )}
    </>
  );
});
