import type { TestContext } from 'vitest';
import { createStore } from '../createStore.js';
import { openSqliteStoreEngine } from '../sqlite/openSqliteStore.js';
import type { Store } from '../Store.js';
import type { StoreEngine } from '../StoreEngine.js';

/** An engine as the conformance suites run it. */
export interface ConformanceTarget {
  /** The engine's name, in the suites' titles (`SQLite`, `ClickHouse`). */
  engine: string;
  /** A new engine over an empty database at each call (the suites close it). */
  openEngine: () => Promise<StoreEngine>;
  /**
   * Store methods this engine does not implement yet. A test that calls one is
   * skipped, its title and the method reported as skipped (never as passed), and the
   * coverage check accepts them as the only methods not called. Default none.
   */
  pending?: ReadonlyArray<keyof Store>;
}

interface Coverage {
  /** Every method of the Store (the reference engine's) and of the engine's own stores. */
  methods: Set<string>;
  /** The methods some test called (pending ones never count). */
  called: Set<string>;
}

/**
 * What a refused cursor rejects with. By name, not `instanceof`: an engine from another
 * package throws the class of `@parcours/store`'s build, these suites run from its sources.
 */
export const INVALID_CURSOR = { name: 'InvalidCursorError' } as const;

const coverage = new WeakMap<ConformanceTarget, Coverage>();

/** What the suites have called so far on this target's stores (see `describeStoreConformance`). */
export function getConformanceCoverage(target: ConformanceTarget): Coverage {
  let found = coverage.get(target);
  if (found === undefined) {
    coverage.set(target, (found = { methods: new Set(getStoreMethodNames()), called: new Set() }));
  }
  return found;
}

let storeMethodNames: string[] | undefined;

/**
 * The methods a Store has, read from a Store over the SQLite engine (which implements
 * them all): an engine that lacks one, and does not list it pending, fails the coverage check.
 */
function getStoreMethodNames(): string[] {
  if (storeMethodNames === undefined) {
    const reference = createStore(openSqliteStoreEngine({ filename: ':memory:' }));
    storeMethodNames = Object.keys(reference).filter(
      (name) => typeof (reference as unknown as Record<string, unknown>)[name] === 'function',
    );
    void reference.close();
  }
  return storeMethodNames;
}

/**
 * A Store over a new engine, through `createStore` (the rules every engine shares),
 * that records which methods the running test calls and skips the test when one is
 * pending for this engine.
 */
export async function openConformanceStore(target: ConformanceTarget, context: TestContext): Promise<Store> {
  const store = createStore(await target.openEngine());
  const record = getConformanceCoverage(target);
  const pending = new Set<string>(target.pending ?? []);
  for (const [name, value] of Object.entries(store))
    if (typeof value === 'function') record.methods.add(name);
  return new Proxy(store, {
    get(object, name, receiver) {
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof name !== 'string') return value;
      // A pending method may be missing altogether: it skips the test either way.
      if (pending.has(name)) {
        return (...args: unknown[]) => {
          // Closing is bookkeeping, not behaviour under test: the suite still runs.
          if (name === 'close') {
            return typeof value === 'function'
              ? (value as (...a: unknown[]) => unknown).apply(object, args)
              : Promise.resolve();
          }
          context.skip(`${target.engine} does not implement ${name} yet`);
        };
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        record.called.add(name);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}
