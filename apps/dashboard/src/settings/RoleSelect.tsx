import { ROLE_LABELS } from '../access/can.js';
import type { Role } from '../api/types.js';

/** The roles in the order they are offered, most powerful first. */
const ROLES = Object.keys(ROLE_LABELS) as Role[];

export interface RoleSelectProps {
  id: string;
  /** The accessible name, when no visible label is next to it (a table cell). */
  label?: string;
  value: Role;
  disabled?: boolean;
  onChange: (role: Role) => void;
}

/** A role picker: owner, analyst, privacy officer, viewer. */
export function RoleSelect({ id, label, value, disabled, onChange }: RoleSelectProps) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
