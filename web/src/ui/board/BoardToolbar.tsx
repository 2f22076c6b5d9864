import { useState } from 'react';
import type { BoardView } from '../../store/boardStore';
import { renameBoard } from '../../store/mutations';
import { Link } from '../../routing/Link';
import { PencilIcon, TagIcon, UsersIcon } from '../Icon';
import { InlineEdit } from '../InlineEdit';
import { titleProblem } from '../../lib/limits';
import { useBoardContext } from './BoardContext';
import { Presence } from './Presence';

export function BoardToolbar({ view, onMembers, onLabels }: { view: BoardView; onMembers(): void; onLabels(): void }) {
  const { store, me } = useBoardContext();
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
      <button type="button" className="button button-small" onClick={onLabels}>
        <TagIcon /> Labels
      </button>
      <button type="button" className="button button-small" onClick={onMembers}>
        <UsersIcon /> Members <span className="muted">{memberCount}</span>
      </button>
    </div>
  );
}
