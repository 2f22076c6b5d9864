import { useEffect, useMemo, useState } from 'react';
import type { User } from '../../api/types';
import { canEdit } from '../../api/types';
import { Link } from '../../routing/Link';
import { useBoardSession, useBoardView } from '../../store/useBoardSession';
import { BoardCanvas } from './BoardCanvas';
import { BoardContext, type BoardContextValue } from './BoardContext';
import { BoardToolbar } from './BoardToolbar';
import { LabelManager } from './detail/LabelManager';
import { MembersDialog } from './MembersDialog';
import { TaskDialog } from './TaskDialog';

export function BoardPage({ boardId, me }: { boardId: string; me: User }) {
  const store = useBoardSession(boardId, me.id);
  const view = useBoardView(store);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const [membersOpen, setMembersOpen] = useState(false);
  const [labelsOpen, setLabelsOpen] = useState(false);
  const board = view?.board;
  const editable = canEdit(board?.members[me.id]?.role);

  useEffect(() => {
    document.title = board?.name ? `${board.name} · Kanban` : 'Kanban';
  }, [board?.name]);

  const context = useMemo<BoardContextValue | null>(
    () => (store ? { store, me, editable, openTask: setOpenTaskId } : null),
    [store, me, editable],
  );

  if (!store || !view || !board || !context || board.status === 'loading') {
    return (
      <main className="board-page">
        <p className="muted page-message">Loading board…</p>
      </main>
    );
  }
  if (board.status !== 'ready') {
    const message = {
      missing: 'This board does not exist, or you are not one of its members.',
      deleted: 'This board was deleted.',
      removed: 'You are no longer a member of this board.',
    }[board.status];
    return (
      <main className="page">
        <div className="empty" role="alert">
          <p>{message}</p>
          <Link href="/" className="button">
            Back to your boards
          </Link>
        </div>
      </main>
    );
  }

  return (
    <BoardContext.Provider value={context}>
      <main className="board-page">
        <BoardToolbar view={view} onMembers={() => setMembersOpen(true)} onLabels={() => setLabelsOpen(true)} />
        <BoardCanvas view={view} />
        {openTaskId && <TaskDialog taskId={openTaskId} view={view} onClose={() => setOpenTaskId(null)} />}
        {membersOpen && <MembersDialog view={view} onClose={() => setMembersOpen(false)} />}
        {labelsOpen && <LabelManager board={board} onClose={() => setLabelsOpen(false)} />}
      </main>
    </BoardContext.Provider>
  );
}
