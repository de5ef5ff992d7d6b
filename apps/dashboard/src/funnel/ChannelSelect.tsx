import { KNOWN_CHANNELS } from '../format/getChannelBadge.js';

export interface ChannelSelectProps {
  id: string;
  /** Absent: any channel. */
  value: string | undefined;
  onChange: (channel: string | undefined) => void;
}

/** A channel, or any channel: the known ones, and the current one if it is not among them. */
export function ChannelSelect({ id, value, onChange }: ChannelSelectProps) {
  return (
    <select
      id={id}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
    >
      <option value="">Any channel</option>
      {KNOWN_CHANNELS.map((channel) => (
        <option key={channel} value={channel}>
          {channel}
        </option>
      ))}
      {value && !(KNOWN_CHANNELS as readonly string[]).includes(value) && (
        <option value={value}>{value}</option>
      )}
    </select>
  );
}
