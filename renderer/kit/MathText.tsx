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

/** How a field's formulas are set: see FieldText. */
export type MathLayout = 'inline' | 'display' | 'name';

/**
 * Text with its formulas rendered (lib/math.ts), and the search's matches: in <mark> in the text between them; a
 * formula with a match in it is marked whole, since MathML cannot mark part of one.
 */
export const MathText = memo(function MathText({
  text,
  ranges,
  layout,
}: {
  text: string;
  ranges?: readonly Range[] | undefined;
  layout: MathLayout;
}) {
  useMathVersion();
  const pieces = useMemo(() => fieldPieces(text, ranges), [text, ranges]);
  return (
    <>
      {pieces.map((piece, position) =>
        piece.kind === 'text' ? (
          <Highlighted key={position} text={piece.text} ranges={piece.ranges} />
        ) : (
          <Formula
            key={position}
            piece={piece}
            display={layout === 'display' && piece.display}
            named={layout === 'name'}
          />
        ),
      )}
    </>
  );
});

function Formula({ piece, display, named }: { piece: MathPiece; display: boolean; named: boolean }) {
  const rendered = mathMarkup(piece.tex, display);
  // Not yet loaded, or not renderable: the TeX as stored, which reads.
  if (rendered === undefined || rendered === null) return <Highlighted text={piece.source} ranges={piece.ranges} />;
  const formula = (
    <span
      className={display ? 'formula is-display' : 'formula'}
      // Sanitised MathML from lib/math-markup.ts: KaTeX's, through DOMPurify's MathML allowlist.
      dangerouslySetInnerHTML={{ __html: named ? rendered.named : rendered.markup }}
    />
  );
  return piece.ranges.length > 0 ? <mark className="formula-match">{formula}</mark> : formula;
}
