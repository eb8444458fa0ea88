/** Errors whose message is written for the user, shown as it is by every front end. */

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}
