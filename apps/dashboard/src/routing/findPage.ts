/** Anything the router can show: a page is found by its path. */
export interface Routable {
  path: string;
}

/**
 * The page at `path`: the first page for the empty path (the app's home), and
 * `undefined` for a path no page has, which the app shows as "no such page".
 */
export function findPage<Page extends Routable>(pages: readonly Page[], path: string): Page | undefined {
  return path === '' ? pages[0] : pages.find((page) => page.path === path);
}
