import type { Label } from '../../../api/types';

/** A label as a chip: its name always shows, so the colour is never the only cue. */
export function LabelChip({ label, small }: { label: Pick<Label, 'name' | 'color'>; small?: boolean }) {
  return (
    <span className={`label-chip label-${label.color.toLowerCase()} ${small ? 'label-chip-small' : ''}`} dir="auto" title={`Label: ${label.name}`}>
      {label.name}
    </span>
  );
}
