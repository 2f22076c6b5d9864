import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';
import { boardNamesFor, searchTasks, type FoundTask } from '../api/findQueries';
import { navigate, taskPath } from '../routing/router';
import { CloseIcon } from './Icon';
import { SearchIcon } from './NavIcons';

type Answer =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; text: string; results: FoundTask[]; boards: Map<string, string> }
  | { status: 'failed'; message: string };

const debounceMs = 250;

/**
 * Server search from the top bar (a combobox: type, arrow keys through the results, Enter opens
 * one, Escape closes the list and then empties the box). On a phone it folds into a button.
 */
export function HeaderSearch() {
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [unfolded, setUnfolded] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-result-${index}`;
  const query = text.trim();

  useEffect(() => {
    if (query === '') return;
    let current = true;
    const timer = setTimeout(() => {
      setAnswer({ status: 'searching' });
      searchTasks(query, 20)
        .then(async (results) => {
          const boards = await boardNamesFor(results.map((r) => r.boardId));
          if (current) setAnswer({ status: 'done', text: query, results, boards });
        })
        .catch((error: unknown) => {
          if (current) setAnswer({ status: 'failed', message: `Search failed. ${describeError(error)} Press Enter to try again.` });
        });
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, attempt]);

  const results = answer.status === 'done' && answer.text === query ? answer.results : [];
  const showList = open && query !== '';

  const change = (value: string) => {
    setText(value);
    setActive(-1);
    setOpen(true);
    if (value.trim() === '') setAnswer({ status: 'idle' });
  };

  const choose = (task: FoundTask) => {
    setOpen(false);
    setActive(-1);
    setUnfolded(false);
    input.current?.blur();
    navigate(taskPath(task.boardId, task.id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => (results.length === 0 ? -1 : Math.min(i + 1, results.length - 1)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => (i <= 0 ? (results.length === 0 ? -1 : 0) : i - 1));
        break;
      case 'Enter':
        event.preventDefault();
        if (answer.status === 'failed') setAttempt((n) => n + 1);
        else if (results.length > 0) choose(results[active >= 0 ? active : 0]);
        break;
      case 'Escape':
        event.preventDefault();
        if (showList) setOpen(false);
        else if (text !== '') change('');
        else setUnfolded(false);
        setActive(-1);
        break;
    }
  };

  return (
    <div className={`header-search ${unfolded ? 'header-search-open' : ''}`}>
      <button
        type="button"
        className="icon-button header-search-toggle"
        aria-label="Search tasks"
        aria-expanded={unfolded}
        onClick={() => {
          setUnfolded(true);
          // The field appears in this render; focus it once it is there.
          requestAnimationFrame(() => input.current?.focus());
        }}
      >
        <SearchIcon />
      </button>
      <div className="header-search-field">
        <SearchIcon />
        <input
          ref={input}
          type="text"
          className="input header-search-input"
          role="combobox"
          aria-label="Search tasks on all your boards"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          placeholder="Search tasks…"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => change(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <button type="button" className="icon-button header-search-close" aria-label="Close search" onClick={() => { change(''); setUnfolded(false); }}>
          <CloseIcon />
        </button>
        <div className="search-popup" hidden={!showList}>
          <ul id={listId} role="listbox" aria-label="Tasks found" className="search-results">
            {results.map((task, index) => (
              <li
                key={task.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="search-result"
                // Keep the focus in the box, so the click lands before the list closes.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(task)}
                onMouseMove={() => setActive(index)}
              >
                <span className="search-result-title" dir="auto">{task.title}</span>
                <span className="search-result-board muted" dir="auto">{answer.status === 'done' ? (answer.boards.get(task.boardId) ?? 'A board') : ''}</span>
              </li>
            ))}
          </ul>
          <p className="search-message muted" role="status">
            {answer.status === 'searching' || (answer.status === 'done' && answer.text !== query) || answer.status === 'idle'
              ? 'Searching…'
              : answer.status === 'failed'
                ? answer.message
                : results.length === 0
                  ? `No tasks match “${query}”. Try other words, or fewer.`
                  : results.length === 1
                    ? '1 task found. Use the arrow keys and Enter to open it.'
                    : `${results.length} tasks found. Use the arrow keys and Enter to open one.`}
          </p>
        </div>
      </div>
    </div>
  );
}
