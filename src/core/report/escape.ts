const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML/XML content and quoted attributes. Every captured value goes through this:
 * a beacon parameter is data, never markup. Characters XML 1.0 forbids are replaced too.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * C0 and C1 controls, DEL, and the invisible formatting characters that reorder or hide text: bidi
 * embeddings, overrides and isolates, marks, zero-width characters, line and paragraph separators.
 */
const UNSAFE_IN_TERMINAL =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/**
 * Makes captured text inert on a terminal: each control or bidi character is shown as its escape
 * (`\x1b`, `\u202e`), so an OSC title, a hyperlink, a clear-screen, BEL, CR or a right-to-left override
 * in a beacon is printed, never obeyed. Every captured value goes through this before the text report;
 * colours come only from the tool.
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE_IN_TERMINAL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
