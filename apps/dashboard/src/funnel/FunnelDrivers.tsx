import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { FunnelDriver, FunnelInput } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { formatPropertyValue } from '../format/formatPropertyValue.js';
import { formatLift } from './formatLift.js';

/** Which drivers are asked for: from step `step` to the next, with one property's values among the candidates. */
export interface DriversChoice {
  step: number;
  property?: string | undefined;
}

export interface FunnelDriversProps {
  funnel: FunnelInput;
  choice: DriversChoice;
  onChoose: (choice: DriversChoice) => void;
}

function DriverName({ driver }: { driver: FunnelDriver }) {
  if (driver.kind === 'channel')
    return (
      <>
        Channel <ChannelBadge channel={driver.name} />
      </>
    );
  if (driver.kind === 'touchpoint') return <>Did “{driver.name}”</>;
  return (
    <>
      <code>{driver.name}</code> = {driver.value === undefined ? '' : formatPropertyValue(driver.value)}
    </>
  );
}

/**
 * Conversion drivers: of the persons who reached a step, what they had before the
 * next one (touchpoints, channels, a property's values) that goes with going on, or
 * not: persons with it, the conversion with and without it, and the lift.
 */
export function FunnelDrivers({ funnel, choice, onChoose }: FunnelDriversProps) {
  const trpc = useTRPC();
  const [property, setProperty] = useState(choice.property ?? '');
  const { breakdown: _breakdown, ...asked } = funnel;
  const query = useQuery(
    trpc.journeys.funnelDrivers.queryOptions({
      ...asked,
      step: choice.step,
      ...(choice.property ? { properties: [choice.property] } : {}),
    }),
  );
  const from = funnel.steps[choice.step - 1]?.name;
  const to = funnel.steps[choice.step]?.name;
  return (
    <section class="card funnel-drivers" aria-labelledby="funnel-drivers-heading">
      <h2 id="funnel-drivers-heading">What goes with converting</h2>
      <form
        class="form-row"
        aria-label="Conversion drivers"
        onSubmit={(event) => {
          event.preventDefault();
          onChoose({ step: choice.step, property: property.trim() || undefined });
        }}
      >
        <div class="field">
          <label for="drivers-step">From</label>
          <select
            id="drivers-step"
            value={String(choice.step)}
            onChange={(event) => onChoose({ ...choice, step: Number(event.currentTarget.value) })}
          >
            {funnel.steps.slice(0, -1).map((step, index) => (
              <option key={index} value={String(index + 1)}>
                step {index + 1} to {index + 2} ({step.name} → {funnel.steps[index + 1]!.name})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="drivers-property">Also compare the values of</label>
          <input
            id="drivers-property"
            autoComplete="off"
            spellcheck={false}
            placeholder="a property, e.g. plan"
            value={property}
            onInput={(event) => setProperty(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button-secondary">
          Compare
        </button>
      </form>
      {query.isPending && (
        <p class="notice" role="status">
          Comparing those who went on with those who did not…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <p class="funnel-drivers-summary">
            Of <strong>{formatCount(query.data.persons)}</strong> persons who reached “{from}”,{' '}
            <strong>{formatCount(query.data.converted)}</strong> reached “{to}”. Compared: what each had from
            the start of their funnel until “{to}”, or until their window closed.
          </p>
          {query.data.drivers.length === 0 ? (
            <p class="muted">Nothing sets those who went on apart from the others.</p>
          ) : (
            <TableScroll label="Conversion drivers">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">Before “{to}”</th>
                    <th scope="col" class="num">
                      Persons
                    </th>
                    <th scope="col" class="num">
                      Converted with it
                    </th>
                    <th scope="col" class="num">
                      Without it
                    </th>
                    <th scope="col" class="num">
                      Lift
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.drivers.map((driver) => (
                    <tr key={`${driver.kind} ${driver.name} ${JSON.stringify(driver.value)}`}>
                      <th scope="row">
                        <DriverName driver={driver} />
                      </th>
                      <td class="num">{formatCount(driver.persons)}</td>
                      <td class="num">
                        {formatPercent(driver.conversionRate)}{' '}
                        <span class="muted">({formatCount(driver.converted)})</span>
                      </td>
                      <td class="num">{formatPercent(driver.conversionRateWithout)}</td>
                      <td class={driver.lift > 0 ? 'num lift-up' : 'num lift-down'}>
                        {formatLift(driver.lift)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}
