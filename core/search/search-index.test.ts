import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index.js';
import { fieldText } from './fields.js';
import type { SearchDocument, SearchField, SearchHit } from './types.js';

function paper(
  id: string,
  title: string,
  authors: readonly string[],
  abstract: string,
  rest: Partial<Pick<SearchDocument, 'tags' | 'note' | 'status'>> = {},
): SearchDocument {
  return { id, title, authors, abstract, tags: [], note: '', status: 'unread', ...rest };
}

/** Papers about equivariant networks: what "equivarant netwroks" must find, and nothing else. */
const EQUIVARIANT_NETWORKS = [
  paper(
    'lie-groups',
    'Lie Group Decompositions for Equivariant Neural Networks',
    ['Mircea Mironenco', 'Patrick Forré'],
    'Invariance and equivariance to geometrical transformations have proven to be very useful inductive biases when training models in the limited data regime. We show how to build equivariant layers for Lie groups that are neither compact nor abelian, using a decomposition of the group into subgroups and submanifolds.',
    { tags: ['geometry', 'equivariance'], status: 'reading' },
  ),
  paper(
    'subgraph-permutation',
    'Subgraph Permutation Equivariant Networks',
    ['Joshua Mitton', 'Roderick Murray-Smith'],
    'We propose a framework for graph learning that operates on subgraphs and is equivariant to permutations of the nodes within each subgraph. The resulting models are more expressive than message passing and scale to large graphs.',
    { tags: ['graphs'] },
  ),
  paper(
    'frame-averaging',
    'Frame Averaging for Invariant and Equivariant Network Design',
    ['Omri Puny', 'Matan Atzmon', 'Heli Ben-Hamu', 'Ishan Misra', 'Aditya Grover', 'Edward J. Smith', 'Yaron Lipman'],
    'Many machine learning tasks involve learning functions that are known to be invariant or equivariant to certain symmetries of the input data. We introduce Frame Averaging, a general purpose and systematic framework for adapting known architectures to become invariant or equivariant to new symmetry types.',
    { tags: ['geometry'], status: 'read' },
  ),
  paper(
    'egnn',
    'E(n) Equivariant Graph Neural Networks',
    ['Victor Garcia Satorras', 'Emiel Hoogeboom', 'Max Welling'],
    'This paper introduces a new model to learn graph neural networks equivariant to rotations, translations, reflections and permutations called E(n)-Equivariant Graph Neural Networks (EGNNs). Our model does not require computationally expensive higher-order representations in intermediate layers.',
    { tags: ['graphs', 'molecules'], status: 'read' },
  ),
  paper(
    'group-cnn',
    'Group Equivariant Convolutional Networks',
    ['Taco S. Cohen', 'Max Welling'],
    'We introduce Group equivariant Convolutional Neural Networks (G-CNNs), a natural generalization of convolutional neural networks that reduces sample complexity by exploiting symmetries. G-convolutions enjoy a substantially higher degree of weight sharing than regular convolution layers.',
    { tags: ['geometry', 'vision'] },
  ),
  paper(
    'steerable-cnns',
    'General E(2)-Equivariant Steerable CNNs',
    ['Maurice Weiler', 'Gabriele Cesa'],
    'The big empirical success of group equivariant networks has led in recent years to the sprouting of a great variety of equivariant network architectures. We present a general description of E(2)-equivariant convolutions in the framework of steerable CNNs.',
    { tags: ['vision'] },
  ),
  paper(
    'clifford',
    'Clifford Group Equivariant Neural Networks',
    ['David Ruhe', 'Johannes Brandstetter', 'Patrick Forré'],
    'We introduce Clifford Group Equivariant Neural Networks: a novel approach for constructing O(n)- and E(n)-equivariant models. We identify and study the Clifford group, a subgroup inside the Clifford algebra whose definition we adjust to achieve several favorable properties.',
    { tags: ['geometry'] },
  ),
  paper(
    'parameter-sharing',
    'Equivariance Through Parameter-Sharing',
    ['Siamak Ravanbakhsh', 'Jeff Schneider', 'Barnabás Póczos'],
    'We propose to study equivariance in deep neural networks through parameter symmetries. In particular, given a group that acts discretely on the input and output of a standard neural network layer, we show that its equivariance is linked to the symmetry group of network parameters.',
  ),
  paper(
    'deep-sets',
    'Deep Sets',
    [
      'Manzil Zaheer',
      'Satwik Kottur',
      'Siamak Ravanbakhsh',
      'Barnabás Póczos',
      'Ruslan Salakhutdinov',
      'Alexander Smola',
    ],
    'We study the problem of designing models for machine learning tasks defined on sets. We characterize permutation invariant functions and provide a family of functions to which any permutation invariant objective function must belong, which enables the design of a deep network architecture that can operate on sets.',
    { note: 'Section 4 has the equivariant layer; compare with the subgraph paper.', status: 'read' },
  ),
  paper(
    'pard',
    'Pard: Permutation-Invariant Autoregressive Diffusion for Graph Generation',
    ['Lingxiao Zhao', 'Xueying Ding', 'Leman Akoglu'],
    'Graph generation has been dominated by autoregressive models due to their simplicity and effectiveness. PARD generates a graph in a block-by-block, autoregressive fashion, where each block probability is conditionally modeled by a shared diffusion model with an equivariant network.',
    { tags: ['graphs', 'diffusion'] },
  ),
];

const OTHERS = [
  paper(
    'transformer',
    'Attention Is All You Need',
    [
      'Ashish Vaswani',
      'Noam Shazeer',
      'Niki Parmar',
      'Jakob Uszkoreit',
      'Llion Jones',
      'Aidan N. Gomez',
      'Łukasz Kaiser',
      'Illia Polosukhin',
    ],
    'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks that include an encoder and a decoder. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.',
    { tags: ['nlp', 'attention'], status: 'read' },
  ),
  paper(
    'irm',
    'Invariant Risk Minimization',
    ['Martin Arjovsky', 'Léon Bottou', 'Ishaan Gulrajani', 'David Lopez-Paz'],
    'We introduce Invariant Risk Minimization (IRM), a learning paradigm to estimate invariant correlations across multiple training distributions. To achieve this goal, IRM learns a data representation such that the optimal classifier on top of that representation matches for all training distributions.',
  ),
  paper(
    'ddpm',
    'Denoising Diffusion Probabilistic Models',
    ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
    'We present high quality image synthesis results using diffusion probabilistic models, a class of latent variable models inspired by considerations from nonequilibrium thermodynamics. Our best results are obtained by training on a weighted variational bound.',
    { tags: ['diffusion', 'generative'], status: 'reading' },
  ),
  paper(
    'resnet',
    'Deep Residual Learning for Image Recognition',
    ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.',
    { tags: ['vision'], status: 'read' },
  ),
  paper(
    'ntk-svm',
    'On the Equivalence between Neural Network and Support Vector Machine',
    ['Yilan Chen', 'Wei Huang', 'Lam M. Nguyen', 'Tsui-Wei Weng'],
    'Recent research shows that the dynamics of an infinitely wide neural network trained by gradient descent can be characterized by the Neural Tangent Kernel. We establish the equivalence between the network and the support vector machine.',
  ),
  paper(
    'invariant-theory',
    'Equivariant Maps of Symmetric Tensors via Classical Invariant Theory',
    ['Ben Blum-Smith', 'Soledad Villar'],
    'We describe all polynomial maps between spaces of symmetric tensors that are equivariant under the orthogonal group, using the first fundamental theorem of classical invariant theory, and give explicit generators.',
    { tags: ['geometry'] },
  ),
  paper(
    'gat',
    'Graph Attention Networks',
    ['Petar Veličković', 'Guillem Cucurull', 'Arantxa Casanova', 'Adriana Romero', 'Pietro Liò', 'Yoshua Bengio'],
    'We present graph attention networks (GATs), novel neural network architectures that operate on graph-structured data, leveraging masked self-attentional layers to address the shortcomings of prior methods based on graph convolutions.',
    { tags: ['graphs', 'attention'] },
  ),
  paper(
    'vae',
    'Auto-Encoding Variational Bayes',
    ['Diederik P. Kingma', 'Max Welling'],
    'How can we perform efficient inference and learning in directed probabilistic models, in the presence of continuous latent variables with intractable posterior distributions, and large datasets? We introduce a stochastic variational inference and learning algorithm.',
    { tags: ['generative'], status: 'read' },
  ),
  paper(
    'adam',
    'Adam: A Method for Stochastic Optimization',
    ['Diederik P. Kingma', 'Jimmy Ba'],
    'We introduce Adam, an algorithm for first-order gradient-based optimization of stochastic objective functions, based on adaptive estimates of lower-order moments.',
    { tags: ['optimization'] },
  ),
  paper(
    'bert',
    'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    'We introduce a new language representation model called BERT, designed to pre-train deep bidirectional representations from unlabeled text by jointly conditioning on both left and right context in all layers.',
    { tags: ['nlp'] },
  ),
  paper(
    'score-sde',
    'Score-Based Generative Modeling through Stochastic Differential Equations',
    ['Yang Song', 'Jascha Sohl-Dickstein', 'Diederik P. Kingma', 'Abhishek Kumar', 'Stefano Ermon', 'Ben Poole'],
    'Creating noise from data is easy; creating data from noise is generative modeling. We present a stochastic differential equation that smoothly transforms a complex data distribution to a known prior distribution by slowly injecting noise.',
    { tags: ['diffusion', 'generative'] },
  ),
  paper(
    'neural-ode',
    'Neural Ordinary Differential Equations',
    ['Ricky T. Q. Chen', 'Yulia Rubanova', 'Jesse Bettencourt', 'David Duvenaud'],
    'We introduce a new family of deep neural network models. Instead of specifying a discrete sequence of hidden layers, we parameterize the derivative of the hidden state using a neural network.',
  ),
  paper(
    'clip',
    'Learning Transferable Visual Models From Natural Language Supervision',
    ['Alec Radford', 'Jong Wook Kim', 'Chris Hallacy', 'Aditya Ramesh', 'Gabriel Goh', 'Sandhini Agarwal'],
    'State-of-the-art computer vision systems are trained to predict a fixed set of predetermined object categories. We demonstrate that predicting which caption goes with which image is an efficient and scalable way to learn image representations from scratch.',
    { tags: ['vision', 'nlp'] },
  ),
  paper(
    'gcn',
    'Semi-Supervised Classification with Graph Convolutional Networks',
    ['Thomas N. Kipf', 'Max Welling'],
    'We present a scalable approach for semi-supervised learning on graph-structured data that is based on an efficient variant of convolutional neural networks which operate directly on graphs.',
    { tags: ['graphs'], status: 'reading' },
  ),
  paper(
    'dropout',
    'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
    ['Nitish Srivastava', 'Geoffrey Hinton', 'Alex Krizhevsky', 'Ilya Sutskever', 'Ruslan Salakhutdinov'],
    'Deep neural nets with a large number of parameters are very powerful machine learning systems. However, overfitting is a serious problem in such networks. Dropout is a technique for addressing this problem.',
  ),
  paper(
    'alphago-zero',
    'Mastering the Game of Go without Human Knowledge',
    ['David Silver', 'Julian Schrittwieser', 'Karen Simonyan', 'Ioannis Antonoglou'],
    'A long-standing goal of artificial intelligence is an algorithm that learns, tabula rasa, superhuman proficiency in challenging domains. We introduce an algorithm based solely on reinforcement learning, without human data.',
    { tags: ['reinforcement-learning'] },
  ),
  paper(
    'scaling-laws',
    'Scaling Laws for Neural Language Models',
    ['Jared Kaplan', 'Sam McCandlish', 'Tom Henighan', 'Tom B. Brown'],
    'We study empirical scaling laws for language model performance on the cross-entropy loss. The loss scales as a power-law with model size, dataset size, and the amount of compute used for training.',
    { tags: ['nlp'], note: 'Compare with the Chinchilla paper.' },
  ),
  paper(
    'gan',
    'Generative Adversarial Nets',
    ['Ian J. Goodfellow', 'Jean Pouget-Abadie', 'Mehdi Mirza', 'Yoshua Bengio'],
    'We propose a new framework for estimating generative models via an adversarial process, in which we simultaneously train two models: a generative model that captures the data distribution, and a discriminative model.',
    { tags: ['generative'] },
  ),
  paper(
    'lora',
    'LoRA: Low-Rank Adaptation of Large Language Models',
    ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis', 'Zeyuan Allen-Zhu'],
    'We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights and injects trainable rank decomposition matrices into each layer of the Transformer architecture.',
    { tags: ['nlp', 'fine-tuning'], status: 'reading' },
  ),
  paper(
    'normalizing-flows',
    'Variational Inference with Normalizing Flows',
    ['Danilo Jimenez Rezende', 'Shakir Mohamed'],
    'The choice of approximate posterior distribution is one of the core problems in variational inference. We introduce a new approach for specifying flexible, arbitrarily complex and scalable approximate posterior distributions.',
    { tags: ['generative'] },
  ),
  paper(
    'nmt-attention',
    'Neural Machine Translation by Jointly Learning to Align and Translate',
    ['Dzmitry Bahdanau', 'Kyunghyun Cho', 'Yoshua Bengio'],
    'Neural machine translation is a recently proposed approach to machine translation. Unlike the traditional statistical machine translation, the neural machine translation aims at building a single neural network that can be jointly tuned to maximize the translation performance.',
    { tags: ['nlp', 'attention'] },
  ),
];

const LIBRARY: readonly SearchDocument[] = [...EQUIVARIANT_NETWORKS, ...OTHERS];
const byId = new Map(LIBRARY.map((document) => [document.id, document]));

const ids = (hits: readonly SearchHit[]): string[] => hits.map((hit) => hit.id);
const sorted = (values: readonly string[]): string[] => [...values].sort();

/** The highlighted substrings of one field of a hit. */
function highlighted(hit: SearchHit | undefined, field: SearchField): string[] {
  const document = byId.get(hit?.id ?? '');
  if (hit === undefined || document === undefined) throw new Error('no such hit');
  const text = fieldText(document, field);
  return (hit.highlights[field] ?? []).map(([start, end]) => text.slice(start, end));
}

describe('SearchIndex: words', () => {
  const index = new SearchIndex(LIBRARY);

  it('finds every paper about equivariant networks despite a typo in each word, and nothing else', () => {
    expect(sorted(ids(index.search('equivarant netwroks')))).toEqual(sorted(EQUIVARIANT_NETWORKS.map((p) => p.id)));
  });

  it('ignores the order of the words', () => {
    expect(sorted(ids(index.search('netwroks equivarant')))).toEqual(sorted(ids(index.search('equivarant netwroks'))));
    expect(ids(index.search('networks equivariant'))).toEqual(ids(index.search('equivariant networks')));
  });

  it('ranks papers with the words in the title first', () => {
    const hits = ids(index.search('equivariant networks'));
    const inTitle = ['lie-groups', 'subgraph-permutation', 'frame-averaging', 'egnn', 'group-cnn', 'clifford'];
    expect(sorted(hits.slice(0, inTitle.length))).toEqual(sorted(inTitle));
    expect(hits.slice(inTitle.length)).toContain('deep-sets');
  });

  it('matches the last word as a prefix while it is being typed', () => {
    const typed = ids(index.search('equivar'));
    expect(typed).toEqual(expect.arrayContaining([...EQUIVARIANT_NETWORKS.map((p) => p.id), 'invariant-theory']));
    expect(typed).not.toContain('transformer');
    const relevant = EQUIVARIANT_NETWORKS.map((p) => p.id);
    expect(sorted(ids(index.search('equivariant netw')).slice(0, relevant.length))).toEqual(sorted(relevant));
  });

  it('requires every word', () => {
    expect(ids(index.search('equivariant attention'))).toEqual([]);
    expect(sorted(ids(index.search('graph attention')))).toEqual(['gat']);
  });

  it('finds words in authors, tags and notes', () => {
    expect(sorted(ids(index.search('welling')))).toEqual(['egnn', 'gcn', 'group-cnn', 'vae']);
    expect(sorted(ids(index.search('reinforcement-learning')))).toEqual(['alphago-zero']);
    expect(ids(index.search('chinchilla'))).toEqual(['scaling-laws']);
  });

  it('ignores case and diacritics', () => {
    expect(ids(index.search('LUKASZ'))).toEqual(['transformer']);
    expect(ids(index.search('velickovic'))).toEqual(['gat']);
    expect(ids(index.search('bottóu'))).toEqual(['irm']);
  });

  it('wants short words typed right', () => {
    expect(ids(index.search('gso'))).toEqual([]);
    expect(ids(index.search('go game'))[0]).toBe('alphago-zero');
  });

  it('keeps a quoted phrase together', () => {
    expect(ids(index.search('"frame averaging"'))).toEqual(['frame-averaging']);
    expect(ids(index.search('"averaging frame"'))).toEqual([]);
    expect(sorted(ids(index.search('"graph attention"')))).toEqual(['gat']);
  });

  it('ranks an exact match above a typo, wherever it is', () => {
    const small = new SearchIndex([
      paper('typo-in-title', 'Grape Harvest Forecasting', [], 'Yield models for vineyards.'),
      paper('exact-in-abstract', 'Harvest Forecasting', [], 'A graph of the vineyard.'),
    ]);
    expect(ids(small.search('graph'))).toEqual(['exact-in-abstract', 'typo-in-title']);
  });

  it('ranks by field (title, tags, authors, note, abstract), then by how many fields matched', () => {
    const small = new SearchIndex([
      paper('abstract', 'A', [], 'lattice'),
      paper('note', 'B', [], '', { note: 'lattice' }),
      paper('authors', 'C', ['Ada Lattice'], ''),
      paper('tags', 'D', [], '', { tags: ['lattice'] }),
      paper('title', 'Lattice', [], ''),
      paper('title-and-abstract', 'Lattice', [], 'lattice'),
    ]);
    const hits = small.search('lattice');
    expect(ids(hits)).toEqual(['title-and-abstract', 'title', 'tags', 'authors', 'note', 'abstract']);
    expect(hits.every((hit) => hit.score >= 0 && hit.score <= 1)).toBe(true);
  });

  it('returns at most `limit` hits, best first', () => {
    const all = index.search('network', { limit: 1000 });
    expect(all.length).toBeGreaterThan(3);
    expect(index.search('network', { limit: 3 })).toEqual(all.slice(0, 3));
    expect(all.map((hit) => hit.score)).toEqual([...all.map((hit) => hit.score)].sort((a, b) => a - b));
  });

  it('returns nothing for a word nothing matches', () => {
    expect(index.search('zzzyzx')).toEqual([]);
  });
});

describe('SearchIndex: qualifiers', () => {
  const index = new SearchIndex(LIBRARY);

  it('alone, returns every passing paper in library order with score 0 and no highlights', () => {
    const hits = index.search('tag:geometry');
    expect(ids(hits)).toEqual(['lie-groups', 'frame-averaging', 'group-cnn', 'clifford', 'invariant-theory']);
    expect(hits.every((hit) => hit.score === 0 && Object.keys(hit.highlights).length === 0)).toBe(true);
    expect(ids(index.search(''))).toEqual(LIBRARY.map((p) => p.id));
  });

  it('requires every tag, case-insensitively', () => {
    expect(ids(index.search('TAG:Graphs tag:diffusion'))).toEqual(['pard']);
    expect(ids(index.search('tag:graph'))).toEqual([]);
  });

  it('accepts any of several statuses', () => {
    expect(ids(index.search('is:reading'))).toEqual(['lie-groups', 'ddpm', 'gcn', 'lora']);
    expect(sorted(ids(index.search('is:reading is:read tag:graphs')))).toEqual(['egnn', 'gcn']);
  });

  it('combines with words', () => {
    expect(sorted(ids(index.search('equivarant netwroks is:read')))).toEqual(['deep-sets', 'egnn', 'frame-averaging']);
    expect(sorted(ids(index.search('tag:vision equivariant')))).toEqual(['group-cnn', 'steerable-cnns']);
    expect(ids(index.search('is:unread tag:nlp attention'))).toEqual(['nmt-attention']);
  });

  it('treats other prefixes as words', () => {
    expect(ids(index.search('e(n):equivariant'))).toEqual(ids(index.search('e n equivariant')));
  });

  it('finds papers dismissed, and papers snoozed on the day given (else unread)', () => {
    const triaged = new SearchIndex([
      paper('kept', 'Graph diffusion', [], ''),
      paper('skipped', 'Graph transformers', [], '', { status: 'dismissed' }),
      { ...paper('later', 'Graph kernels', [], ''), snoozedUntil: '2026-03-12' },
    ]);
    expect(ids(triaged.search('graph is:dismissed'))).toEqual(['skipped']);
    expect(ids(triaged.search('is:snoozed', { today: '2026-03-11' }))).toEqual(['later']);
    expect(ids(triaged.search('graph is:unread', { today: '2026-03-11' }))).toEqual(['kept']);
    expect(sorted(ids(triaged.search('is:unread', { today: '2026-03-12' })))).toEqual(['kept', 'later']);
    expect(sorted(ids(triaged.search('is:unread')))).toEqual(['kept', 'later']);
    expect(ids(triaged.search('is:snoozed'))).toEqual([]);
  });
});

describe('SearchIndex: highlights', () => {
  const index = new SearchIndex(LIBRARY);

  it('marks the matched words in the title, despite typos', () => {
    const hit = index.search('equivarant netwroks').find((h) => h.id === 'lie-groups');
    expect(highlighted(hit, 'title')).toEqual(['Equivariant', 'Networks']);
    expect(highlighted(hit, 'abstract')).toEqual(['equivariance', 'equivariant']);
    expect(highlighted(hit, 'tags')).toEqual(['equivariance']);
  });

  it('marks authors and tags in their joined text', () => {
    const hit = index.search('welling graphs').find((h) => h.id === 'egnn');
    expect(highlighted(hit, 'authors')).toEqual(['Welling']);
    expect(highlighted(hit, 'tags')).toEqual(['graphs']);
    // "graph" is one typo (or the singular) away from "graphs".
    expect(highlighted(hit, 'abstract')).toEqual(['graph', 'Graph']);
  });

  it('marks words with diacritics in the original text', () => {
    const hit = index.search('forre').find((h) => h.id === 'clifford');
    expect(highlighted(hit, 'authors')).toEqual(['Forré']);
  });

  it('marks a prefix-matched word whole, and a phrase as one range', () => {
    const [hit] = index.search('"frame averaging" netw');
    expect(hit?.id).toBe('frame-averaging');
    expect(highlighted(hit, 'title')).toEqual(['Frame Averaging', 'Network']);
    expect(highlighted(hit, 'abstract')).toEqual(['Frame Averaging']);
  });

  it('marks the words in text order, however they matched', () => {
    const hit = index.search('graphs').find((h) => h.id === 'gcn');
    expect(highlighted(hit, 'abstract')).toEqual(['graph', 'graphs']);
    const ranges = hit?.highlights.abstract ?? [];
    expect(ranges.every(([start, end], i) => start < end && (i === 0 || (ranges[i - 1]?.[1] ?? 0) <= start))).toBe(
      true,
    );
  });

  it('marks words in text that is not ASCII', () => {
    const small = new SearchIndex([
      paper('x', 'Équivariance des réseaux équivariants', ['Émile Zoë'], 'Réseaux équivariants.'),
    ]);
    const [hit] = small.search('equivariant reseaux');
    const text = 'Équivariance des réseaux équivariants';
    expect((hit?.highlights.title ?? []).map(([start, end]) => text.slice(start, end))).toEqual([
      'Équivariance',
      'réseaux',
      'équivariants',
    ]);
  });

  it('marks the note', () => {
    const hit = index.search('subgraph').find((h) => h.id === 'deep-sets');
    expect(highlighted(hit, 'note')).toEqual(['subgraph']);
  });
});

describe('SearchIndex: changes', () => {
  it('finds a paper by a tag, note or status given after indexing', () => {
    const index = new SearchIndex(LIBRARY);
    const gat = byId.get('gat');
    if (gat === undefined) throw new Error('no gat');
    expect(ids(index.search('tag:favourite'))).toEqual([]);
    index.upsert([
      { ...gat, tags: [...gat.tags, 'Favourite'], note: 'Read with the transformer paper', status: 'read' },
    ]);
    expect(ids(index.search('tag:favourite'))).toEqual(['gat']);
    expect(ids(index.search('favourite'))).toEqual(['gat']);
    expect(ids(index.search('transformer'))).toContain('gat');
    expect(ids(index.search('is:read tag:graphs'))).toEqual(['egnn', 'gat']);
  });

  it('forgets what a replaced version said, and keeps its place in the order', () => {
    const index = new SearchIndex(LIBRARY);
    const egnn = byId.get('egnn');
    if (egnn === undefined) throw new Error('no egnn');
    index.upsert([{ ...egnn, tags: [] }]);
    expect(ids(index.search('tag:molecules'))).toEqual([]);
    expect(ids(index.search('molecules'))).toEqual([]);
    expect(ids(index.search(''))).toEqual(LIBRARY.map((p) => p.id));
  });

  it('adds new papers at the end, and removes papers', () => {
    const index = new SearchIndex(LIBRARY);
    index.upsert([paper('se3', 'SE(3)-Transformers: 3D Roto-Translation Equivariant Attention Networks', [], '')]);
    expect(ids(index.search('equivariant attention'))).toEqual(['se3']);
    expect(ids(index.search('')).at(-1)).toBe('se3');
    index.remove(['se3', 'egnn']);
    expect(ids(index.search('equivariant attention'))).toEqual([]);
    expect(ids(index.search('welling'))).not.toContain('egnn');
    expect(index.size).toBe(LIBRARY.length - 1);
  });

  it('stays right across many changes (and the rebuilds they cause)', () => {
    const index = new SearchIndex(LIBRARY);
    for (let round = 0; round < 12_000; round++) {
      const original = LIBRARY[round % LIBRARY.length];
      if (original !== undefined) index.upsert([{ ...original, note: `${original.note} round ${round % 7}` }]);
    }
    expect(index.size).toBe(LIBRARY.length);
    expect(ids(index.search(''))).toEqual(LIBRARY.map((p) => p.id));
    expect(sorted(ids(index.search('equivarant netwroks')))).toEqual(sorted(EQUIVARIANT_NETWORKS.map((p) => p.id)));
  });
});
