import { describe, expect, it } from 'vitest';
import { inMathVariant, isMappedVariant } from './math-variants.js';

describe('inMathVariant', () => {
  it('writes letters in the alphabet of the variant', () => {
    expect(inMathVariant('R', 'double-struck')).toBe('ℝ');
    expect(inMathVariant('Nk', 'double-struck')).toBe('ℕ𝕜');
    expect(inMathVariant('Wx', 'bold')).toBe('𝐖𝐱');
    expect(inMathVariant('L', 'script')).toBe('ℒ');
    expect(inMathVariant('O', 'script')).toBe('𝒪');
    expect(inMathVariant('g', 'fraktur')).toBe('𝔤');
    expect(inMathVariant('A', 'sans-serif')).toBe('𝖠');
    expect(inMathVariant('x', 'monospace')).toBe('𝚡');
    expect(inMathVariant('h', 'italic')).toBe('ℎ');
  });

  it('writes digits and Greek where the alphabet has them', () => {
    expect(inMathVariant('1', 'double-struck')).toBe('𝟙');
    expect(inMathVariant('2', 'bold')).toBe('𝟐');
    expect(inMathVariant('θ', 'bold-italic')).toBe('𝜽');
    expect(inMathVariant('Ω', 'bold')).toBe('𝛀');
    expect(inMathVariant('∇', 'bold')).toBe('𝛁');
    expect(inMathVariant('ϕ', 'italic')).toBe('𝜙');
    // The Greek alphabets end at ϖ: every place is where it should be.
    expect(inMathVariant('ϖ', 'bold')).toBe('𝛡');
    expect(inMathVariant('α', 'bold')).toBe('𝛂');
  });

  it('leaves what the alphabet has no form of, and unknown variants, as they are', () => {
    expect(inMathVariant('x+1', 'script')).toBe('𝓍+1');
    expect(inMathVariant('θ', 'double-struck')).toBe('θ');
    expect(inMathVariant('R', 'normal')).toBe('R');
    expect(inMathVariant('R', 'toString')).toBe('R');
    expect(isMappedVariant('normal')).toBe(false);
    expect(isMappedVariant('fraktur')).toBe(true);
  });
});
