import { TRPCError } from '@trpc/server';
import { InvalidCursorError } from '@parcours/store';

/**
 * Runs a paged store read, turning the store's refusal of a cursor it never handed
 * out into a 400 naming the field: an empty page would read as "nothing more".
 */
export async function withCursorCheck<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `cursor: ${error.message}`, cause: error });
    }
    throw error;
  }
}
