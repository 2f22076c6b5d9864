import type { User } from '../api/types';
import { initials } from './initials';


/** One of eight colours, the same for a user everywhere. */
function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 8;
}

export function Avatar({ user, size = 'md' }: { user: User; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size} avatar-c${hue(user.id)}`} role="img" aria-label={user.name} title={user.name}>
      {initials(user.name)}
    </span>
  );
}
