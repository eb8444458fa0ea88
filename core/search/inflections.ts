/**
 * Other number of an English noun, so that "networks" finds "Network" as more than a typo. Only the forms a
 * prefix match does not already cover: the singular of a plural, and "-ies" for "-y".
 */
export function otherNumberForms(word: string): string[] {
  if (word.length < 4) return [];
  if (word.endsWith('ies')) return [`${word.slice(0, -3)}y`];
  if (word.endsWith('es')) return [word.slice(0, -1), word.slice(0, -2)];
  if (word.endsWith('s') && !word.endsWith('ss')) return [word.slice(0, -1)];
  if (word.endsWith('y')) return [`${word.slice(0, -1)}ies`];
  return [];
}
