import { can } from '../access/can.js';
import type { Project } from '../api/types.js';
import { PAGES } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';

export interface ProjectSwitcherProps {
  projects: readonly Project[];
  /** The project on screen. */
  current: Project;
  /** The page on screen: kept when the role in the next project may use it. */
  currentPath: string;
}

/**
 * The project on screen, and the others the user belongs to. Switching keeps the page
 * when the role there allows it, else opens that project's home page; the page's own
 * parameters (a funnel's steps…) belong to the old project and are dropped.
 */
export function ProjectSwitcher({ projects, current, currentPath }: ProjectSwitcherProps) {
  if (projects.length < 2) return <span class="project">{current.name}</span>;
  const onChange = (projectId: string) => {
    const next = projects.find((p) => p.projectId === projectId);
    if (!next) return;
    const page = PAGES.find((p) => p.path === currentPath);
    location.hash = createProjectHash(projectId, page && can(next.role, page.permission) ? page.path : '');
  };
  return (
    <div class="project-switcher">
      <label for="project-switcher" class="visually-hidden">
        Project
      </label>
      <select
        id="project-switcher"
        value={current.projectId}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {projects.map((project) => (
          <option key={project.projectId} value={project.projectId}>
            {project.name}
          </option>
        ))}
      </select>
    </div>
  );
}
