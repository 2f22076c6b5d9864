import { useState, useSyncExternalStore } from 'react';
import type { BoardStore, BoardView } from '../../store/boardStore';
import { redo, renameBoard, undo } from '../../store/mutations';
import { describe, nextRedo, nextUndo } from '../../store/undo';
import { Link } from '../../routing/Link';
import { HistoryIcon, PencilIcon, RedoIcon, TagIcon, TrashIcon, UndoIcon, UsersIcon } from '../Icon';
import { InlineEdit } from '../InlineEdit';
import { titleProblem } from '../../lib/limits';
import { useBoardContext } from './BoardContext';
import { Presence } from './Presence';

interface BoardToolbarProps {
  view: BoardView;
  onMembers(): void;
  onLabels(): void;
  onActivity(): void;
  onTrash(): void;
}

export function BoardToolbar({ view, onMembers, onLabels, onActivity, onTrash }: BoardToolbarProps) {
  const { store, me, editable } = useBoardContext();
  const { board } = view;
  const role = board.members[me.id]?.role;
  const [name, setName] = useState<string | null>(null);
  const memberCount = Object.keys(board.members).length;

  return (
    <div className="board-toolbar">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/" className="crumb-link">
          Boards
        </Link>
        <span aria-hidden="true" className="crumb-sep">
          /
        </span>
      </nav>
      {name !== null ? (
        <InlineEdit
          label="Board name"
          className="board-name-input"
          validate={(text) => titleProblem(text, 'name')}
          value={name}
          onChange={setName}
          onSave={(value) => {
            setName(null);
            if (value.trim() && value.trim() !== board.name) void renameBoard(store, value);
          }}
          onCancel={() => setName(null)}
        />
      ) : (
        <h1 className="board-name" dir="auto">{board.name}</h1>
      )}
      {role === 'OWNER' && name === null && (
        <button type="button" className="icon-button" aria-label="Rename board" title="Rename board" onClick={() => setName(board.name)}>
          <PencilIcon />
        </button>
      )}
      {role === 'VIEWER' && <span className="role-badge role-viewer">Read only</span>}
      <span className="spacer" />
      <Presence viewers={view.presence} meId={me.id} />
      {editable && <UndoButtons store={store} />}
      <button type="button" className="button button-small" onClick={onActivity}>
        <HistoryIcon /> Activity
      </button>
      <button type="button" className="button button-small" onClick={onTrash}>
        <TrashIcon /> Trash
      </button>
      <button type="button" className="button button-small" onClick={onLabels}>
        <TagIcon /> Labels
      </button>
      <button type="button" className="button button-small" onClick={onMembers}>
        <UsersIcon /> Members <span className="muted">{memberCount}</span>
      </button>
    </div>
  );
}

/** Undo and Redo, each saying what it would do ("Undo: move “Fix login”"); disabled with nothing to do. */
function UndoButtons({ store }: { store: BoardStore }) {
  const stack = useSyncExternalStore(store.history.subscribe, store.history.getSnapshot);
  const toUndo = nextUndo(stack);
  const toRedo = nextRedo(stack);
  return (
    <span className="undo-buttons" role="group" aria-label="Undo and redo">
      <button
        type="button"
        className="icon-button"
        aria-label="Undo"
        title={toUndo ? `Undo: ${describe(toUndo)} (Ctrl+Z)` : 'Nothing to undo'}
        disabled={!toUndo}
        onClick={() => void undo(store)}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Redo"
        title={toRedo ? `Redo: ${describe(toRedo)} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        disabled={!toRedo}
        onClick={() => void redo(store)}
      >
        <RedoIcon />
      </button>
    </span>
  );
}
