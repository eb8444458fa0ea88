/** Synthetic libraries for the benchmarks: realistic titles, ~200-word abstracts, some tags and notes. Seeded. */

import type { LibrarySnapshot } from '../core/import/types.js';
import type { CataloguePaper, Digest, PaperFacts, ReadingState } from '../core/model.js';
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

const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.CV', 'cs.AI', 'stat.ML', 'cs.RO', 'cs.IR', 'cs.GR'];
const PUBLISHED_VENUES = ['NeurIPS', 'ICML', 'ICLR', 'CVPR', 'ACL', 'Journal of Machine Learning Research'];

/**
 * What arXiv and Hugging Face say of a synthetic paper: a date of first version in 2015–2026 (its year too), a
 * primary category, Hugging Face upvotes for two papers in five, a venue for one in five. From a random of its own,
 * so that every other field is as it was before papers had facts.
 */
function syntheticFacts(rand: () => number): { readonly year: number; readonly facts: PaperFacts } {
  const year = 2015 + Math.floor(rand() * 12);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const facts: { -readonly [K in keyof PaperFacts]: PaperFacts[K] } = {
    published: `${String(year)}-${month}-${day}`,
    primaryCategory: CATEGORIES[Math.floor(rand() * CATEGORIES.length)] ?? 'cs.LG',
  };
  if (rand() < 0.4) facts.hfUpvotes = Math.floor(Math.exp(rand() * Math.log(500)));
  if (rand() < 0.2) facts.venue = PUBLISHED_VENUES[Math.floor(rand() * PUBLISHED_VENUES.length)] ?? 'NeurIPS';
  return { year, facts };
}

export interface SyntheticLibrary extends LibrarySnapshot {
  readonly vocabulary: readonly string[];
}

export function generateLibrary(count: number, seed = 42): SyntheticLibrary {
  const rand = seededRandom(seed);
  const factsRandom = seededRandom(seed + 1);
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
    const { year, facts } = syntheticFacts(factsRandom);
    papers.push({
      id,
      title,
      abstract: sentences.join(' '),
      authors,
      arxivId: id,
      doi: null,
      year,
      links: [`https://arxiv.org/abs/${id}`],
      categories: [facts.primaryCategory ?? 'cs.LG'],
      digests: [digestId],
      addedAt: '2026-01-01T00:00:00.000Z',
      facts,
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

/** Venues as DBLP's BibTeX names them, each behind an @string macro as bibliographies abbreviate them. */
const VENUES: readonly (readonly [macro: string, name: string, type: 'inproceedings' | 'article'])[] = [
  ['neurips', 'Advances in Neural Information Processing Systems', 'inproceedings'],
  ['icml', 'Proceedings of the International Conference on Machine Learning', 'inproceedings'],
  ['iclr', 'The International Conference on Learning Representations', 'inproceedings'],
  ['aaai', 'Proceedings of the {AAAI} Conference on Artificial Intelligence', 'inproceedings'],
  ['cvpr', '{IEEE/CVF} Conference on Computer Vision and Pattern Recognition', 'inproceedings'],
  ['jmlr', 'Journal of Machine Learning Research', 'article'],
  ['tpami', '{IEEE} Transactions on Pattern Analysis and Machine Intelligence', 'article'],
  ['corr', 'CoRR', 'article'],
];

/** Given names and family names with the TeX accents DBLP writes: `J{\"{u}}rgen`, `Garc{\'{\i}}a`. */
const TEX_FIRST_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Yann',
  'Fei{-}Fei',
  'J{\\"{u}}rgen',
  "Sof{\\'{\\i}}a",
  'Kenji',
  "Ren{\\'{e}}",
  'Lars',
  'Chen',
  'Priya',
  'Zo{\\"{e}}',
  'Bj{\\"{o}}rn',
];
const TEX_LAST_NAMES = [
  ...LAST_NAMES.slice(0, 6),
  'M{\\"{u}}ller',
  "Garc{\\'{\\i}}a",
  'Tanaka',
  'Okafor',
  'Nielsen',
  "Dvo{\\v{r}}{\\'{a}}k",
  'Wang',
  'Sch{\\"{o}}lkopf',
];

/** Accented letters as DBLP's BibTeX writes them. */
const TEX_ACCENTS = ['{\\"{o}}', "{\\'{e}}", '{\\v{c}}', '{\\`{a}}', '{\\~{n}}', '{\\ss}', '{\\o}'];

/**
 * A DBLP-like bibliography: entries of ~1.9 kB (the size of the entries of a real 17 MB, 9,680-entry DBLP
 * export), with 3–14 authors written out with TeX accents, a ~130-word abstract, a DOI or arXiv eprint, URLs, DBLP's
 * timestamp and source fields, venues as @string macros and months as month macros. Every title is distinct.
 * `entries(from, to)` writes entries number `from` to `to` - 1 (each from the generator's next random numbers, so
 * ask in order); the macros are in `strings`, for a caller to put first in a file or in a file of their own.
 */
export function dblpBibtex(seed = 11): {
  readonly strings: string;
  readonly entries: (from: number, to: number) => string;
} {
  const rand = seededRandom(seed);
  const words = vocabulary(rand, 4000);
  const pick = (): string => words[zipf(rand, words.length)] ?? 'model';
  const any = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  // Family names as many as a large bibliography has (most of its authors appear once or twice), a quarter of them
  // with an accent as DBLP writes one.
  const familyNames = [...TEX_LAST_NAMES];
  while (familyNames.length < 20_000) {
    let name = capitalised(any(SYLLABLES) + any(SYLLABLES) + (rand() < 0.5 ? any(SYLLABLES) : ''));
    if (rand() < 0.25) name = `${name.slice(0, 2)}${any(TEX_ACCENTS)}${name.slice(3)}`;
    familyNames.push(name);
  }
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const strings = VENUES.map(([macro, name]) => `@string{${macro} = {${name}}}\n`).join('');
  const entry = (n: number): string => {
    const [macro, , type] = any(VENUES);
    const year = 2015 + (n % 10);
    const authors = Array.from(
      { length: 3 + Math.floor(rand() * 12) },
      () => `${any(TEX_FIRST_NAMES)} ${familyNames[zipf(rand, familyNames.length)] ?? 'Li'}`,
    );
    const key = `DBLP:${type === 'article' ? 'journals' : 'conf'}/${macro}/${(authors[0] ?? 'X').replace(/[^A-Za-z]/g, '')}${String(n)}`;
    const title = `${capitalised(any(TOPIC_WORDS))} {${pick().toUpperCase()}} ${pick()} ${any(TOPIC_WORDS)} for ${any(TOPIC_WORDS)} ${pick()}: ${capitalised(pick())} ${any(TOPIC_WORDS)} ${String(n)}`;
    const abstract: string[] = [];
    for (let w = 0; w < 130; w++) abstract.push(rand() < 0.45 ? any(FILLER) : rand() < 0.3 ? any(TOPIC_WORDS) : pick());
    const arxivId = `${String(year - 2000).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}.${String(n % 100_000).padStart(5, '0')}`;
    const lines = [
      `@${type}{${key},`,
      `  author       = {${authors.join(' and\n                  ')}},`,
      `  title        = {${title}},`,
      type === 'article' ? `  journal      = ${macro},` : `  booktitle    = ${macro} # { ${String(year)}},`,
    ];
    if (macro === 'corr') {
      lines.push(
        `  volume       = {abs/${arxivId}},`,
        `  year         = {${String(year)}},`,
        `  url          = {https://arxiv.org/abs/${arxivId}},`,
        `  eprinttype    = {arXiv},`,
        `  eprint       = {${arxivId}},`,
      );
    } else {
      const doi = `10.${String(1000 + (n % 9000))}/${macro}.${String(year)}.${String(n)}`;
      lines.push(
        `  pages        = {${String(n % 900)}--${String((n % 900) + 12)}},`,
        `  year         = {${String(year)}},`,
        `  month        = ${any(months)},`,
        `  url          = {https://doi.org/${doi}},`,
        `  doi          = {${doi}},`,
      );
    }
    lines.push(
      `  abstract     = {${capitalised(abstract.join(' '))}.},`,
      `  timestamp    = {Thu, 21 Jan 2021 15:15:21 +0100},`,
      `  biburl       = {https://dblp.org/rec/${key.slice(5)}.bib},`,
      `  bibsource    = {dblp computer science bibliography, https://dblp.org}`,
      '}',
      '',
    );
    return lines.join('\n');
  };
  return {
    strings,
    entries: (from, to) => {
      let text = '';
      for (let n = from; n < to; n++) text += entry(n);
      return text;
    },
  };
}
