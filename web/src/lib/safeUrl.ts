// Links in people's Markdown: web and mail only.
const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** The URL when it is http, https or mailto; otherwise nothing (javascript:, data:, relative paths…). */
export function safeUrl(url: string): string {
  try {
    return allowedProtocols.has(new URL(url).protocol) ? url : '';
  } catch {
    return '';
  }
}
