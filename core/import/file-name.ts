/** What a digest is called after the file it came from. Pure. */

import { isoDay } from './dates.js';

/** "refs.bib" from "/home/ada/refs.bib" or "C:\\Users\\ada\\refs.bib". */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/**
 * The day a file's name gives as YYYY-MM-DD ("2025-03-03.json", "hf-daily-2025-03-03.json"), when it gives one day
 * and no other; else null.
 */
export function dayInFileName(fileName: string): string | null {
  const days = new Set<string>();
  for (const match of baseName(fileName).matchAll(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g)) {
    const day = isoDay(match[0]);
    if (day !== null) days.add(day);
  }
  const [only, ...others] = days;
  return others.length === 0 ? (only ?? null) : null;
}
