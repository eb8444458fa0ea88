import { describe, expect, it } from 'vitest';
import { fieldPieces } from './math-pieces.js';

describe('fieldPieces', () => {
  it('is one text piece for text without math, its matches kept', () => {
    expect(fieldPieces('Working memory', [[0, 7]])).toEqual([
      { kind: 'text', text: 'Working memory', ranges: [[0, 7]] },
    ]);
    expect(fieldPieces('Costs $5 and $10')).toEqual([{ kind: 'text', text: 'Costs $5 and $10', ranges: [] }]);
    expect(fieldPieces('')).toEqual([{ kind: 'text', text: '', ranges: [] }]);
  });

  it('cuts text around each formula, inline and display', () => {
    expect(fieldPieces('$\\nabla^2$DFT: a $L_2$ Norm')).toEqual([
      { kind: 'math', tex: '\\nabla^2', display: false, source: '$\\nabla^2$', ranges: [] },
      { kind: 'text', text: 'DFT: a ', ranges: [] },
      { kind: 'math', tex: 'L_2', display: false, source: '$L_2$', ranges: [] },
      { kind: 'text', text: ' Norm', ranges: [] },
    ]);
    expect(fieldPieces('We show $$\\frac{a}{b}$$.')).toEqual([
      { kind: 'text', text: 'We show ', ranges: [] },
      { kind: 'math', tex: '\\frac{a}{b}', display: true, source: '$$\\frac{a}{b}$$', ranges: [] },
      { kind: 'text', text: '.', ranges: [] },
    ]);
  });

  it('gives each piece the matches in it, relative to the piece', () => {
    // "nabla" in the formula, "DFT" after it, and a match across both.
    const text = '$\\nabla^2$DFT and more';
    expect(
      fieldPieces(text, [
        [2, 7],
        [10, 13],
      ]),
    ).toEqual([
      { kind: 'math', tex: '\\nabla^2', display: false, source: '$\\nabla^2$', ranges: [[2, 7]] },
      { kind: 'text', text: 'DFT and more', ranges: [[0, 3]] },
    ]);
    expect(fieldPieces(text, [[8, 12]])).toEqual([
      { kind: 'math', tex: '\\nabla^2', display: false, source: '$\\nabla^2$', ranges: [[8, 10]] },
      { kind: 'text', text: 'DFT and more', ranges: [[0, 2]] },
    ]);
  });

  it('shows a dollar sign written \\$ beside math as $, its matches moved to match', () => {
    const text = 'Costs \\$5 per $x$ unit, \\$10 in all';
    const pieces = fieldPieces(text, [
      [7, 9], // "$5": its `\` left out
      [26, 30], // "10 i"
    ]);
    expect(pieces).toEqual([
      { kind: 'text', text: 'Costs $5 per ', ranges: [[6, 8]] },
      { kind: 'math', tex: 'x', display: false, source: '$x$', ranges: [] },
      { kind: 'text', text: ' unit, $10 in all', ranges: [[8, 12]] },
    ]);
  });

  it('keeps text whose dollars open no math as text', () => {
    expect(fieldPieces('An open $ sign and $x')).toEqual([{ kind: 'text', text: 'An open $ sign and $x', ranges: [] }]);
  });
});
