import { lazy, Suspense } from 'react';

// The Markdown renderer is a third of the app's code and only the task dialog needs it: it
// loads when first shown, and the board itself opens without it.
const Markdown = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

/** Markdown, shown as plain text for the moment its renderer takes to load. */
export function LazyMarkdown({ text, className }: { text: string; className?: string }) {
  return (
    <Suspense
      fallback={
        <div className={`markdown markdown-loading ${className ?? ''}`} dir="auto">
          {text}
        </div>
      }
    >
      <Markdown text={text} className={className} />
    </Suspense>
  );
}
