/** Errors whose message is written for the user, shown as it is by every front end. */

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A server Shelfmark asked could not be reached, or would not answer: "Could not reach export.arxiv.org: …". */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The user stopped a long call (Ctrl-C, Cancel) before it changed anything. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'Cancelled; the library is unchanged.') {
    super(message);
  }
}
