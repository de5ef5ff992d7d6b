/**
 * A page cursor the store did not hand out: garbage, another project's, or naming
 * nothing it knows. Paging on from it would answer an empty or arbitrary page as if
 * it were the truth, so the store refuses it and the API answers 400.
 */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}
