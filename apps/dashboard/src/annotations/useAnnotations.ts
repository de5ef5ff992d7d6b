import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import type { Annotation } from '../api/types.js';

const NONE: Annotation[] = [];

/**
 * The project's annotations, for the time charts. Empty while loading or on error:
 * a chart draws without them rather than wait. Not refreshed by live pushes.
 */
export function useAnnotations(projectId: string): readonly Annotation[] {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.annotations.list.queryOptions({ projectId }),
    staleTime: 60_000,
    meta: { live: false },
  });
  return query.data ?? NONE;
}
