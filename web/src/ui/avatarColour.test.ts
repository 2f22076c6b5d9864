import { describe, expect, it } from 'vitest';
import { avatarColour, avatarHue } from './avatarColour';

describe('avatarColour', () => {
  it('is the same for a user every time', () => {
    expect(avatarColour('0b9a6c1e-3f52-4c0e-9a57-2f1d5b7e8c01')).toBe(avatarColour('0b9a6c1e-3f52-4c0e-9a57-2f1d5b7e8c01'));
  });

  it('tells two known people apart, even with ids that differ only at the end', () => {
    expect(avatarHue('0b9a6c1e-3f52-4c0e-9a57-2f1d5b7e8c01')).not.toBe(avatarHue('0b9a6c1e-3f52-4c0e-9a57-2f1d5b7e8c02'));
  });

  it('spreads a sample of people over many hues', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `019b2c4e-7d10-7000-8000-00000000000${i}`);
    expect(new Set(ids.map(avatarHue)).size).toBeGreaterThanOrEqual(6);
    const many = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    expect(new Set(many.map(avatarHue)).size).toBeGreaterThanOrEqual(20);
  });
});
