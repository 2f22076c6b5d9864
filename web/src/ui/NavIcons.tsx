// Icons of the filter bar and search, drawn like the others in Icon.tsx.
import { Svg } from './Icon';

export const SearchIcon = () => (
  <Svg>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Svg>
);

export const FilterIcon = () => (
  <Svg>
    <path d="M3 5h18l-7 8v6l-4 2v-8Z" />
  </Svg>
);

export const ChevronDownIcon = () => (
  <Svg>
    <path d="m6 9 6 6 6-6" />
  </Svg>
);
