import type { Funnel } from '../api/types.js';
import { describeFunnelSettings } from './describeFunnelSettings.js';

/** The rules these figures were counted under, shown with every funnel. */
export function FunnelSettingsList({ settings }: { settings: Funnel['settings'] }) {
  return (
    <section class="card" aria-labelledby="funnel-settings-heading">
      <h2 id="funnel-settings-heading">How this was counted</h2>
      <dl class="funnel-settings">
        {describeFunnelSettings(settings).map(([term, description]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
