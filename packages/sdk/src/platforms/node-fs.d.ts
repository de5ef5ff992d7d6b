/**
 * The few `node:fs/promises` functions the Node adapter uses, declared here because the
 * SDK compiles with DOM types and without `@types/node` (ARCHITECTURE.md: the SDK is a
 * browser package first).
 */
declare module 'node:fs/promises' {
  export function readFile(path: string, encoding: 'utf8'): Promise<string>;
  export function writeFile(path: string, data: string): Promise<void>;
  export function rename(from: string, to: string): Promise<void>;
}
