/** Vite imports a file's text with `?raw` (the studio bundles docs/grammar.md this way). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
