import type { PersonTimeline } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { formatDateTime } from '../format/formatDateTime.js';
import type { PersonLookup } from './getPersonLookup.js';
import { PersonIds } from './PersonIds.js';
import { summariseJourney } from './summariseJourney.js';

/** Who the person is (every id linked to them) and their journey at a glance. */
export function PersonSummary({
  projectId,
  timeline,
  lookup,
}: {
  projectId: string;
  timeline: PersonTimeline;
  lookup: PersonLookup;
}) {
  const { person, events, truncated } = timeline;
  const summary = summariseJourney(events);
  return (
    <section class="card person" aria-labelledby="person-heading">
      <h2 id="person-heading">
        Person <code>{person.id}</code>
      </h2>
      <dl class="facts">
        <dt>User ids</dt>
        <dd>
          <PersonIds
            projectId={projectId}
            kind="userId"
            ids={person.userIds}
            lookup={lookup}
            empty="none: not identified yet"
          />
        </dd>
        <dt>Anonymous ids</dt>
        <dd>
          <PersonIds
            projectId={projectId}
            kind="anonymousId"
            ids={person.anonymousIds}
            lookup={lookup}
            empty="none"
          />
        </dd>
        <dt>Touchpoints</dt>
        <dd>
          {summary.count.toLocaleString()}
          {truncated && '+'}
          {summary.firstAt !== undefined && summary.lastAt !== undefined && (
            <span class="muted">
              {' '}
              from{' '}
              <time dateTime={new Date(summary.firstAt).toISOString()}>
                {formatDateTime(summary.firstAt)}
              </time>{' '}
              to{' '}
              <time dateTime={new Date(summary.lastAt).toISOString()}>{formatDateTime(summary.lastAt)}</time>
            </span>
          )}
        </dd>
        <dt>Channels</dt>
        <dd>
          <ul class="badges" aria-label="Channels, in order of first touch">
            {summary.channels.map((channel) => (
              <li key={channel}>
                <ChannelBadge channel={channel} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
