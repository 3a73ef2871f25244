/** Command-line options of the scene scripts (preview, frameRate). */

/** Takes `--name value` out of `args` (mutated), or gives the fallback when it is absent. */
export function takeOption(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1] ?? fallback;
  args.splice(i, 2);
  return v;
}
