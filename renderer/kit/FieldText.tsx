import { memo } from 'react';
import { isolatable } from '../lib/bidi.js';
import type { Range } from '../lib/highlight.js';
import { Highlighted } from './Highlighted.js';
import { MathText, type MathLayout } from './MathText.js';

/**
 * A field's text as the app shows it: a title, an author list, an abstract, a tag, a digest's name, a note's
 * snippet. In a <bdi>, which isolates it, so that a bidi override in the field, unterminated or not, reorders at
 * most the field's own text, never the labels, separators and other fields around it (lib/bidi.ts). With the
 * current search's matches in <mark> when `ranges` are given. `math`: the field's `$…$` formulas are rendered
 * (titles, abstracts): set in the line ('inline'), `$$…$$` on a line of its own ('display'), or in the line and
 * named by the text each shows ('name': the field names a control, a list row's option, whose name must hold what
 * it shows; MathML read aloud token by token would not).
 */
export const FieldText = memo(function FieldText({
  text,
  ranges,
  className,
  math,
}: {
  text: string;
  ranges?: readonly Range[] | undefined;
  className?: string | undefined;
  math?: MathLayout | undefined;
}) {
  const shown = isolatable(text);
  return (
    <bdi className={className}>
      {math !== undefined && shown.includes('$') ? (
        <MathText text={shown} ranges={ranges} layout={math} />
      ) : (
        <Highlighted text={shown} ranges={ranges} />
      )}
    </bdi>
  );
});
