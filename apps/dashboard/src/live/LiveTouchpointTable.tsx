import type { LiveTouchpoints } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { PropertyList } from '../components/PropertyList.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { createPersonHash } from '../person/getPersonLookup.js';

export interface LiveTouchpointTableProps {
  projectId: string;
  touchpoints: LiveTouchpoints['touchpoints'];
  /** Link each touchpoint to its person's timeline (roles that read persons). */
  linkPersons: boolean;
}

/** The Live page's list: when, what, whose device or user, through which channel, with which properties. */
export function LiveTouchpointTable({ projectId, touchpoints, linkPersons }: LiveTouchpointTableProps) {
  return (
    <table class="data-table live-touchpoints">
      <caption class="visually-hidden">Latest touchpoints, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Touchpoint</th>
          <th scope="col">Person</th>
          <th scope="col">Channel</th>
          <th scope="col">Properties</th>
        </tr>
      </thead>
      <tbody>
        {touchpoints.map((touchpoint) => {
          const lookup =
            touchpoint.userId !== undefined
              ? { kind: 'userId' as const, value: touchpoint.userId }
              : { kind: 'anonymousId' as const, value: touchpoint.anonymousId };
          return (
            <tr key={touchpoint.id}>
              <td class="when">
                <time dateTime={new Date(touchpoint.timestamp).toISOString()}>
                  {formatDateTime(touchpoint.timestamp)}
                </time>
              </td>
              <td class="what">
                <span class="name">{touchpoint.name}</span>{' '}
                <span class={`type type-${touchpoint.type}`}>{touchpoint.type}</span>
              </td>
              <td class="device">
                {linkPersons ? (
                  <a href={createPersonHash(projectId, lookup)}>{lookup.value}</a>
                ) : (
                  lookup.value
                )}
              </td>
              <td class="channel">
                <ChannelBadge channel={touchpoint.channel} />
              </td>
              <td class="properties">
                <PropertyList properties={touchpoint.properties} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
