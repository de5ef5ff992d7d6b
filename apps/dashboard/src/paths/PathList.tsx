import type { Paths } from '../api/types.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

/**
 * The top paths, most persons first: each a row of touchpoint chips joined by arrows,
 * with the persons on it and those of them who did nothing else after it.
 */
export function PathList({ paths, total }: { paths: Paths['paths']; total: number }) {
  if (paths.length === 0) return <p class="notice">No person took a path that matches.</p>;
  return (
    <ol class="path-list">
      {paths.map((path, index) => {
        const share = total === 0 ? 0 : path.count / total;
        return (
          <li key={index} class="path-row">
            <ol class="chips" aria-label={`Path ${index + 1}: ${path.steps.join(', then ')}`}>
              {path.steps.map((step, at) => (
                <li key={at}>
                  {at > 0 && (
                    <span class="chip-arrow" aria-hidden="true">
                      →
                    </span>
                  )}
                  <span class="chip">{step}</span>
                </li>
              ))}
            </ol>
            <span class="path-count">
              <strong>{formatCount(path.count)}</strong> <span class="muted">· {formatPercent(share)}</span>
              {path.left > 0 && <span class="muted"> · {formatCount(path.left)} left after</span>}
            </span>
            <svg class="path-share" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
              <rect class="funnel-bar-track" width="100" height="4" />
              <rect class="funnel-bar-fill" width={share * 100} height="4" />
            </svg>
          </li>
        );
      })}
    </ol>
  );
}
