import type { Friction } from '../api/types.js';
import { formatGap } from '../format/formatGap.js';
import { FrictionTable } from './FrictionTable.js';

/** The three friction lists: loops, repeated support contacts and long waits. */
export function FrictionFigures({ projectId, friction }: { projectId: string; friction: Friction }) {
  return (
    <>
      <section class="card" aria-labelledby="loops-heading">
        <h2 id="loops-heading">Loops</h2>
        <FrictionTable
          projectId={projectId}
          caption="A → B → A"
          columns={['Back to', 'After']}
          occurrences="Loops"
          empty="No loops in this range."
          rows={friction.loops.map((loop) => ({
            key: `${loop.from}\0${loop.via}`,
            cells: [loop.from, loop.via],
            ...loop,
          }))}
        />
      </section>
      <section class="card" aria-labelledby="repeats-heading">
        <h2 id="repeats-heading">Repeated contacts</h2>
        <FrictionTable
          projectId={projectId}
          caption="Support touchpoints again within 7 days"
          columns={['Touchpoint', 'Channel']}
          occurrences="Repeats"
          empty="No support touchpoint repeated within 7 days in this range."
          rows={friction.repeatedContacts.map((contact) => ({
            key: `${contact.name}\0${contact.channel ?? ''}`,
            cells: [contact.name, contact.channel ?? 'any'],
            ...contact,
          }))}
        />
      </section>
      <section class="card" aria-labelledby="waits-heading">
        <h2 id="waits-heading">Long waits</h2>
        <FrictionTable
          projectId={projectId}
          caption="Waits above the 90th percentile of their transition"
          columns={['From', 'To', 'Transitions', '90th percentile']}
          occurrences="Long waits"
          empty="No wait above its transition’s 90th percentile in this range."
          rows={friction.longWaits.map((wait) => ({
            key: `${wait.from}\0${wait.to}`,
            cells: [wait.from, wait.to, wait.transitions, formatGap(wait.p90Ms)],
            ...wait,
          }))}
        />
      </section>
    </>
  );
}
