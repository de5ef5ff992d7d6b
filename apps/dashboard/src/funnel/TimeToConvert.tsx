import type { Funnel } from '../api/types.js';
import { formatCount } from '../format/formatPercent.js';
import { BarRows } from './BarRows.js';
import { describeTimeBucket } from './describeTimeBucket.js';

/** How long the persons who reached the last step took, from their chain's start, in fixed buckets. */
export function TimeToConvert({ buckets }: { buckets: Funnel['timeToConvert'] }) {
  const most = Math.max(0, ...buckets.map((bucket) => bucket.persons));
  return (
    <section class="card" aria-labelledby="funnel-time-heading">
      <h2 id="funnel-time-heading">Time to convert</h2>
      {most === 0 ? (
        <p class="muted">Nobody reached the last step.</p>
      ) : (
        <BarRows
          label="Persons who reached the last step, by time taken"
          rows={buckets.map((bucket) => ({
            key: String(bucket.fromMs),
            label: describeTimeBucket(bucket),
            share: bucket.persons / most,
            value: `${formatCount(bucket.persons)} persons`,
          }))}
        />
      )}
    </section>
  );
}
