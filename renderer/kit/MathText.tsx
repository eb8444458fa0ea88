import './MathText.css';
import { memo, useMemo, useSyncExternalStore } from 'react';
import type { Range } from '../lib/highlight.js';
import { mathMarkup, mathVersion, subscribeMath } from '../lib/math.js';
import { fieldPieces, type MathPiece } from '../lib/math-pieces.js';
import { Highlighted } from './Highlighted.js';

/** Re-renders the caller once the math renderer has arrived; returns its version (a memo's dependency). */
export function useMathVersion(): number {
  return useSyncExternalStore(subscribeMath, mathVersion);
}

/**
 * Text with its formulas rendered (lib/math.ts), and the search's matches: in <mark> in the text between them; a
 * formula with a match in it is marked whole, since MathML cannot mark part of one. `display`: `$$…$$` on a line of
 * its own; otherwise every formula is set in the line (a list row).
 */
export const MathText = memo(function MathText({
  text,
  ranges,
  display,
}: {
  text: string;
  ranges?: readonly Range[] | undefined;
  display: boolean;
}) {
  useMathVersion();
  const pieces = useMemo(() => fieldPieces(text, ranges), [text, ranges]);
  return (
    <>
      {pieces.map((piece, position) =>
        piece.kind === 'text' ? (
          <Highlighted key={position} text={piece.text} ranges={piece.ranges} />
        ) : (
          <Formula key={position} piece={piece} display={display && piece.display} />
        ),
      )}
    </>
  );
});

function Formula({ piece, display }: { piece: MathPiece; display: boolean }) {
  const markup = mathMarkup(piece.tex, display);
  // Not yet loaded, or not renderable: the TeX as stored, which reads.
  if (markup === undefined || markup === null) return <Highlighted text={piece.source} ranges={piece.ranges} />;
  const formula = (
    <span
      className={display ? 'formula is-display' : 'formula'}
      // Sanitised MathML from lib/math-markup.ts: KaTeX's, through DOMPurify's MathML allowlist.
      dangerouslySetInnerHTML={{ __html: markup }}
    />
  );
  return piece.ranges.length > 0 ? <mark className="formula-match">{formula}</mark> : formula;
}
