/** A mistake in how the command was called: exit 2 and a pointer to --help. */
export class UsageError extends Error {
  /** The word the command line named its command by, when the mistake was found before the command was known. */
  readonly given?: string;
  constructor(message: string, given?: string) {
    super(message);
    if (given !== undefined) this.given = given;
  }
}
