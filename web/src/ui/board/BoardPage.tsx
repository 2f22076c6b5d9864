import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../../api/types';
import { canEdit } from '../../api/types';
import { localToday } from '../../lib/dates';
import { Link } from '../../routing/Link';
import { boardPath, navigate, taskPath, useSearch } from '../../routing/router';
import { emptyFilter, filterToSearch, isFilterOn, parseFilter, taskMatcher, type TaskFilter } from '../../store/taskFilter';
import { useBoardSession, useBoardView } from '../../store/useBoardSession';
import { useKeptBoard } from '../../offline/useKeptBoard';
import { useSmallStore } from '../../lib/smallStore';
import { isOfflineSession, session } from '../../store/session';
import { BoardCanvas } from './BoardCanvas';
import { BoardContext, type BoardContextValue } from './BoardContext';
import { BoardToolbar } from './BoardToolbar';
import { LabelManager } from './detail/LabelManager';
import { FilterBar } from './FilterBar';
import { ActivityPanel } from './history/ActivityPanel';
import { TrashDialog } from './history/TrashDialog';
import { MembersDialog } from './MembersDialog';
import { TaskDialog } from './TaskDialog';
import { useUndoKeys } from './useUndoKeys';

/** The performance mark of a board first shown with its columns and cards; its detail is `{ boardId }`. */
export const boardShownMark = 'kanban:board-shown';

/** Set on the history entry of a task opened from the board, so closing it goes Back to the board. */
interface OpenedFromBoard {
  openedFromBoard: true;
}

const openedFromBoard = () => (history.state as OpenedFromBoard | null)?.openedFromBoard === true;

/**
 * A board at /boards/{id}, with its filter in the query string; at /boards/{id}/tasks/{taskId}
 * with that task's dialog open. Opening a task adds a history entry, so Back closes it.
 */
export function BoardPage({ boardId, taskId, me }: { boardId: string; taskId: string | null; me: User }) {
  const store = useBoardSession(boardId, me.id);
  const view = useBoardView(store);
  const kept = useKeptBoard(store, me);
  const offline = isOfflineSession(useSmallStore(session));
  const [membersOpen, setMembersOpen] = useState(false);
  const [labelsOpen, setLabelsOpen] = useState(false);
  const [activityOpen, setActivityOpen] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);
  // The task of this URL was seen on the board: if it goes, it was deleted while open (the dialog says so).
  const [seenTaskId, setSeenTaskId] = useState<string | null>(null);
  const board = view?.board;
  const editable = canEdit(board?.members[me.id]?.role);
  useUndoKeys(store, editable && board?.status === 'ready');
  const search = useSearch();
  const filter = useMemo(() => parseFilter(search), [search]);
  const labels = board?.labels;
  const members = board?.members;
  const visible = useMemo(
    () =>
      isFilterOn(filter) && labels && members
        ? taskMatcher(filter, { me: me.id, today: localToday(), labelIds: new Set(Object.keys(labels)), memberIds: new Set(Object.keys(members)) })
        : null,
    [filter, labels, members, me.id],
  );

  const openTask = useCallback(
    (id: string) => navigate(taskPath(boardId, id) + location.search, { scroll: false, state: { openedFromBoard: true } satisfies OpenedFromBoard }),
    [boardId],
  );
  const closeTask = useCallback(() => {
    if (openedFromBoard()) history.back();
    else navigate(boardPath(boardId) + location.search, { replace: true, scroll: false });
  }, [boardId]);
  const changeFilter = useCallback(
    (next: TaskFilter, typing = false) => navigate(location.pathname + filterToSearch(next), { replace: typing, scroll: false, state: history.state }),
    [],
  );
  const clearFilter = useCallback(() => changeFilter(emptyFilter), [changeFilter]);

  const task = taskId ? board?.tasks[taskId] : undefined;
  if (task && seenTaskId !== taskId) setSeenTaskId(taskId);

  useEffect(() => {
    document.title = board?.name ? `${board.name} · Kanban` : 'Kanban';
  }, [board?.name]);

  // The page's own timing, for a browser test (or DevTools) to read: one mark the first time a
  // board's columns and cards are on screen, i.e. after the render that applied its snapshot
  // (the children's effects have run, so the whole board is in the document) has been painted.
  const ready = board?.status === 'ready';
  const markedBoard = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || markedBoard.current === boardId) return;
    markedBoard.current = boardId;
    // The next frame's callback runs before that frame is painted; a task queued from it runs
    // after the paint, which is when a person sees the board.
    requestAnimationFrame(() => setTimeout(() => performance.mark(boardShownMark, { detail: { boardId } })));
  }, [ready, boardId]);

  const context = useMemo<BoardContextValue | null>(
    () => (store ? { store, me, editable, openTask, clearFilter } : null),
    [store, me, editable, openTask, clearFilter],
  );

  if (board?.status === 'loading' && offline && kept === 'none') {
    return (
      <main className="page">
        <div className="empty" role="status">
          <p>This board hasn’t been opened on this device yet; it will load when you’re back online.</p>
          <Link href="/" className="button">
            Back to your boards
          </Link>
        </div>
      </main>
    );
  }
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

  const linkedTaskMissing = taskId !== null && !task && seenTaskId !== taskId;
  const total = Object.keys(board.tasks).length;
  const shown = visible ? Object.values(board.tasks).filter(visible).length : total;

  return (
    <BoardContext.Provider value={context}>
      <main className="board-page">
        <BoardToolbar
          view={view}
          onMembers={() => setMembersOpen(true)}
          onLabels={() => setLabelsOpen(true)}
          onActivity={() => setActivityOpen(true)}
          onTrash={() => setTrashOpen(true)}
        />
        <FilterBar board={board} me={me} filter={filter} onChange={changeFilter} shown={shown} total={total} />
        {linkedTaskMissing && (
          <div className="notice board-notice" role="alert">
            <p>The task in this link is not on this board: it was deleted, or it never existed. Here is the board.</p>
            <button type="button" className="button button-small" onClick={() => navigate(boardPath(boardId) + location.search, { replace: true, scroll: false })}>
              Dismiss
            </button>
          </div>
        )}
        <BoardCanvas view={view} visible={visible} />
        {taskId && !linkedTaskMissing && <TaskDialog key={taskId} taskId={taskId} view={view} onClose={closeTask} />}
        {membersOpen && <MembersDialog view={view} onClose={() => setMembersOpen(false)} />}
        {labelsOpen && <LabelManager board={board} onClose={() => setLabelsOpen(false)} />}
        {activityOpen && <ActivityPanel onClose={() => setActivityOpen(false)} />}
        {trashOpen && <TrashDialog onClose={() => setTrashOpen(false)} />}
      </main>
    </BoardContext.Provider>
  );
}
