/** What a digest is called after the file it came from. Pure. */

/** "refs.bib" from "/home/ada/refs.bib" or "C:\\Users\\ada\\refs.bib". */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}
