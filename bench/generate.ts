/** Synthetic libraries for the benchmarks: realistic titles, ~200-word abstracts, some tags and notes. Seeded. */

import type { LibrarySnapshot } from '../core/import/types.js';
import type { CataloguePaper, Digest, ReadingState } from '../core/model.js';
import { seededRandom } from '../tests/random.js';

const TOPIC_WORDS = `equivariant invariant networks graph diffusion generative transformer attention language model
alignment contrastive representation learning reinforcement policy optimization bayesian gaussian process sparse
point cloud molecular protein retrieval augmented reasoning benchmark evaluation vision multimodal segmentation
detection tracking federated privacy adversarial robustness calibration uncertainty causal inference kernel
manifold geometric symmetry permutation rotation convolution recurrent memory efficient scaling laws pretraining
finetuning adapters lowrank quantization pruning distillation compression inference latency hardware neural
operator physics simulation differential equations stochastic sampling variational autoencoder flows score
matching denoising energy based hierarchical clustering embedding knowledge graphs link prediction node
classification message passing spectral wavelet fourier tensor decomposition sequence modeling speech audio
music video generation control robotics navigation planning world models offline imitation reward preference
feedback human instruction tuning chain thought prompting agents tools code synthesis program verification
theorem proving mathematical reasoning tabular time series forecasting anomaly recommendation ranking search
fairness interpretability explanation attribution probing mechanistic circuits sparse autoencoders features`.split(
  /\s+/,
);

const FILLER = `the of and a in to we for is that with on this by as our are from an be which these can show
results method approach propose paper both while at has its their than also such using based new into two
across not more over between when where how whether each most only under further existing prior work`.split(/\s+/);

const SYLLABLES = [
  'ka',
  'ro',
  'ti',
  'ne',
  'ma',
  'lu',
  'si',
  'po',
  'ver',
  'tan',
  'gri',
  'dol',
  'mex',
  'qua',
  'zen',
  'bri',
];

/** A few thousand distinct, word-like tokens with a Zipfian frequency: topic words first, then made-up jargon. */
function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set(TOPIC_WORDS);
  while (words.size < size) {
    const length = 2 + Math.floor(rand() * 3);
    let word = '';
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)] ?? '';
    words.add(word);
  }
  return [...words];
}

function zipf(rand: () => number, size: number): number {
  // Inverse-CDF of a continuous 1/x distribution over [1, size]: frequent words early, a long tail.
  return Math.min(size - 1, Math.floor(Math.exp(rand() * Math.log(size))) - 1);
}

const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Yann',
  'Fei-Fei',
  'Yoshua',
  'Daphne',
  'Jürgen',
  'Chen',
  'Priya',
  'Sofía',
  'Kenji',
  'Amara',
  'Lars',
];
const LAST_NAMES = [
  'Lovelace',
  'Turing',
  'Hopper',
  'LeCun',
  'Li',
  'Bengio',
  'Koller',
  'Schmidhuber',
  'Wang',
  'Sharma',
  'García',
  'Tanaka',
  'Okafor',
  'Nielsen',
];
const TAGS = [
  'to-read',
  'graphs',
  'generative',
  'llm',
  'theory',
  'benchmark',
  'must-cite',
  'reproduce',
  'later',
  'survey',
];

export interface SyntheticLibrary extends LibrarySnapshot {
  readonly vocabulary: readonly string[];
}

export function generateLibrary(count: number, seed = 42): SyntheticLibrary {
  const rand = seededRandom(seed);
  const words = vocabulary(rand, 4000);
  const pick = (): string => words[zipf(rand, words.length)] ?? 'model';
  const filler = (): string => FILLER[Math.floor(rand() * FILLER.length)] ?? 'the';
  const topic = (): string => TOPIC_WORDS[Math.floor(rand() * TOPIC_WORDS.length)] ?? 'graph';
  const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

  const papers: CataloguePaper[] = [];
  const states: Record<string, ReadingState> = {};
  const digestId = 'bench-digest';
  for (let n = 0; n < count; n++) {
    const id = `${String(2300 + Math.floor(n / 99_999)).padStart(4, '0')}.${String(n % 99_999).padStart(5, '0')}`;
    const titleWords = [topic(), topic(), pick(), 'for', topic(), pick(), topic()];
    const title = titleWords.map((word) => (word === 'for' ? word : capitalised(word))).join(' ');
    const abstractWords: string[] = [];
    for (let w = 0; w < 200; w++) abstractWords.push(rand() < 0.45 ? filler() : rand() < 0.3 ? topic() : pick());
    const sentences: string[] = [];
    for (let s = 0; s < abstractWords.length; s += 20) {
      const sentence = abstractWords.slice(s, s + 20).join(' ');
      sentences.push(`${capitalised(sentence)}.`);
    }
    const authors = Array.from(
      { length: 1 + Math.floor(rand() * 5) },
      () =>
        `${FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)] ?? 'Ada'} ${LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)] ?? 'Lovelace'}`,
    );
    papers.push({
      id,
      title,
      abstract: sentences.join(' '),
      authors,
      arxivId: id,
      doi: null,
      year: 2023,
      links: [`https://arxiv.org/abs/${id}`],
      categories: ['cs.LG'],
      digests: [digestId],
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    if (rand() < 0.2) {
      const tags = Array.from(
        { length: 1 + Math.floor(rand() * 2) },
        () => TAGS[Math.floor(rand() * TAGS.length)] ?? 'later',
      );
      const noted = rand() < 0.3;
      states[id] = {
        status: rand() < 0.5 ? 'read' : 'reading',
        tags: [...new Set(tags)],
        note: noted ? `Key idea: ${pick()} ${topic()} ${pick()}. Compare with ${topic()} ${topic()}.` : '',
        readAt: null,
        updatedAt: '2026-01-02T00:00:00.000Z',
      };
    }
  }
  const digest: Digest = {
    id: digestId,
    format: 'hf-daily-json',
    title: 'Synthetic digest',
    date: '2026-01-01',
    source: 'synthetic.json',
    importedAt: '2026-01-01T00:00:00.000Z',
    paperIds: papers.map((paper) => paper.id),
  };
  return { catalogue: { papers, digests: [digest] }, states, vocabulary: words };
}

/** The same papers as a Hugging Face Daily Papers JSON digest (what api/daily_papers returns). */
export function hfDailyJson(papers: readonly CataloguePaper[]): string {
  return JSON.stringify(
    papers.map((paper) => ({
      paper: {
        id: paper.arxivId,
        title: paper.title,
        summary: paper.abstract,
        authors: paper.authors.map((name) => ({ name })),
        publishedAt: '2026-01-01T00:00:00.000Z',
      },
      publishedAt: '2026-01-01T00:00:00.000Z',
      title: paper.title,
    })),
  );
}
