import type { LabelColor } from '../../../api/types';

/** Each colour's name, as the colour pickers say it. */
export const colourNames: Record<LabelColor, string> = {
  GRAY: 'Gray',
  RED: 'Red',
  ORANGE: 'Orange',
  YELLOW: 'Yellow',
  GREEN: 'Green',
  TEAL: 'Teal',
  BLUE: 'Blue',
  PURPLE: 'Purple',
  PINK: 'Pink',
};
