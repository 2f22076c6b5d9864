// The board's labels: create, rename, recolour, delete (EDITORs and OWNERs; others read).
import { useId, useState, type FormEvent } from 'react';
import { labelColors, type Label, type LabelColor } from '../../../api/types';
import { labelNameProblem } from '../../../lib/limits';
import type { BoardState } from '../../../store/boardState';
import { createLabel, deleteLabel, updateLabel } from '../../../store/mutations';
import { orderedLabels } from '../../../store/taskDetail';
import { confirmAction } from '../../confirm';
import { Dialog } from '../../Dialog';
import { useBoardContext } from '../BoardContext';
import { LabelChip } from './LabelChip';
import { colourNames } from './labelColours';

function ColourSelect({ value, onChange, label }: { value: LabelColor; onChange(color: LabelColor): void; label: string }) {
  return (
    <select className="input select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as LabelColor)}>
      {labelColors.map((c) => (
        <option key={c} value={c}>
          {colourNames[c]}
        </option>
      ))}
    </select>
  );
}

export function LabelManager({ board, onClose }: { board: BoardState; onClose(): void }) {
  const { store, editable } = useBoardContext();
  const labels = orderedLabels(board);
  const [name, setName] = useState('');
  const [color, setColor] = useState<LabelColor>('BLUE');
  const [tried, setTried] = useState(false);
  const problemId = useId();
  const problem = labelNameProblem(name);
  const shown = problem && (tried || name.trim() !== '') ? problem : null;

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (problem) {
      setTried(true);
      return;
    }
    setTried(false);
    void createLabel(store, name, color);
    setName('');
  };

  return (
    <Dialog title="Labels" onClose={onClose}>
      {labels.length === 0 ? (
        <p className="muted">This board has no labels yet.</p>
      ) : (
        <ul className="label-rows">
          {labels.map((label) => (
            <LabelRow key={label.id} label={label} editable={editable} />
          ))}
        </ul>
      )}
      {editable ? (
        <form className="label-create" onSubmit={create} noValidate>
          <h3 className="field-label">New label</h3>
          <div className="label-row-edit">
            <input
              className="input"
              aria-label="New label name"
              placeholder="e.g. Bug"
              dir="auto"
              value={name}
              aria-invalid={shown !== null}
              aria-describedby={shown ? problemId : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <ColourSelect label="New label colour" value={color} onChange={setColor} />
            <button type="submit" className="button button-primary">
              Create label
            </button>
          </div>
          {shown && (
            <p id={problemId} className="field-error">
              {shown}
            </p>
          )}
        </form>
      ) : (
        <p className="field-hint">Only editors and owners change labels.</p>
      )}
    </Dialog>
  );
}

function LabelRow({ label, editable }: { label: Label; editable: boolean }) {
  const { store } = useBoardContext();
  const [name, setName] = useState<string | null>(null);
  const problemId = useId();
  const problem = name === null ? null : labelNameProblem(name);

  if (!editable) {
    return (
      <li className="label-row">
        <LabelChip label={label} />
        <span className="muted">{colourNames[label.color]}</span>
      </li>
    );
  }

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name === null || problem) return;
    if (name.trim() !== label.name) void updateLabel(store, label.id, { name });
    setName(null);
  };
  const remove = async () => {
    const ok = await confirmAction('Delete label?', `“${label.name}” will be taken off every task of this board, for everyone.`, 'Delete label');
    if (ok) void deleteLabel(store, label.id);
  };

  return (
    <li className="label-row">
      <div className="label-row-head">
        <LabelChip label={{ name: name?.trim() || label.name, color: label.color }} />
        <button type="button" className="button button-small button-danger-ghost" onClick={() => void remove()}>
          Delete<span className="visually-hidden"> label {label.name}</span>
        </button>
      </div>
      <form className="label-row-edit" onSubmit={rename} noValidate>
        <input
          className="input"
          dir="auto"
          aria-label={`Name of label ${label.name}`}
          value={name ?? label.name}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onChange={(e) => setName(e.target.value)}
          onBlur={(e) => rename(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && name !== null) {
              e.preventDefault();
              e.stopPropagation();
              setName(null);
            }
          }}
        />
        <ColourSelect label={`Colour of label ${label.name}`} value={label.color} onChange={(c) => void updateLabel(store, label.id, { color: c })} />
      </form>
      {problem && (
        <p id={problemId} className="field-error">
          {problem}
        </p>
      )}
    </li>
  );
}
