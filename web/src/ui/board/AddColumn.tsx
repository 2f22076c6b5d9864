import { draftKey, type Draft } from '../../store/boardState';
import { titleProblem } from '../../lib/limits';
import { createColumn } from '../../store/mutations';
import { PlusIcon } from '../Icon';
import { InlineEdit } from '../InlineEdit';
import { useBoardContext } from './BoardContext';

export function AddColumn({ draft }: { draft: Draft | undefined }) {
  const { store } = useBoardContext();
  const key = draftKey.newColumn;

  if (draft === undefined) {
    return (
      <div className="add-column">
        <button type="button" className="add-button add-column-button" onClick={() => store.setDraft(key, { text: '' })}>
          <PlusIcon /> Add column
        </button>
      </div>
    );
  }

  return (
    <div className="add-column add-column-open">
      <InlineEdit
        label="New column name"
        placeholder="Column name"
        value={draft.text}
        onChange={(text) => store.typeDraft(key, text)}
        validate={(text) => titleProblem(text, 'name')}
        hint="Enter to add (the field stays open for the next one), Escape to close"
        onLeave="keep"
        onSave={(text) => {
          // Stays open for the next column, as adding tasks does.
          store.setDraft(key, { text: '' });
          void createColumn(store, text);
        }}
        onCancel={() => store.setDraft(key, null)}
      />
    </div>
  );
}
