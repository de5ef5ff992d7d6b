import { describe, expect, it, vi } from 'vitest';
import type { Tracker } from './core/types.js';
import { LOADER_SNIPPET } from './loaderSnippet.js';
import { replayCalls } from './replayCalls.js';

/** Runs the snippet against a fake window and document passed as its own parameters. */
const runSnippet = () => {
  const appended: { src?: string; dataset: Record<string, string> }[] = [];
  const fakeWindow: { parcours?: any } = {};
  const fakeDocument = {
    createElement: (tag: string) => {
      expect(tag).toBe('script');
      return { dataset: {} as Record<string, string> };
    },
    head: { append: (element: (typeof appended)[number]) => appended.push(element) },
  };
  const body = LOADER_SNIPPET.replace(/^<script>/, '').replace(/<\/script>$/, '');
  // The snippet is `!function(w,d){…}(window,document)`: bind those two names to the fakes.
  // Running the real snippet text is the point of this test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('window', 'document', body)(fakeWindow, fakeDocument);
  return { stub: fakeWindow.parcours, appended };
};

/** A tracker that records the calls it receives. */
const createRecordingTracker = () => {
  const calls: [string, unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
    };
  const tracker = {
    track: record('track'),
    page: record('page'),
    identify: record('identify'),
    reset: record('reset'),
    feedback: record('feedback'),
    flush: record('flush'),
    consent: {
      grant: record('consent.grant'),
      deny: record('consent.deny'),
      get: () => [],
      onChange: record('consent.onChange'),
    },
  } as unknown as Tracker;
  return { tracker, calls };
};

describe('the async loader snippet', () => {
  it('weighs at most 250 bytes', () => {
    expect(new TextEncoder().encode(LOADER_SNIPPET).length, LOADER_SNIPPET).toBeLessThanOrEqual(250);
  });

  it('inserts the SDK script with its write key', () => {
    const { appended } = runSnippet();
    expect(appended).toEqual([{ src: 'https://HOST/sdk.js', dataset: { writeKey: 'KEY' } }]);
  });

  it('queues calls at any depth, which the SDK replays in call order with their arguments', () => {
    const { stub } = runSnippet();
    stub.track('Early', { a: 1 });
    stub.consent.grant(['analytics'], 'banner');
    stub.identify('u_1');
    stub.page();
    stub.consent.deny(['marketing']);
    stub.feedback({ kind: 'nps', score: 10 });
    const { tracker, calls } = createRecordingTracker();
    replayCalls(tracker, stub.q);
    expect(calls).toEqual([
      ['track', ['Early', { a: 1 }]],
      ['consent.grant', [['analytics'], 'banner']],
      ['identify', ['u_1']],
      ['page', []],
      ['consent.deny', [['marketing']]],
      ['feedback', [{ kind: 'nps', score: 10 }]],
    ]);
  });

  it('skips a call to an unknown method with a warning and replays the rest', () => {
    const { stub } = runSnippet();
    stub.trak('typo');
    stub.track('After');
    const { tracker, calls } = createRecordingTracker();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    replayCalls(tracker, stub.q);
    expect(calls).toEqual([['track', ['After']]]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![1]).toBe('trak.');
    warn.mockRestore();
  });
});
