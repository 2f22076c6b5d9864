import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { safeUrl } from '../lib/safeUrl';
import { Markdown } from './Markdown';

describe('safeUrl', () => {
  it('keeps web and mail links only', () => {
    expect(safeUrl('https://example.com/a?b')).toBe('https://example.com/a?b');
    expect(safeUrl('mailto:ana@example.com')).toBe('mailto:ana@example.com');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,<script>')).toBe('');
    expect(safeUrl('/relative')).toBe('');
  });
});

describe('Markdown', () => {
  const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

  it('renders bold, lists and safe links', () => {
    const out = html('**bold**\n\n- one\n- two\n\n[site](https://example.com) [bad](javascript:alert(1))');
    expect(out).toContain('<strong>bold</strong>');
    expect(out).toMatch(/<ul>\s*<li dir="auto">one<\/li>/);
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">site</a>');
    expect(out).not.toContain('javascript:');
  });

  it('shows raw HTML as text', () => {
    const out = html('<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
