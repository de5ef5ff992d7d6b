import type { Touchpoint } from '../api/types.js';
import { formatPropertyValue, shortenText } from '../format/formatPropertyValue.js';

/** Flat properties as a compact `key: value` list; long values are cut, in full on hover. */
export function PropertyList({ properties }: { properties: Touchpoint['properties'] }) {
  const entries = Object.entries(properties ?? {});
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <dl class="props">
      {entries.map(([key, value]) => {
        const text = formatPropertyValue(value);
        const shown = shortenText(text);
        return (
          <div key={key}>
            <dt>{key}</dt>
            <dd
              class={typeof value === 'string' ? undefined : 'literal'}
              title={shown === text ? undefined : text}
            >
              {shown}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
