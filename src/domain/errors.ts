/**
 * Errors that a command-line tool reports to the user as is (and exits 1),
 * as opposed to programming errors, which keep their stack trace.
 */
import type { ValidationProblem } from './validation';

/** A file given by the user cannot be read or is not valid; the message is already formatted `file: $.path: reason`. */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    message: string,
    readonly file?: string,
    readonly problems: readonly ValidationProblem[] = [],
  ) {
    super(message);
  }
}
