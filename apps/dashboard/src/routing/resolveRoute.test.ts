import { describe, expect, it } from 'vitest';
import type { Project } from '../api/types.js';
import { parseHash } from './parseHash.js';
import { createChangedHash, createProjectHash, resolveRoute } from './resolveRoute.js';

const shop: Project = { projectId: 'prj_shop', name: 'Shop', role: 'owner' };
const blog: Project = { projectId: 'prj_blog', name: 'Blog', role: 'viewer' };

describe('createChangedHash', () => {
  it('overrides, adds and removes parameters, keeping the others', () => {
    const page = { projectId: 'prj_shop', path: 'cohorts', params: { weeks: '12', returning: 'Buy' } };
    expect(createChangedHash(page, { returning: undefined, x: 'y' })).toBe(
      '#/p/prj_shop/cohorts?weeks=12&x=y',
    );
    expect(createChangedHash(page, { weeks: '4' })).toBe('#/p/prj_shop/cohorts?weeks=4&returning=Buy');
  });
});

describe('createProjectHash', () => {
  it('puts the project before the page, and round-trips through parseHash', () => {
    const hash = createProjectHash('prj_shop', 'settings/members', { a: 'b c' });
    expect(hash).toBe('#/p/prj_shop/settings/members?a=b+c');
    expect(parseHash(hash)).toEqual({ path: 'p/prj_shop/settings/members', params: { a: 'b c' } });
  });

  it('links to the project’s home page for an empty path', () => {
    expect(createProjectHash('prj_shop', '')).toBe('#/p/prj_shop');
  });
});

describe('resolveRoute', () => {
  it('opens a page of a project the user belongs to', () => {
    expect(resolveRoute(parseHash('#/p/prj_blog/funnel?step1=%2F'), [shop, blog], undefined)).toEqual({
      kind: 'project',
      project: blog,
      path: 'funnel',
      params: { step1: '/' },
    });
    expect(resolveRoute(parseHash('#/p/prj_blog'), [shop, blog], undefined)).toMatchObject({
      kind: 'project',
      path: '',
    });
  });

  it('refuses a project the user is not in', () => {
    expect(resolveRoute(parseHash('#/p/prj_other/overview'), [shop], 'prj_shop')).toEqual({
      kind: 'unknownProject',
      projectId: 'prj_other',
    });
  });

  it('sends routes without a project to the last project used, keeping page and parameters', () => {
    expect(resolveRoute(parseHash('#/funnel?step1=%2F'), [shop, blog], 'prj_blog')).toEqual({
      kind: 'redirect',
      hash: '#/p/prj_blog/funnel?step1=%2F',
    });
    expect(resolveRoute(parseHash(''), [shop, blog], 'prj_blog')).toEqual({
      kind: 'redirect',
      hash: '#/p/prj_blog',
    });
  });

  it('falls back to the first project when the last one is gone', () => {
    expect(resolveRoute(parseHash('#/'), [shop, blog], 'prj_deleted')).toEqual({
      kind: 'redirect',
      hash: '#/p/prj_shop',
    });
    expect(resolveRoute(parseHash('#/p'), [shop], undefined)).toEqual({
      kind: 'redirect',
      hash: '#/p/prj_shop',
    });
  });

  it('says so when the user has no project', () => {
    expect(resolveRoute(parseHash('#/overview'), [], undefined)).toEqual({ kind: 'noProject' });
  });
});
