/** How many hues avatars are spread over: enough that two people rarely share one. */
export const AVATAR_HUES = 24;

/**
 * An avatar's colour, the same for a user everywhere: a hue from an FNV-1a hash of the user
 * id (every character counts, so ids that differ only at the end still differ), at one
 * lightness dark enough for white initials (OKLCH keeps the contrast even across hues).
 */
export function avatarHue(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Mix the high bits down: the low bits of FNV-1a alone vary too little for small moduli.
  hash ^= hash >>> 16;
  return (hash % AVATAR_HUES) * (360 / AVATAR_HUES);
}

export const avatarColour = (userId: string): string => `oklch(47% 0.14 ${avatarHue(userId)})`;
