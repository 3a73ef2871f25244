import { describe, expect, it } from 'vitest';
import { cursorPlace, ITEM } from '../../src/renderer/editor/yamlPath.js';

/** The place at the `|` in `text`. */
function at(text: string): ReturnType<typeof cursorPlace> {
  const offset = text.indexOf('|');
  return cursorPlace(text.replace('|', ''), offset);
}

describe('cursorPlace', () => {
  it('is at a root key on an empty document', () => {
    expect(at('|')).toMatchObject({ path: [], at: 'key', word: '' });
  });

  it('follows nested mappings by indentation', () => {
    expect(at('version: 1\nroad:\n  lanes:\n    forw|')).toMatchObject({ path: ['road', 'lanes'], at: 'key', word: 'forw' });
  });

  it('is at a value after `key: `', () => {
    expect(at('actors:\n  - id: a\n    kind: |')).toMatchObject({ path: ['actors', ITEM], at: 'value', key: 'kind' });
  });

  it('follows lists written without indentation under their key', () => {
    expect(at('actors:\n- id: a\n  behaviours:\n    - do: cross\n      gait: |').path).toEqual(['actors', ITEM, 'behaviours', ITEM]);
  });

  it('treats a new list item on the cursor line as an item of the parent list', () => {
    expect(at('actors:\n  - |')).toMatchObject({ path: ['actors', ITEM], at: 'key' });
  });

  it('skips flow mappings and deeper siblings above the cursor', () => {
    expect(at('ego:\n  place: { lane: 1 }\n  camera:\n    widthPx: 3\n  kind: |')).toMatchObject({ path: ['ego'], at: 'value', key: 'kind' });
  });

  it('ignores comments and blank lines above', () => {
    expect(at('weather:\n  # the rain\n\n  ra|').path).toEqual(['weather']);
  });
});
