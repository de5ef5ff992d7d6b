import { useQuery } from '@tanstack/react-query';
import { getErrorCode } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PropertyList } from '../components/PropertyList.js';
import { formatDateTime } from '../format/formatDateTime.js';
import type { PersonLookup } from './getPersonLookup.js';
import { toPersonInput } from './toPersonInput.js';
import { UnlinkDeviceButton } from './UnlinkDeviceButton.js';

const time = (ms: number) => <time dateTime={new Date(ms).toISOString()}>{formatDateTime(ms)}</time>;

/**
 * A person's profile: their latest `identify` traits, first and last seen over every
 * touchpoint (not only the timeline's first 10,000), the identity graph (which event
 * joined each device to the user, and when; editors can unlink a device joined by
 * mistake) and the journey map's stages they reached. Absent for a person without
 * touchpoints.
 */
export function PersonProfileCard({
  projectId,
  lookup,
  mayUnlink,
}: {
  projectId: string;
  lookup: PersonLookup;
  mayUnlink: boolean;
}) {
  const trpc = useTRPC();
  const { limit: _, ...input } = toPersonInput(projectId, lookup);
  const query = useQuery(trpc.journeys.personProfile.queryOptions(input, { retry: false }));
  if (query.isPending) return null;
  if (query.isError) {
    // No touchpoints (a person with identifies only): the timeline says the rest.
    if (getErrorCode(query.error) === 'NOT_FOUND') return null;
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  }
  const profile = query.data;
  return (
    <section class="card person" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <dl class="facts">
        <dt>Traits</dt>
        <dd>
          <PropertyList properties={profile.traits} />
          {profile.traitsUpdatedAt !== null && (
            <span class="muted"> as of {time(profile.traitsUpdatedAt)}</span>
          )}
        </dd>
        <dt>First seen</dt>
        <dd>{time(profile.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd>{time(profile.lastSeen)}</dd>
        <dt>Ids joined</dt>
        <dd>
          {profile.links.length === 0 ? (
            <span class="muted">one device, never identified</span>
          ) : (
            <ul class="links" aria-label="How each device joined the user">
              {profile.links.map((link, index) => (
                <li key={`${link.anonymousId}:${link.eventId}`}>
                  <code>{link.anonymousId}</code> → <code>{link.userId}</code>{' '}
                  <span class="muted">
                    by {link.eventType === 'identify' ? 'identify' : `“${link.eventName}”`} on{' '}
                    {time(link.timestamp)}
                  </span>
                  {/* One button per device: unlinking undoes each of its links to the user. */}
                  {mayUnlink &&
                    profile.links.findIndex((other) => other.anonymousId === link.anonymousId) === index && (
                      <>
                        {' '}
                        <UnlinkDeviceButton
                          projectId={projectId}
                          anonymousId={link.anonymousId}
                          userId={link.userId}
                        />
                      </>
                    )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Stages reached</dt>
        <dd>
          {profile.stages.length === 0 ? <span class="muted">none yet</span> : profile.stages.join(', ')}
        </dd>
      </dl>
    </section>
  );
}
