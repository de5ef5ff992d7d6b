import { TouchpointPicker } from '../components/TouchpointPicker.js';

export interface ConversionPickerProps {
  projectId: string;
  /** The touchpoint that counts as a conversion now; none: the journey map's decision stage. */
  value: string | undefined;
  onChange: (name: string | undefined) => void;
}

/** Which touchpoint counts as a conversion: a name with suggestions, or the journey map's default. */
export function ConversionPicker(props: ConversionPickerProps) {
  return (
    <TouchpointPicker
      {...props}
      id="conversion-name"
      label="Conversion touchpoint"
      placeholder="the decision stage"
      help="Leave empty to count the touchpoints of the journey map’s decision stage."
    />
  );
}
