import { TRPCError } from '@trpc/server';
import type { SegmentDefinition } from '@parcours/schema';
import type { Store } from '@parcours/store';
import type { SegmentInput } from './segmentInput.js';

/**
 * A journey question as the store takes it: a `segment: { id }` replaced by the saved
 * segment's definition (an id the project does not have is a 400 naming `segment.id`),
 * an inline definition kept as it is.
 */
/** What resolving a segment reads: the store and the project asked about (a request's context has both). */
export interface SegmentContext {
  store: Pick<Store, 'getSegment'>;
  project: { projectId: string };
}

export async function resolveSegment<T extends { segment?: SegmentInput | undefined }>(
  ctx: SegmentContext,
  input: T,
): Promise<Omit<T, 'segment'> & { segment?: SegmentDefinition }> {
  const { segment, ...rest } = input;
  if (segment === undefined) return rest;
  if (!('id' in segment)) return { ...rest, segment };
  const saved = await ctx.store.getSegment(ctx.project.projectId, segment.id);
  if (saved === undefined) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `segment.id: this project has no segment "${segment.id}"`,
    });
  }
  return { ...rest, segment: saved.definition };
}

/**
 * A stored query (a share link's) as the store takes it: `shares.create` saved its
 * segment inline, so an id here (a link made otherwise) is refused, never looked up.
 */
export function requireInlineSegment<T extends { segment?: SegmentInput | undefined }>(
  query: T,
): Omit<T, 'segment'> & { segment?: SegmentDefinition } {
  const { segment, ...rest } = query;
  if (segment === undefined) return rest;
  if ('id' in segment) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'segment: a shared view holds its segment inline' });
  }
  return { ...rest, segment };
}
