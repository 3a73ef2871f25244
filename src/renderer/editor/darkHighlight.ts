/** Syntax colours for the studio's dark editor (CodeMirror's default style is for light backgrounds). */
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

export const darkHighlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: '#7cc7ff' },
  { tag: [t.string, t.special(t.string), t.content], color: '#c3e88d' },
  { tag: [t.number, t.bool, t.null, t.atom], color: '#f78c6c' },
  { tag: [t.keyword, t.definitionKeyword, t.modifier], color: '#c792ea' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: '#6a7585', fontStyle: 'italic' },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace], color: '#aab3c0' },
  { tag: [t.labelName, t.typeName, t.meta], color: '#ffcb6b' },
  { tag: t.invalid, color: '#ff6b6b' },
]);
