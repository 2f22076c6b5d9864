import { useEffect, useState, type FormEvent } from 'react';
import type { BoardSummary, User } from '../api/types';
import { Link } from '../routing/Link';
import { boardPath, navigate } from '../routing/router';
import { boardList, loadBoards, sortBoards } from '../store/boardList';
import { useListedBoards } from '../store/useListedBoards';
import { followBoardList } from '../store/followBoardList';
import { keepBoardList } from '../offline/keptBoardList';
import { createBoard, deleteBoard, renameBoardInList } from '../store/mutations';
import { confirmAction } from './confirm';
import { BoardIcon, PencilIcon, TrashIcon } from './Icon';
import { InlineEdit } from './InlineEdit';
import { titleProblem } from '../lib/limits';

const roleLabel = { OWNER: 'Owner', EDITOR: 'Editor', VIEWER: 'Viewer' } as const;

export function BoardsPage({ me }: { me: User }) {
  const { boards, error, waiting } = useListedBoards();
  const [name, setName] = useState('');

  useEffect(() => {
    document.title = 'Boards · Kanban';
    void loadBoards(me);
    const unfollow = followBoardList(me);
    const unkeep = keepBoardList(boardList, me.id);
    return () => {
      unfollow();
      unkeep();
    };
  }, [me]);

  const problem = titleProblem(name, 'name');
  const invalid = problem !== null && name.trim() !== '';
  const create = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    setName('');
    // Open at once, online or not: the board shows before the server has it, and whatever is
    // done on it waits behind the create.
    navigate(boardPath(createBoard(name)));
  };

  return (
    <main className="page">
      <div className="page-head">
        <h1 className="page-title">Your boards</h1>
        <form className="inline-form" onSubmit={create}>
          <input
            className="input"
            aria-label="New board name"
            placeholder="New board name"
            dir="auto"
            aria-invalid={invalid}
            aria-describedby={invalid ? 'new-board-problem' : undefined}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button className="button button-primary" type="submit" disabled={problem !== null}>
            Create board
          </button>
          {invalid && (
            <p id="new-board-problem" className="field-error inline-form-error">
              {problem}
            </p>
          )}
        </form>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {boards === null && !error && <p className="muted">Loading…</p>}
      {boards?.length === 0 && (
        <div className="empty">
          <BoardIcon size={32} />
          <p>No boards yet. Name your first one above.</p>
        </div>
      )}
      {boards && boards.length > 0 && (
        <ul className="board-grid">
          {sortBoards(boards).map((board) => (
            <BoardTile key={board.id} board={board} waiting={waiting.has(board.id)} />
          ))}
        </ul>
      )}
    </main>
  );
}

function BoardTile({ board, waiting }: { board: BoardSummary; waiting: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const isOwner = board.role === 'OWNER';

  const remove = async () => {
    if (await confirmAction('Delete board?', `“${board.name}” and all its columns and tasks will be deleted for everyone.`, 'Delete board')) {
      void deleteBoard(board);
    }
  };

  return (
    <li className="board-tile">
      {editing !== null ? (
        <InlineEdit
          label="Board name"
          validate={(text) => titleProblem(text, 'name')}
          value={editing}
          onChange={setEditing}
          onSave={(value) => {
            setEditing(null);
            if (value.trim() && value.trim() !== board.name) void renameBoardInList(board, value);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Link href={boardPath(board.id)} className="board-tile-link">
          <span className="board-tile-name" dir="auto">
            {board.name}
          </span>
        </Link>
      )}
      <div className="board-tile-meta">
        <span className={`role-badge role-${board.role?.toLowerCase() ?? 'none'}`}>{board.role ? roleLabel[board.role] : 'Member'}</span>
        <span className="muted">{board.memberCount === 1 ? '1 member' : `${board.memberCount} members`}</span>
        {waiting && <span className="board-tile-waiting">Waiting to sync</span>}
        {isOwner && editing === null && (
          <span className="board-tile-actions">
            <button type="button" className="icon-button" aria-label={`Rename board ${board.name}`} title="Rename" onClick={() => setEditing(board.name)}>
              <PencilIcon />
            </button>
            <button type="button" className="icon-button icon-button-danger" aria-label={`Delete board ${board.name}`} title="Delete" onClick={() => void remove()}>
              <TrashIcon />
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
