import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';

/**
 * The name of the segment a page parameter holds (`?segment=`, `?compare=`), for
 * headings: "Everyone" without one, "a segment" while the list loads or once deleted.
 */
export function useSegmentNames(projectId: string, params: Record<string, string>): (key: string) => string {
  const trpc = useTRPC();
  const names = useQuery({
    ...trpc.segments.list.queryOptions({ projectId }),
    select: (segments) => new Map(segments.map((segment) => [segment.segmentId, segment.name])),
  });
  return (key) => {
    const id = params[key];
    return id === undefined ? 'Everyone' : (names.data?.get(id) ?? 'a segment');
  };
}
