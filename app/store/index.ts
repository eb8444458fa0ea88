export { FileSystemError, fileSystemError, LibraryFileError, LibraryReadOnlyError } from './errors.js';
export { libraryPaths, type LibraryPaths } from './library-paths.js';
export { readOnlyReason } from './lock.js';
export { openLibraryStore, type LibraryChange, type LibraryStore, type OutlineSnapshot } from './library-store.js';
