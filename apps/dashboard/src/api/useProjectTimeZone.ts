import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.js';

/**
 * The project's time zone (`admin.project`, shared with the settings and first-run
 * reads): what its days and date ranges follow. Undefined while loading: a page waits
 * for it rather than ask for UTC days and then again.
 */
export function useProjectTimeZone(projectId: string): string | undefined {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.admin.project.queryOptions({ projectId }),
    select: (project) => project.timeZone,
  }).data;
}
