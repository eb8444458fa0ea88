export { FileSystemError, fileSystemError, LibraryFileError, LibraryReadOnlyError, userFileError } from './errors.js';
export { libraryPaths, type LibraryPaths } from './library-paths.js';
export { readOnlyReason } from './lock.js';
export { type LibraryChange, type OutlineSnapshot } from './library-store.js';
