import type { ComponentChildren } from 'preact';
import type { Annotation, Insight } from '../api/types.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { InsightFigures } from './InsightFigures.js';
import { INSIGHT_VIEWS } from './insightViews.js';

export interface InsightTileProps {
  projectId: string;
  insight: Insight;
  annotations: readonly Annotation[];
  now: number;
  /** Controls for editors (move, remove), under the title. */
  children?: ComponentChildren;
}

/** One tile of a dashboard: the insight's name (a link to its page as saved), description and figures. */
export function InsightTile({ projectId, insight, annotations, now, children }: InsightTileProps) {
  const { path, title } = INSIGHT_VIEWS[insight.view];
  const headingId = `tile-${insight.insightId}`;
  return (
    <li class="card tile" aria-labelledby={headingId}>
      <div class="tile-head">
        <h2 id={headingId}>
          <a href={createProjectHash(projectId, path, insight.params)}>{insight.name}</a>
        </h2>
        <span class="muted">{title}</span>
      </div>
      {insight.description && <p class="help">{insight.description}</p>}
      {children}
      <div class="tile-figures">
        <InsightFigures projectId={projectId} insight={insight} annotations={annotations} now={now} />
      </div>
    </li>
  );
}
