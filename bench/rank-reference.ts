/**
 * arxiv-sanity-lite's ranking (github.com/karpathy/arxiv-sanity-lite, compute.py and serve.py's svm_rank), written
 * here as the reference Shelfmark's ranking is measured against: scikit-learn's TfidfVectorizer over each paper's
 * title, abstract and author names (accents stripped, lower case, tokens `\b[a-zA-Z_][a-zA-Z0-9_]+\b`, scikit-learn's
 * English stop words, 1- and 2-grams, min_df 5, max_df 0.1, the 20,000 most frequent terms, sublinear tf, smoothed
 * idf, l2), fitted on every paper of the library; then LinearSVC(class_weight='balanced', C=0.01, tol=1e-6,
 * max_iter=10000) fitted on every paper of the library, the tagged ones positive and all the others negative, as
 * arxiv-sanity-lite does; papers ranked by its decision function. LinearSVC is liblinear's dual coordinate descent
 * for the squared hinge loss with the intercept as a feature of value 1; the same here, without its shrinking.
 */

import type { ListedPaper } from './rank-data.js';

const SKLEARN_STOP_WORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among
amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became
because become becomes becoming been before beforehand behind being below beside besides between beyond bill both
bottom but by call can cannot cant co con could couldnt cry de describe detail do done down due during each eg eight
either eleven else elsewhere empty enough etc even ever every everyone everything everywhere except few fifteen fifty
fill find fire first five for former formerly forty found four from front full further get give go had has hasnt
have he hence her here hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in
inc indeed interest into is it its itself keep last latter latterly least less ltd made many may me meanwhile might
mill mine more moreover most mostly move much must my myself name namely neither never nevertheless next nine no
nobody none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours
ourselves out over own part per perhaps please put rather re same see seem seemed seeming seems serious several she
should show side since sincere six sixty so some somehow someone something sometime sometimes somewhere still such
system take ten than that the their them themselves then thence there thereafter thereby therefore therein
thereupon these they thick thin third this those though three through throughout thru thus to together too top
toward towards twelve twenty two un under until up upon us very via was we well were what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole
whom whose why will with within without would yet you your yours yourself yourselves`.split(/\s+/),
);

const TOKEN = /\b[a-zA-Z_][a-zA-Z0-9_]+\b/g;

/** The 1- and 2-grams of a paper as TfidfVectorizer's analyzer makes them, with their counts. */
function analyse(paper: ListedPaper): Map<string, number> {
  const text = [paper.title, paper.abstract, paper.authors.join(' ')]
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const tokens = (text.match(TOKEN) ?? []).filter((token) => !SKLEARN_STOP_WORDS.has(token));
  const counts = new Map<string, number>();
  const add = (term: string): void => void counts.set(term, (counts.get(term) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i] ?? '');
    if (i > 0) add(`${tokens[i - 1] ?? ''} ${tokens[i] ?? ''}`);
  }
  return counts;
}

interface Features {
  readonly ids: readonly string[];
  readonly rows: readonly { readonly indices: Int32Array; readonly values: Float64Array }[];
  readonly dimensions: number;
}

const analysed = new Map<string, Map<string, number>>();

/** TfidfVectorizer(min_df=5, max_df=0.1, max_features=20000, sublinear_tf, smooth_idf, l2).fit_transform(papers). */
export function referenceFeatures(papers: readonly ListedPaper[]): Features {
  const documents = papers.map((paper) => {
    let counts = analysed.get(paper.id);
    if (counts === undefined) {
      counts = analyse(paper);
      analysed.set(paper.id, counts);
    }
    return counts;
  });
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const counts of documents) {
    for (const [term, count] of counts) {
      df.set(term, (df.get(term) ?? 0) + 1);
      tf.set(term, (tf.get(term) ?? 0) + count);
    }
  }
  const n = documents.length;
  const kept = [...df].filter(([, frequency]) => frequency >= 5 && frequency <= 0.1 * n).map(([term]) => term);
  // The most frequent first, then as scikit-learn's vocabulary is ordered (alphabetically) among equals.
  kept.sort((a, b) => (tf.get(b) ?? 0) - (tf.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const vocabulary = new Map(kept.slice(0, 20_000).map((term, column) => [term, column]));
  const idf = new Float64Array(vocabulary.size);
  for (const [term, column] of vocabulary) idf[column] = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
  const rows = documents.map((counts) => {
    const entries: [number, number][] = [];
    for (const [term, count] of counts) {
      const column = vocabulary.get(term);
      if (column !== undefined) entries.push([column, (1 + Math.log(count)) * (idf[column] ?? 0)]);
    }
    const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0)) || 1;
    return {
      indices: Int32Array.from(entries, ([column]) => column),
      values: Float64Array.from(entries, ([, value]) => value / norm),
    };
  });
  return { ids: papers.map((paper) => paper.id), rows, dimensions: vocabulary.size };
}

/** LinearSVC(class_weight='balanced', C=0.01, tol=1e-6, max_iter=10000) fitted; the decision function per paper. */
export function referenceScores(features: Features, positive: ReadonlySet<string>): Map<string, number> {
  const { ids, rows, dimensions } = features;
  const n = ids.length;
  const labels = ids.map((id) => (positive.has(id) ? 1 : -1));
  const positives = labels.filter((label) => label === 1).length;
  const scores = new Map<string, number>();
  if (positives === 0 || positives === n) return scores;
  const c = 0.01;
  const cOf = (label: number): number => (c * n) / (2 * (label === 1 ? positives : n - positives));
  const w = new Float64Array(dimensions + 1); // the last: the intercept's feature, of value 1
  const alpha = new Float64Array(n);
  const diagonal = labels.map((label) => 0.5 / cOf(label));
  const qii = rows.map((row, i) => row.values.reduce((sum, v) => sum + v * v, 1) + (diagonal[i] ?? 0));
  const order = Array.from({ length: n }, (_, i) => i);
  let state = 1;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  for (let iteration = 0; iteration < 10_000; iteration++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    let highest = -Infinity;
    let lowest = Infinity;
    for (const i of order) {
      const row = rows[i];
      const y = labels[i] ?? 0;
      if (row === undefined) continue;
      let margin = w[dimensions] ?? 0;
      for (let k = 0; k < row.indices.length; k++) margin += (row.values[k] ?? 0) * (w[row.indices[k] ?? 0] ?? 0);
      const a = alpha[i] ?? 0;
      const g = y * margin - 1 + (diagonal[i] ?? 0) * a;
      const pg = a === 0 ? Math.min(g, 0) : g;
      highest = Math.max(highest, pg);
      lowest = Math.min(lowest, pg);
      if (Math.abs(pg) <= 1e-12) continue;
      const next = Math.max(a - g / (qii[i] ?? 1), 0);
      alpha[i] = next;
      const d = (next - a) * y;
      for (let k = 0; k < row.indices.length; k++) {
        const column = row.indices[k] ?? 0;
        w[column] = (w[column] ?? 0) + d * (row.values[k] ?? 0);
      }
      w[dimensions] = (w[dimensions] ?? 0) + d;
    }
    if (highest - lowest <= 1e-6) break;
  }
  for (const [i, row] of rows.entries()) {
    let score = w[dimensions] ?? 0;
    for (let k = 0; k < row.indices.length; k++) score += (row.values[k] ?? 0) * (w[row.indices[k] ?? 0] ?? 0);
    scores.set(ids[i] ?? '', score);
  }
  return scores;
}
