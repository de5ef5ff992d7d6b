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
}

interface Coverage {
  /** Every method of the Store (the reference engine's) and of the engine's own stores. */
  methods: Set<string>;
  /** The methods some test called. */
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
 * them all): a method no test calls fails the coverage check.
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
 * that records which methods the running test calls (the coverage check).
 */
export async function openConformanceStore(target: ConformanceTarget): Promise<Store> {
  const store = createStore(await target.openEngine());
  const record = getConformanceCoverage(target);
  for (const [name, value] of Object.entries(store))
    if (typeof value === 'function') record.methods.add(name);
  return new Proxy(store, {
    get(object, name, receiver) {
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof name !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        record.called.add(name);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}
