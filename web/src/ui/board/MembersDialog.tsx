import { useState, type FormEvent } from 'react';
import { describeUnknownUser } from '../../api/errors';
import type { Member, Role } from '../../api/types';
import type { BoardView } from '../../store/boardStore';
import { addMember, changeRole, removeMember } from '../../store/mutations';
import { navigate } from '../../routing/router';
import { Avatar } from '../Avatar';
import { confirmAction } from '../confirm';
import { Dialog } from '../Dialog';
import { useBoardContext } from './BoardContext';

const roles: { value: Role; label: string; hint: string }[] = [
  { value: 'OWNER', label: 'Owner', hint: 'manages the board and its members' },
  { value: 'EDITOR', label: 'Editor', hint: 'changes columns and tasks' },
  { value: 'VIEWER', label: 'Viewer', hint: 'reads only' },
];
const roleOrder: Record<Role, number> = { OWNER: 0, EDITOR: 1, VIEWER: 2 };
const label = (role: Role) => roles.find((r) => r.value === role)!.label;

export function MembersDialog({ view, onClose }: { view: BoardView; onClose(): void }) {
  const { store, me } = useBoardContext();
  const members = Object.values(view.board.members).sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.user.name.localeCompare(b.user.name));
  const isOwner = view.board.members[me.id]?.role === 'OWNER';
  // A board keeps at least one owner: the last one cannot leave (the server would refuse).
  const lastOwner = isOwner && members.filter((m) => m.role === 'OWNER').length === 1;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [busy, setBusy] = useState(false);
  /** Why the last email could not be added, and what to do; the email stays for a fix. */
  const [refusal, setRefusal] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const typed = email.trim();
    if (!typed) return;
    setBusy(true);
    setRefusal(null);
    const added = await addMember(store, typed, role, () => setRefusal(describeUnknownUser(typed)));
    setBusy(false);
    if (added) setEmail('');
  };

  const remove = async (member: Member) => {
    const self = member.user.id === me.id;
    const ok = await confirmAction(
      self ? 'Leave board?' : 'Remove member?',
      self ? 'You will no longer see this board.' : `${member.user.name} will no longer see this board.`,
      self ? 'Leave board' : 'Remove',
    );
    if (!ok) return;
    await removeMember(store, member.user.id);
    if (self && !(me.id in store.confirmed.members)) navigate('/');
  };

  return (
    <Dialog title="Members" onClose={onClose} className="dialog-wide">
      <ul className="member-list">
        {members.map((member) => {
          const self = member.user.id === me.id;
          return (
            <li key={member.user.id} className="member-row">
              <Avatar user={member.user} />
              <span className="member-name" dir="auto">
                {member.user.name}
                {self && <span className="muted"> (you)</span>}
              </span>
              {isOwner ? (
                <select
                  className="input select"
                  aria-label={`Role of ${member.user.name}`}
                  value={member.role}
                  onChange={(e) => void changeRole(store, member, e.target.value as Role)}
                >
                  {roles.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              ) : (
                <span className={`role-badge role-${member.role.toLowerCase()}`}>{label(member.role)}</span>
              )}
              {(isOwner || self) && !(self && lastOwner) && (
                <button type="button" className="button button-small button-danger-ghost" onClick={() => void remove(member)}>
                  {self ? 'Leave' : 'Remove'}
                  {!self && <span className="visually-hidden"> {member.user.name}</span>}
                </button>
              )}
            </li>
          );
        })}
      </ul>

      {isOwner && (
        <form className="member-add" onSubmit={add}>
          <h3 className="field-label">Add a member, or change a role by email</h3>
          <div className="member-add-row">
            <input
              className="input"
              type="email"
              required
              aria-label="Email"
              placeholder="name@example.com"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setRefusal(null);
              }}
            />
            <select className="input select" aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-primary" disabled={busy || !email.trim()}>
              Add
            </button>
          </div>
          {refusal && (
            <p className="form-error" role="alert" dir="auto">
              {refusal}
            </p>
          )}
          <p className="field-hint">{roles.map((r) => `${r.label}: ${r.hint}`).join(' · ')}.</p>
        </form>
      )}
    </Dialog>
  );
}
