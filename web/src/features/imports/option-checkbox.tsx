import { Checkbox } from '@mantine/core';

type OptionCheckboxProps = {
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
};

/** An import's yes-or-no option (`--dry-run`, `--partial`…). */
export function OptionCheckbox(props: OptionCheckboxProps) {
  return (
    <Checkbox
      label={props.label}
      description={props.description}
      checked={props.checked}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
      disabled={props.disabled}
    />
  );
}
