// A task's comment thread, live: everyone who can see the board may comment (VIEWERs too);
// authors edit and delete their own, OWNERs delete any.
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Comment } from '../../../api/types';
import { commentProblem, MAX_COMMENT } from '../../../lib/limits';
import type { BoardState } from '../../../store/boardState';
import { addComment, deleteComment, editComment, loadComments } from '../../../store/mutations';
import { Avatar } from '../../Avatar';
import { confirmAction } from '../../confirm';
import { LazyMarkdown as Markdown } from '../../LazyMarkdown';
import { absoluteTime, relativeTime, useNow } from '../../time';
import { useBoardContext } from '../BoardContext';

export function Comments({ taskId, board }: { taskId: string; board: BoardState }) {
  const { store, me } = useBoardContext();
  const thread = board.comments[taskId];
  const [failed, setFailed] = useState(false);
  const now = useNow();
  const isOwner = board.members[me.id]?.role === 'OWNER';

  // Loads when missing: on opening, and again after a reset dropped the thread.
  const missing = thread === undefined;
  useEffect(() => {
    if (!missing || failed) return;
    void loadComments(store, taskId).then((ok) => setFailed(!ok));
  }, [missing, failed, store, taskId]);

  return (
    <section className="detail-section">
      <h3 className="field-label">Comments</h3>
      {failed ? (
        <p className="form-error" role="alert">
          Couldn’t load the comments. Check your connection, then{' '}
          <button type="button" className="link-button" onClick={() => setFailed(false)}>
            try again
          </button>
          .
        </p>
      ) : !thread?.loaded ? (
        <p className="muted">Loading comments…</p>
      ) : thread.comments.length === 0 ? (
        <p className="muted detail-empty">No comments yet.</p>
      ) : null}
      {thread && thread.comments.length > 0 && (
        <ol className="comments">
          {thread.comments.map((comment) => (
            <CommentView key={comment.id} comment={comment} now={now} mine={comment.author.id === me.id} mayDelete={comment.author.id === me.id || isOwner} />
          ))}
        </ol>
      )}
      <CommentForm
        label="Add a comment"
        submit="Post comment"
        onSubmit={(body) => {
          void addComment(store, taskId, body, me);
          return true;
        }}
      />
    </section>
  );
}

function CommentView({ comment, now, mine, mayDelete }: { comment: Comment; now: number; mine: boolean; mayDelete: boolean }) {
  const { store } = useBoardContext();
  const [editing, setEditing] = useState(false);
  const remove = async () => {
    const ok = await confirmAction('Delete comment?', mine ? 'Your comment will be deleted for everyone.' : `${comment.author.name}’s comment will be deleted for everyone.`, 'Delete comment');
    if (ok) void deleteComment(store, comment.taskId, comment.id);
  };

  return (
    <li className="comment" aria-label={`Comment by ${comment.author.name}`}>
      <Avatar user={comment.author} size="sm" />
      <div className="comment-main">
        <p className="comment-head">
          <strong dir="auto">{comment.author.name}</strong>{' '}
          <time className="muted" dateTime={comment.createdAt} title={absoluteTime(comment.createdAt)}>
            {relativeTime(comment.createdAt, now)}
          </time>
          {comment.editedAt && (
            <span className="muted" title={`Edited ${absoluteTime(comment.editedAt)}`}>
              {' '}
              · edited
            </span>
          )}
        </p>
        {editing ? (
          <CommentForm
            label="Edit comment"
            submit="Save comment"
            initial={comment.body}
            onCancel={() => setEditing(false)}
            onSubmit={(body) => {
              setEditing(false);
              if (body.trim() !== comment.body) void editComment(store, comment.taskId, comment.id, body);
              return true;
            }}
          />
        ) : (
          <Markdown text={comment.body} className="comment-body" />
        )}
        {!editing && (mine || mayDelete) && (
          <p className="comment-actions">
            {mine && (
              <button type="button" className="link-button" onClick={() => setEditing(true)}>
                Edit<span className="visually-hidden"> your comment</span>
              </button>
            )}
            {mayDelete && (
              <button type="button" className="link-button link-danger" onClick={() => void remove()}>
                Delete<span className="visually-hidden"> comment by {comment.author.name}</span>
              </button>
            )}
          </p>
        )}
      </div>
    </li>
  );
}

interface CommentFormProps {
  label: string;
  submit: string;
  initial?: string;
  /** Takes the body; true clears the form. */
  onSubmit(body: string): boolean;
  onCancel?(): void;
}

/** A Markdown text box: Ctrl+Enter (or the button) sends, Escape cancels an edit. */
function CommentForm({ label, submit, initial = '', onSubmit, onCancel }: CommentFormProps) {
  const [body, setBody] = useState(initial);
  const [tried, setTried] = useState(false);
  const messageId = useId();
  const problem = commentProblem(body);
  const shown = problem && (tried || body.trim() !== '') ? problem : null;
  const nearLimit = body.length > MAX_COMMENT - 500;

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (problem) {
      setTried(true);
      return;
    }
    setTried(false);
    if (onSubmit(body)) setBody('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send(event);
    else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className="comment-form" onSubmit={send} noValidate>
      <textarea
        className="input textarea"
        rows={initial ? 4 : 3}
        dir="auto"
        aria-label={label}
        placeholder={initial ? undefined : 'Write a comment… (Markdown; Ctrl+Enter to post)'}
        value={body}
        aria-invalid={shown !== null}
        aria-describedby={shown || nearLimit ? messageId : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        // oxlint-disable-next-line jsx-a11y/no-autofocus -- an edit opens where the user clicked
        autoFocus={initial !== ''}
      />
      {(shown || nearLimit) && (
        <p id={messageId} className={shown ? 'field-error' : 'field-hint'}>
          {shown ?? `${body.length.toLocaleString('en-US')} of ${MAX_COMMENT.toLocaleString('en-US')} characters.`}
        </p>
      )}
      <div className="comment-form-actions">
        {onCancel && (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-small button-primary">
          {submit}
        </button>
      </div>
    </form>
  );
}
