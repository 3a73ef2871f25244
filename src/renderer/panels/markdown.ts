/**
 * A small Markdown reader for the studio's help pages (docs/grammar.md): headings (with the
 * anchors GitHub gives them), paragraphs, fenced code, tables, lists, quotes, inline code,
 * bold, italics, links, `<a id>` anchors; HTML comments are skipped. Everything is built as DOM nodes with text content, never HTML
 * strings, so a document cannot inject markup. Links inside the page scroll to their heading;
 * other relative links are shown as text, absolute ones open in a new tab.
 */
import { h } from '../dom.js';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
export function anchorOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\([^)\s]+\))|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)/;

/** Inline markup of one line of text as nodes. */
function inline(text: string, onAnchor: (id: string) => void): Node[] {
  const out: Node[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push(document.createTextNode(rest));
      break;
    }
    if (m.index > 0) out.push(document.createTextNode(rest.slice(0, m.index)));
    const t = m[0];
    if (m[1]) out.push(h('code', {}, t.slice(1, -1)));
    else if (m[2]) out.push(h('strong', {}, ...inline(t.slice(2, -2), onAnchor)));
    else if (m[3]) {
      const [, label = '', href = ''] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(t) ?? [];
      if (href.startsWith('#')) {
        const id = href.slice(1);
        const a = h('a', { href, 'data-anchor': id }, ...inline(label, onAnchor));
        a.addEventListener('click', (e) => {
          e.preventDefault();
          onAnchor(id);
        });
        out.push(a);
      } else if (/^https?:\/\//.test(href)) out.push(h('a', { href, target: '_blank', rel: 'noopener' }, ...inline(label, onAnchor)));
      else out.push(h('span', { class: 'doc-ref', title: href }, ...inline(label, onAnchor)));
    } else out.push(h('em', {}, ...inline(t.slice(1, -1), onAnchor)));
    rest = rest.slice(m.index + t.length);
  }
  return out;
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** The document as a list of block elements. `onAnchor` is called for in-page links. */
export function renderMarkdown(source: string, onAnchor: (id: string) => void): HTMLElement[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const out: HTMLElement[] = [];
  let i = 0;
  const isBlockStart = (l: string): boolean => /^(#{1,6}\s|```|\s*[-*]\s|\s*\d+\.\s|>|\|)/.test(l);
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const anchor = /^<a id="([^"]+)"><\/a>\s*$/.exec(line);
    if (anchor) {
      out.push(h('span', { 'data-anchor': anchor[1] as string }));
      i++;
      continue;
    }
    if (line.trim().startsWith('<!--')) {
      while (i < lines.length && !(lines[i] as string).includes('-->')) i++;
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = (heading[2] as string).trim();
      const tag = `h${Math.min(6, (heading[1] as string).length + 1)}` as 'h2';
      out.push(h(tag, { id: `grammar-${anchorOf(text)}`, 'data-anchor': anchorOf(text) }, ...inline(text, onAnchor)));
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).startsWith('```')) code.push(lines[i++] as string);
      i++;
      out.push(h('pre', {}, h('code', {}, code.join('\n'))));
      continue;
    }
    if (line.trim().startsWith('|') && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1] as string)) {
      const head = cells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] as string).trim().startsWith('|')) rows.push(cells(lines[i++] as string));
      out.push(
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, ...inline(c, onAnchor))))),
          h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, ...inline(c, onAnchor)))))),
        ),
      );
      continue;
    }
    const item = /^\s*(?:[-*]|\d+\.)\s+/;
    if (item.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const list = h(ordered ? 'ol' : 'ul', {});
      while (i < lines.length && item.test(lines[i] as string)) {
        let text = (lines[i++] as string).replace(item, '');
        // Continuation lines of the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i] as string) && !item.test(lines[i] as string)) text += ` ${(lines[i++] as string).trim()}`;
        list.append(h('li', {}, ...inline(text, onAnchor)));
      }
      out.push(list);
      continue;
    }
    if (line.startsWith('>')) {
      const quote: string[] = [];
      while (i < lines.length && (lines[i] as string).startsWith('>')) quote.push((lines[i++] as string).replace(/^>\s?/, ''));
      out.push(h('blockquote', {}, ...inline(quote.join(' '), onAnchor)));
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== '' && (para.length === 0 || !isBlockStart(lines[i] as string))) para.push((lines[i++] as string).trim());
    out.push(h('p', {}, ...inline(para.join(' '), onAnchor)));
  }
  return out;
}
