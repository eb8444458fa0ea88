/** V8's limit on stack frames: read through this, as the renderer's type-check knows no Node (or V8) globals. */
const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number | undefined };

/**
 * An error made without a stack trace: what a parser throws and catches once for every broken block of a file,
 * where collecting the stack would take most of the time of reading a file of a million broken entries.
 */
export class QuietError extends Error {
  constructor(message: string) {
    const limit = V8Error.stackTraceLimit;
    V8Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      V8Error.stackTraceLimit = limit;
    }
  }
}
