import { describe, expect, it, vi } from 'vitest';

const rendered: string[] = [];
vi.mock('./math-markup.js', () => ({
  renderMathMarkup: (tex: string, display: boolean) => {
    rendered.push(tex);
    const markup = `<math${display ? ' display="block"' : ''}><mi>${tex}</mi></math>`;
    return tex === 'bad' ? null : { markup, named: markup };
  },
}));

const { loadMath, mathMarkup, mathVersion, subscribeMath } = await import('./math.js');

describe('mathMarkup', () => {
  it('loads the renderer when first asked, tells subscribers, then renders each formula once', async () => {
    const heard: number[] = [];
    const unsubscribe = subscribeMath(() => heard.push(mathVersion()));
    const before = mathVersion();
    expect(mathMarkup('x', false)).toBeUndefined();
    await loadMath();
    expect(heard).toEqual([before + 1]);
    unsubscribe();

    expect(mathMarkup('x', false)?.markup).toBe('<math><mi>x</mi></math>');
    expect(mathMarkup('x', false)?.markup).toBe('<math><mi>x</mi></math>');
    expect(mathMarkup('x', true)?.markup).toBe('<math display="block"><mi>x</mi></math>');
    expect(mathMarkup('bad', false)).toBeNull();
    expect(mathMarkup('bad', false)).toBeNull();
    // Inline and display are two formulas; a formula that cannot be rendered is remembered too.
    expect(rendered).toEqual(['x', 'x', 'bad']);
  });

  it('forgets the formula used longest ago once it holds 500', () => {
    rendered.length = 0;
    for (let n = 0; n < 501; n++) mathMarkup(`y_${n}`, false);
    mathMarkup('y_500', false);
    expect(rendered).toHaveLength(501);
    mathMarkup('y_0', false);
    expect(rendered).toHaveLength(502);
  });
});
