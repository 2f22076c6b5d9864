// What a card shows of its task's detail: labels, due date, checklist progress, comments, assignees.
import type { Label, Member, Task } from '../../../api/types';
import { dueSentence, dueStatus, formatDueDate } from '../../../lib/dates';
import { Avatar } from '../../Avatar';
import { AlertIcon, CalendarIcon, CheckSquareIcon, CommentIcon, TextIcon } from '../../Icon';
import { LabelChip } from './LabelChip';

/** At most this many avatars on a card; the rest are counted. */
const MAX_AVATARS = 3;

export function CardLabels({ task, labels }: { task: Task; labels: Record<string, Label> }) {
  const shown = task.labelIds.map((id) => labels[id]).filter((l): l is Label => l !== undefined);
  if (shown.length === 0) return null;
  return (
    <ul className="card-labels" aria-label="Labels">
      {shown.map((label) => (
        <li key={label.id}>
          <LabelChip label={label} small />
        </li>
      ))}
    </ul>
  );
}

/** A due date: "Overdue", "Today" or the date on a card; `long` says the whole sentence (the dialog). */
export function DueBadge({ dueDate, long }: { dueDate: string; long?: boolean }) {
  const status = dueStatus(dueDate);
  const word = long ? dueSentence(dueDate) : status === 'overdue' ? 'Overdue' : status === 'today' ? 'Today' : formatDueDate(dueDate);
  return (
    <span className={`due-badge due-${status}`} title={dueSentence(dueDate)}>
      {status === 'upcoming' ? <CalendarIcon /> : <AlertIcon />}
      <span aria-hidden="true">{word}</span>
      <span className="visually-hidden">{dueSentence(dueDate)}</span>
    </span>
  );
}

export function CardDetails({ task, members }: { task: Task; members: Record<string, Member> }) {
  const done = task.checklist.filter((i) => i.done).length;
  const total = task.checklist.length;
  const assignees = task.assigneeIds.map((id) => members[id]?.user).filter((u) => u !== undefined);
  return (
    <>
      {task.description && (
        <span className="card-has-description" title="Has a description">
          <TextIcon />
          <span className="visually-hidden">Has a description</span>
        </span>
      )}
      {task.dueDate && <DueBadge dueDate={task.dueDate} />}
      {total > 0 && (
        <span className={`card-stat ${done === total ? 'card-stat-done' : ''}`} title={`Checklist: ${done} of ${total} done`}>
          <CheckSquareIcon />
          <span aria-hidden="true">
            {done}/{total}
          </span>
          <span className="visually-hidden">
            Checklist: {done} of {total} done
          </span>
        </span>
      )}
      {task.commentCount > 0 && (
        <span className="card-stat" title={task.commentCount === 1 ? '1 comment' : `${task.commentCount} comments`}>
          <CommentIcon />
          <span aria-hidden="true">{task.commentCount}</span>
          <span className="visually-hidden">{task.commentCount === 1 ? '1 comment' : `${task.commentCount} comments`}</span>
        </span>
      )}
      {assignees.length > 0 && (
        <span className="card-assignees" role="group" aria-label={`Assigned to ${assignees.map((u) => u.name).join(', ')}`}>
          {assignees.slice(0, MAX_AVATARS).map((user) => (
            <Avatar key={user.id} user={user} size="xs" />
          ))}
          {assignees.length > MAX_AVATARS && (
            <span className="avatar avatar-xs avatar-more" aria-hidden="true">
              +{assignees.length - MAX_AVATARS}
            </span>
          )}
        </span>
      )}
    </>
  );
}
