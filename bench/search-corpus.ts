/** A generated library for the search benchmark: realistic titles, ~200-word abstracts, authors, tags and notes. */

import { readFileSync } from 'node:fs';
import type { SearchDocument } from '../core/search/index.js';
import { READING_STATUSES } from '../core/model.js';

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPIC_WORDS = `equivariant invariant networks neural graph graphs transformer transformers attention diffusion
models model learning representation representations generative adversarial variational bayesian inference
reinforcement policy gradient optimization stochastic convex language vision image images video segmentation
detection retrieval contrastive supervised unsupervised self semi federated privacy robust robustness adversarial
molecular protein molecules symmetry group groups lie manifold geometric geometry convolutional recurrent sequence
embedding embeddings token tokens pretraining finetuning alignment reasoning planning agents benchmark dataset
scaling sparse mixture experts quantization distillation pruning compression kernel kernels gaussian process
processes causal discovery counterfactual uncertainty calibration bandits meta few shot zero continual lifelong
memory efficient fast scalable theory theoretical analysis bounds generalization overparameterized implicit
regularization dropout normalization batch layer residual depth width infinite tangent spectral message passing
permutation rotation translation steerable clifford algebra frame averaging subgraph hierarchical multimodal
speech audio text summarization translation question answering dialogue code program synthesis neurosymbolic`
  .split(/\s+/)
  .filter(Boolean);

const FIRST_NAMES = `Ada Alan Grace Yoshua Geoffrey Yann Max Taco Maurice Petar Léon Łukasz Søren José María Zoë Chloé Jürgen
Sepp Kaiming Jian Fei Li Wei Ming Hao Yu Xin Aditya Priya Ananya Rahul Omri Yaron Emiel Victor Pietro Ruslan
Diederik Jimmy Ian Ilya Oriol Demis David Shakir Danilo Joan Noam Ashish Jakob Illia Aidan Niki Llion Chelsea
Sergey Pieter Stefano Percy Chris Fernanda Sanjeev Tengyu Tatsunori Emma Olivia Lucas Mateo Amélie François`
  .split(/\s+/)
  .filter(Boolean);

const LAST_NAMES = `Lovelace Turing Hopper Bengio Hinton LeCun Welling Cohen Weiler Veličković Bottou Kaiser Hauberg García
López Müller Schmidhuber Hochreiter He Sun Zhang Wang Chen Liu Li Zhao Grover Sharma Gupta Puny Lipman Hoogeboom
Satorras Liò Salakhutdinov Kingma Ba Goodfellow Sutskever Vinyals Hassabis Silver Mohamed Rezende Bruna Shazeer
Vaswani Uszkoreit Polosukhin Gomez Parmar Jones Finn Levine Abbeel Ermon Liang Manning Viégas Arora Ma Hashimoto
Brunskill Dupont Lefèvre Nguyen Okafor Haddad Kowalski Novák Johansson Østergaard Ibáñez`
  .split(/\s+/)
  .filter(Boolean);

const TAGS = `to-read geometry graphs diffusion nlp vision theory rl optimization generative equivariance molecules
benchmarks robustness privacy audio reasoning agents survey favourite reviewed seminar thesis`
  .split(/\s+/)
  .filter(Boolean);

function syllableWord(next: () => number): string {
  const onsets = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'tr', 'pl', 'st', 'gr', 'ch'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ia', 'io', 'ou'];
  const codas = ['', 'n', 'r', 's', 'l', 'nt', 'st', 'x', 'm'];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const syllables = 2 + Math.floor(next() * 3);
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(onsets) + pick(vowels) + (i === syllables - 1 ? pick(codas) : '');
  return word;
}

/**
 * A few thousand words, commonest first: the words of the seed digest by frequency (function words lead, as in
 * real abstracts), then the topic words, then pronounceable made-up ones.
 */
export function corpusVocabulary(size = 4000): readonly string[] {
  const next = random(7);
  const counts = new Map<string, number>();
  try {
    const seed = readFileSync(new URL('../seeds/hf-daily-papers-mar-11.txt', import.meta.url), 'utf8');
    for (const word of seed.toLowerCase().match(/[a-z]{2,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  } catch {
    // The seed digest only adds realism.
  }
  const words = new Set<string>([...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word));
  for (const word of TOPIC_WORDS) words.add(word);
  while (words.size < size) words.add(syllableWord(next));
  return [...words].slice(0, size);
}

export interface CorpusOptions {
  readonly size: number;
  readonly seed?: number;
  readonly abstractWords?: number;
}

export function generateLibrary({ size, seed = 1, abstractWords = 200 }: CorpusOptions): SearchDocument[] {
  const vocabulary = corpusVocabulary();
  const next = random(seed);
  // Zipf-like: the first words (topic words, then frequent seed words) are the commonest.
  const zipf = (): string => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length ** next()) - 1)] ?? 'the';
  const topic = (): string => TOPIC_WORDS[Math.floor(next() * TOPIC_WORDS.length)] ?? 'graph';
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  const documents: SearchDocument[] = [];
  for (let index = 0; index < size; index++) {
    const titleWords = Array.from({ length: 4 + Math.floor(next() * 8) }, () => (next() < 0.4 ? topic() : zipf()));
    titleWords.splice(Math.floor(titleWords.length / 2), 0, pick(['for', 'of', 'with', 'via', 'in', 'and']));
    const sentences: string[] = [];
    let count = 0;
    while (count < abstractWords) {
      const length = 10 + Math.floor(next() * 20);
      const words = Array.from({ length }, () => (next() < 0.05 ? topic() : zipf()));
      sentences.push(`${capital(words.join(' '))}.`);
      count += length;
    }
    documents.push({
      id: `paper-${index}`,
      title: titleWords.map(capital).join(' '),
      authors: Array.from({ length: 1 + Math.floor(next() * 7) }, () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`),
      abstract: sentences.join(' '),
      tags: next() < 0.5 ? [] : Array.from(new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TAGS)))),
      note: next() < 0.2 ? `${capital(zipf())} ${topic()} ${zipf()}; compare with ${capital(topic())} ${topic()}.` : '',
      status: pick(READING_STATUSES),
    });
  }
  return documents;
}
