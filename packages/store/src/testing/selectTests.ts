import { it } from 'vitest';

/** How an engine runs a conformance suite. */
export interface ConformanceOptions {
  /**
   * Test names the engine does not pass yet (a method it does not implement): they
   * are reported as skipped, by name, never as passed. Default none.
   */
  notYet?: ReadonlyArray<string>;
}

type TestBody = () => unknown;

/** A test declarer as the suites use it: a name and a body. */
export type DeclareTest = (name: string, body: TestBody) => void;

/** `it`, except that the tests named in `notYet` are skipped. */
export function selectTests(options: ConformanceOptions): DeclareTest {
  const notYet = new Set(options.notYet ?? []);
  return (name, body) => (notYet.has(name) ? it.skip : it)(name, body);
}
