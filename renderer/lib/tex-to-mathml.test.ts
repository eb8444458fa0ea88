import { describe, expect, it } from 'vitest';
import { MAX_TEX_LENGTH, texToMathml } from './tex-to-mathml.js';

describe('texToMathml', () => {
  it('renders TeX as MathML only, inline or as a display', () => {
    const inline = texToMathml('\\frac{a}{b}', false);
    expect(inline).toContain('<mfrac><mi>a</mi><mi>b</mi></mfrac>');
    expect(inline).not.toContain('style=');
    expect(inline).not.toContain('katex-html');
    expect(texToMathml('\\nabla^2', false)).toContain('<msup><mi mathvariant="normal">∇</mi><mn>2</mn></msup>');
    expect(texToMathml('L_2', true)).toContain('display="block"');
  });

  it('is null where KaTeX cannot render the TeX', () => {
    expect(texToMathml('\\frac{a}{', false)).toBeNull();
    expect(texToMathml('\\notacommand x', false)).toBeNull();
    expect(texToMathml('   ', false)).toBeNull();
  });

  it('is null, not a red error, for commands that link, load or name things', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{https://example.com}',
      '\\includegraphics{https://example.com/i.png}',
      '\\htmlClass{pwned}{x}',
      '\\htmlId{root}{x}',
      '\\htmlStyle{color:red}{x}',
      '\\htmlData{x=y}{z}',
      'a + \\href{https://example.com}{b}',
    ]) {
      expect(texToMathml(tex, false), tex).toBeNull();
    }
  });

  it('bounds what a hostile formula can cost: length, nesting, expansion, sizes', () => {
    expect(texToMathml('x+'.repeat(MAX_TEX_LENGTH), false)).toBeNull();
    const nested = `${'\\underbrace{'.repeat(5_000)}x${'}'.repeat(5_000)}`;
    const started = performance.now();
    expect(texToMathml(nested, false)).toBeNull();
    expect(texToMathml('\\def\\a{\\a\\a}\\a', false)).toBeNull();
    expect(performance.now() - started).toBeLessThan(10_000);
    // A rule or a space is at most 20 em, whatever it asks for.
    expect(texToMathml('\\rule{1000em}{1000em}', false)).toContain('width="20em"');
  });

  it('keeps no macro from one formula to the next', () => {
    expect(texToMathml('\\gdef\\foo{x}\\foo', false)).not.toBeNull();
    expect(texToMathml('\\foo', false)).toBeNull();
  });
});
