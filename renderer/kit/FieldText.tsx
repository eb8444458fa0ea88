import { memo } from 'react';
import { isolatable } from '../lib/bidi.js';
import type { Range } from '../lib/highlight.js';
import { Highlighted } from './Highlighted.js';

/**
 * A field's text as the app shows it: a title, an author list, an abstract, a tag, a digest's name, a note's
 * snippet. In a <bdi>, which isolates it, so that a bidi override in the field, unterminated or not, reorders at
 * most the field's own text, never the labels, separators and other fields around it (lib/bidi.ts). With the
 * current search's matches in <mark> when `ranges` are given.
 */
export const FieldText = memo(function FieldText({
  text,
  ranges,
  className,
}: {
  text: string;
  ranges?: readonly Range[] | undefined;
  className?: string | undefined;
}) {
  return (
    <bdi className={className}>
      <Highlighted text={isolatable(text)} ranges={ranges} />
    </bdi>
  );
});
