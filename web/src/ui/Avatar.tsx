import type { User } from '../api/types';
import { avatarColour } from './avatarColour';
import { initials } from './initials';

export function Avatar({ user, size = 'md' }: { user: User; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: avatarColour(user.id) }} role="img" aria-label={user.name} title={user.name}>
      {initials(user.name)}
    </span>
  );
}
