import { TouchpointPicker } from '../components/TouchpointPicker.js';

export interface ReturningPickerProps {
  projectId: string;
  /** The touchpoint that counts as coming back now; none: any touchpoint. */
  value: string | undefined;
  onChange: (name: string | undefined) => void;
}

/** Which touchpoint counts as coming back: a name with suggestions, or any touchpoint. */
export function ReturningPicker(props: ReturningPickerProps) {
  return (
    <TouchpointPicker
      {...props}
      id="returning-name"
      label="Returning touchpoint"
      placeholder="any touchpoint"
      help="Leave empty to count any touchpoint as a return."
    />
  );
}
