import { useEffect, useRef, useState } from 'react';
import { describeError } from '../api/errors';
import { boardNamesFor, fetchMyTasks, type FoundTask } from '../api/findQueries';
import { formatDueDate, groupByDue, localToday, type DueBucket } from '../lib/dates';
import { Link } from '../routing/Link';
import { taskPath } from '../routing/router';

type Ready = { status: 'ready'; tasks: FoundTask[]; boards: Map<string, string>; today: string; /** A quiet refresh failed: the list is the last one read. */ stale?: string };
type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | Ready;

const groups: { bucket: DueBucket; title: string }[] = [
  { bucket: 'overdue', title: 'Overdue' },
  { bucket: 'today', title: 'Today' },
  { bucket: 'week', title: 'This week' },
  { bucket: 'later', title: 'Later' },
  { bucket: 'none', title: 'No date' },
];

async function readMyTasks(): Promise<Loaded> {
  try {
    const tasks = await fetchMyTasks(100);
    const boards = await boardNamesFor(tasks.map((t) => t.boardId));
    return { status: 'ready', tasks, boards, today: localToday() };
  } catch (error) {
    return { status: 'failed', message: describeError(error) };
  }
}

/**
 * /my-tasks: the tasks assigned to the caller on every board, by when they are due. Read when
 * the page opens, on Refresh, and again (quietly, the list staying up) whenever the page comes
 * back into view: the window regains focus or the tab becomes visible. It is not pushed live.
 */
export function MyTasksPage() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Every read is numbered and only the latest one's answer is shown, so a slow one never wins.
  const reads = useRef(0);

  useEffect(() => {
    document.title = 'My tasks · Kanban';
    let current = true; // false once left, or read again
    const mine = ++reads.current;
    void readMyTasks().then((answer) => current && mine === reads.current && setLoaded(answer));
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    let mounted = true;
    let reading = false; // focus and visibilitychange often come together: one read for both
    const onBack = () => {
      if (document.visibilityState !== 'visible' || reading) return;
      reading = true;
      const mine = ++reads.current;
      void readMyTasks().then((answer) => {
        reading = false;
        if (!mounted || mine !== reads.current) return;
        // A failed quiet read keeps the list up and says it may be out of date.
        setLoaded((before) => (answer.status === 'failed' && before.status === 'ready' ? { ...before, stale: answer.message } : answer));
      });
    };
    window.addEventListener('focus', onBack);
    document.addEventListener('visibilitychange', onBack);
    return () => {
      mounted = false;
      window.removeEventListener('focus', onBack);
      document.removeEventListener('visibilitychange', onBack);
    };
  }, []);

  const load = () => {
    setLoaded({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <main className="page my-tasks">
      <div className="page-head">
        <h1 className="page-title">My tasks</h1>
        {loaded.status === 'ready' && (
          <button type="button" className="button button-small" onClick={load}>
            Refresh
          </button>
        )}
      </div>
      {loaded.status === 'loading' && <p className="muted">Loading your tasks…</p>}
      {loaded.status === 'failed' && (
        <div className="form-error" role="alert">
          <p>Couldn’t load your tasks. {loaded.message}</p>
          <button type="button" className="button button-small" onClick={load}>
            Try again
          </button>
        </div>
      )}
      {loaded.status === 'ready' && loaded.stale && (
        <p className="muted my-tasks-stale" role="status">
          Couldn’t refresh your tasks: {loaded.stale} This is the list as it was.
        </p>
      )}
      {loaded.status === 'ready' && loaded.tasks.length === 0 && (
        <div className="empty">
          <p>No tasks are assigned to you. Open a task on one of your boards and add yourself as an assignee, and it shows up here.</p>
          <Link href="/" className="button">
            Go to your boards
          </Link>
        </div>
      )}
      {loaded.status === 'ready' && loaded.tasks.length > 0 && <Groups {...loaded} />}
    </main>
  );
}

function Groups({ tasks, boards, today }: { tasks: FoundTask[]; boards: Map<string, string>; today: string }) {
  const grouped = groupByDue(tasks, today);
  return (
    <>
      {groups.map(({ bucket, title }) => {
        const list = grouped.get(bucket);
        if (!list) return null;
        const headingId = `my-tasks-${bucket}`;
        return (
          <section key={bucket} className={`due-group due-group-${bucket}`} aria-labelledby={headingId}>
            <h2 className="due-group-title">
              <span id={headingId}>{title}</span>{' '}
              <span className="muted">
                {list.length}
                <span className="visually-hidden">{list.length === 1 ? ' task' : ' tasks'}</span>
              </span>
            </h2>
            <ul className="found-list">
              {list.map((task) => (
                <li key={task.id}>
                  <Link href={taskPath(task.boardId, task.id)} className="found-item">
                    <span className="found-title" dir="auto">
                      {task.title}
                    </span>
                    <span className="found-meta muted">
                      <span dir="auto">{boards.get(task.boardId) ?? 'A board'}</span>
                      {task.dueDate && (
                        <>
                          {' · '}
                          <span>{bucket === 'overdue' ? 'Was due ' : 'Due '}{formatDueDate(task.dueDate, today, { weekday: true })}</span>
                        </>
                      )}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
