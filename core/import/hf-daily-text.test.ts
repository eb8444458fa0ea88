import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeHfDailyText, parseHfDailyText } from './hf-daily-text.js';

const SAMPLE = readFileSync(new URL('../../seeds/hf-daily-papers-mar-11.txt', import.meta.url), 'utf8');
const ctx = { fileName: 'hf-daily-papers-mar-11.txt', now: '2025-06-01T10:00:00.000Z' };

const SAMPLE_TITLES = [
  'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation',
  'Merging LoRAs like Playing LEGO: Pushing the Modularity of LoRA to Extremes Through Rank-Wise Clustering',
  'Revisiting Transformation Invariant Geometric Deep Learning: Are Initial Representations All You Need?',
  'Intriguing Properties of Large Language and Vision Models',
  'Enhancing Neural Subset Selection: Integrating Background Information into Set Representations',
  'Learnable Commutative Monoids for Graph Neural Networks',
  'Score-based Generative Modeling of Graphs via the System of Stochastic Differential Equations',
  'A Homogeneous Graph Neural Network for Precoding and Power Allocation in Scalable Wireless Networks',
  'Prompt Tuned Embedding Classification for Multi-Label Industry Sector Allocation',
  'Crystal Diffusion Variational Autoencoder for Periodic Material Generation',
  'Subgraph Permutation Equivariant Networks',
  'Lie Group Decompositions for Equivariant Neural Networks',
  'Understanding the Role of Invariance in Transfer Learning',
  'Analysis of Linear Mode Connectivity via Permutation-Based Weight Matching',
  'PAC Generalization via Invariant Representations',
  'Automatic Data Augmentation via Invariance-Constrained Learning',
  'Regularizing Towards Soft Equivariance Under Mixed Symmetries',
  'Knowledge Graph Embedding by Normalizing Flows',
  'Frame Averaging for Invariant and Equivariant Network Design',
  'The Slepian model based independent interval approximation of persistency and zero-level exceedance distributions',
  'Self-supervised learning of Split Invariant Equivariant representations',
  'Enabling Efficient Equivariant Operations in the Fourier Basis via Gaunt Tensor Products',
  'PFGM++: Unlocking the Potential of Physics-Inspired Generative Models',
  'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
  'Approximately Piecewise E(3) Equivariant Point Networks',
  'One-connection rule for structural equation models',
  'Partial Correlations in Compositional Data Analysis',
  'Solving High Frequency and Multi-Scale PDEs with Gaussian Processes',
  'Equivariant Polynomials for Graph Neural Networks',
  'Accuracy on the Curve: On the Nonlinear Correlation of ML Performance Between Data Subpopulations',
  'Fast, Expressive SE(n) Equivariant Networks through Weight-Sharing in Position-Orientation Space',
  'Von Mises Mixture Distributions for Molecular Conformation Generation',
];

const FIRST_ABSTRACT =
  `Graph generation has been dominated by autoregressive models due to their simplicity and ` +
  `effectiveness, despite their sensitivity to ordering. Yet diffusion models have garnered ` +
  `increasing attention, as they offer comparable performance while being permutation-invariant. ` +
  `Current graph diffusion models generate graphs in a one-shot fashion, but they require extra ` +
  `features and thousands of denoising steps to achieve optimal performance. We introduce PARD, a ` +
  `Permutation-invariant Auto Regressive Diffusion model that integrates diffusion models with ` +
  `autoregressive methods. PARD harnesses the effectiveness and efficiency of the autoregressive ` +
  `model while maintaining permutation invariance without ordering sensitivity. Specifically, we ` +
  `show that contrary to sets, elements in a graph are not entirely unordered and there is a unique ` +
  `partial order for nodes and edges. With this partial order, PARD generates a graph in a ` +
  `block-by-block, autoregressive fashion, where each block's probability is conditionally modeled ` +
  `by a shared diffusion model with an equivariant network. To ensure efficiency while being ` +
  `expressive, we further propose a higher-order graph transformer, which integrates transformer ` +
  `with PPGN. Like GPT, we extend the higher-order graph transformer to support parallel training ` +
  `of all blocks. Without any extra features, PARD achieves state-of-the-art performance on ` +
  `molecular and non-molecular datasets, and scales to large datasets like MOSES containing 1.9M ` +
  `molecules.`;

const LAST_ABSTRACT =
  `Molecules are frequently represented as graphs, but the underlying 3D molecular geometry (the ` +
  `locations of the atoms) ultimately determines most molecular properties. However, most molecules ` +
  `are not static and at room temperature adopt a wide variety of geometries or conformations. The ` +
  `resulting distribution on geometries p(x) is known as the Boltzmann distribution, and many ` +
  `molecular properties are expectations computed under this distribution. Generating accurate ` +
  `samples from the Boltzmann distribution is therefore essential for computing these expectations ` +
  `accurately. Traditional sampling-based methods are computationally expensive, and most recent ` +
  `machine learning-based methods have focused on identifying modes in this distribution rather ` +
  `than generating true samples. Generating such samples requires capturing conformational ` +
  `variability, and it has been widely recognized that the majority of conformational variability ` +
  `in molecules arises from rotatable bonds. In this work, we present VonMisesNet, a new graph ` +
  `neural network that captures conformational variability via a variational approximation of ` +
  `rotatable bond torsion angles as a mixture of von Mises distributions. We demonstrate that ` +
  `VonMisesNet can generate conformations for arbitrary molecules in a way that is both physically ` +
  `accurate with respect to the Boltzmann distribution and orders of magnitude faster than existing ` +
  `sampling methods.`;

describe('the bundled Hugging Face sample', () => {
  const digest = parseHfDailyText(SAMPLE, ctx);

  it('reads exactly its 32 papers, in order, with their exact titles', () => {
    expect(digest.papers.map((paper) => paper.title)).toEqual(SAMPLE_TITLES);
    expect(digest.skipped).toEqual([]);
  });

  it('names the digest after its date line and dates it in the latest year not after now', () => {
    expect(digest.format).toBe('hf-daily-text');
    expect(digest.title).toBe('Hugging Face Daily Papers, Mar 11');
    expect(digest.date).toBe('2025-03-11');
  });

  it('reads the first and last abstracts exactly', () => {
    expect(digest.papers[0]?.abstract).toBe(FIRST_ABSTRACT);
    expect(digest.papers.at(-1)?.abstract).toBe(LAST_ABSTRACT);
  });

  it('turns code URLs into links without the sentence-ending dot', () => {
    const gdss = digest.papers.find((paper) => paper.title.startsWith('Score-based Generative Modeling'));
    expect(gdss?.links).toEqual(['https://github.com/harryjo97/GDSS']);
    expect(gdss?.abstract.endsWith('Our code is available at https://github.com/harryjo97/GDSS.')).toBe(true);
    const pfgm = digest.papers.find((paper) => paper.title.startsWith('PFGM++'));
    expect(pfgm?.links).toEqual(['https://github.com/Newbeeer/pfgmpp']);
    expect(digest.papers.filter((paper) => paper.links.length > 0)).toHaveLength(8);
  });

  it('gives no authors, ids or years: the page has none', () => {
    for (const paper of digest.papers) {
      expect(paper).toMatchObject({ authors: [], arxivId: null, doi: null, year: null, categories: [] });
    }
  });

  it('is recognised', () => {
    expect(looksLikeHfDailyText(SAMPLE)).toBe(true);
  });
});

describe('dates', () => {
  const page = (dateLine: string): string =>
    `${dateLine}\n\nA Title\n\nAn abstract that is long enough to be one, and ends like a sentence does.\n`;

  it('takes the previous year when the day has not come yet this year', () => {
    const digest = parseHfDailyText(page('Mar 11'), { ...ctx, now: '2025-03-10T23:59:00.000Z' });
    expect(digest.date).toBe('2024-03-11');
    expect(digest.title).toBe('Hugging Face Daily Papers, Mar 11');
  });

  it('counts today as not after now', () => {
    expect(parseHfDailyText(page('Mar 11'), { ...ctx, now: '2025-03-11T00:00:00.000Z' }).date).toBe('2025-03-11');
  });

  it('reads full month names and an explicit year', () => {
    const digest = parseHfDailyText(page('March 11, 2023'), ctx);
    expect(digest.date).toBe('2023-03-11');
    expect(digest.title).toBe('Hugging Face Daily Papers, Mar 11, 2023');
  });

  it('finds the latest leap year for Feb 29', () => {
    expect(parseHfDailyText(page('Feb 29'), { ...ctx, now: '2027-01-01T00:00:00.000Z' }).date).toBe('2024-02-29');
  });

  it('has no date without a date line', () => {
    const digest = parseHfDailyText(
      'Subscribe\n\nA Title\n\nAn abstract, long enough, that ends with a period.\n',
      ctx,
    );
    expect(digest).toMatchObject({ title: 'Hugging Face Daily Papers', date: null });
    expect(digest.papers.map((paper) => paper.title)).toEqual(['A Title']);
  });
});

describe('an untidy page', () => {
  const abstract = (topic: string): string =>
    `We study ${topic} in depth. It matters a great deal for many reasons, which we explain at length here. ` +
    `Our results improve on prior work by a wide margin.`;
  const text = [
    'new',
    'Get trending papers in your email inbox!   ',
    '',
    '',
    '',
    'Subscribe',
    'byAK and the research community',
    '   Mar 11   ',
    '',
    'Über-Modelle: Ναι, 大规模 Models Everywhere   ',
    '',
    '',
    `${abstract('Unicode').replace('. It', '.   It')}   `,
    '',
    'A Paper Whose Abstract Is Missing',
    '',
    'The Next Paper: Does It Still Work?',
    abstract('recovery'),
    'Code and data: https://github.com/acme/next (see also https://acme.org/next).',
    '',
    'System theme',
    'Company',
    'TOS',
    '',
  ].join('\n');
  const digest = parseHfDailyText(text, ctx);

  it('reads titles, abstracts and a missing abstract through blank-line runs and trailing spaces', () => {
    expect(digest.papers.map((paper) => [paper.title, paper.abstract])).toEqual([
      ['Über-Modelle: Ναι, 大规模 Models Everywhere', abstract('Unicode')],
      ['A Paper Whose Abstract Is Missing', ''],
      [
        'The Next Paper: Does It Still Work?',
        `${abstract('recovery')}\n\nCode and data: https://github.com/acme/next (see also https://acme.org/next).`,
      ],
    ]);
  });

  it('keeps the links of a multi-paragraph abstract, without the closing parenthesis', () => {
    expect(digest.papers[2]?.links).toEqual(['https://github.com/acme/next', 'https://acme.org/next']);
  });

  it('reports the footer as skipped rather than importing it', () => {
    expect(digest.skipped).toEqual([
      { where: 'lines 21–23', reason: 'short lines with no abstract after them, taken as the page footer' },
    ]);
  });

  it('reports a paragraph that has no title before it', () => {
    const orphan = parseHfDailyText(`Mar 11\n\n${abstract('orphans')}\n\nA Title\n\n${abstract('titles')}\n`, ctx);
    expect(orphan.papers.map((paper) => paper.title)).toEqual(['A Title']);
    expect(orphan.skipped).toEqual([{ where: 'line 3', reason: 'a paragraph with no title before it' }]);
  });
});

describe('upvotes on the page', () => {
  const PAGE = readFileSync(new URL('./fixtures/hf-daily-page-upvotes.txt', import.meta.url), 'utf8');
  const digest = parseHfDailyText(PAGE, ctx);

  it('are the count shown on a line of its own before a title, taken for that paper and not as a title', () => {
    expect(digest.papers.map((paper) => [paper.title.slice(0, 24), paper.facts])).toEqual([
      ['Pard: Permutation-Invari', { hfUpvotes: 42 }],
      ['Merging LoRAs like Playi', { hfUpvotes: 7 }],
      ['Revisiting Transformatio', undefined],
    ]);
    expect(digest.skipped).toEqual([]);
  });

  it('are absent where the page shows none', () => {
    expect(parseHfDailyText(SAMPLE, ctx).papers.every((paper) => paper.facts === undefined)).toBe(true);
  });
});

describe('recognising the page', () => {
  it('needs its header lines or a date line followed by a title and an abstract', () => {
    expect(looksLikeHfDailyText('Mar 11\n\nA Title\n\n' + 'Long abstract sentence. '.repeat(12))).toBe(true);
    expect(looksLikeHfDailyText('Mar 11\n\nA Title\n\nShort.')).toBe(false);
    expect(looksLikeHfDailyText('Just some notes\n\nabout papers.')).toBe(false);
  });
});
