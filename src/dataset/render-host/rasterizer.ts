/**
 * Which rasterizer draws the frames: a GPU when the browser finds one, else a software one.
 * Two software rasterizers give headless WebGL2 on a machine without a GPU:
 *   llvmpipe     Mesa's, through ANGLE's OpenGL ES over EGL backend (Debian: libegl-mesa0,
 *                libgl1-mesa-dri); multi-threaded and JIT-compiled with LLVM
 *   swiftshader  Chromium's own (being retired upstream; WebGL on it needs
 *                --enable-unsafe-swiftshader)
 * Measured side by side on a 2-core machine (docs/frames.md): llvmpipe draws catalog scenes
 * 1.5-2x faster than SwiftShader, so `auto` tries it first. On a machine with a GPU, ANGLE's
 * EGL backend reaches the GPU driver, so the same first try gives the GPU.
 * Pixels may differ between rasterizers (the renderer is recorded with each dataset); labels do not.
 */

export type RasterizerKind = 'gpu' | 'llvmpipe' | 'swiftshader';
export type RasterizerChoice = RasterizerKind | 'auto';

export const RASTERIZER_CHOICES: readonly RasterizerChoice[] = ['auto', 'gpu', 'llvmpipe', 'swiftshader'];

/** Chromium switches that select each rasterizer. */
export const RASTERIZER_FLAGS: Record<RasterizerKind, readonly string[]> = {
  // ANGLE over the system's EGL: the GPU driver when there is one, Mesa's llvmpipe when not.
  llvmpipe: ['--use-gl=angle', '--use-angle=gl-egl'],
  swiftshader: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  // Chromium's default choice (a GPU), falling back to SwiftShader where it has none.
  gpu: ['--enable-unsafe-swiftshader'],
};

/** Launch flag sets to try, in order, for a choice. */
export function launchOrder(choice: RasterizerChoice): RasterizerKind[] {
  switch (choice) {
    case 'auto':
      return ['llvmpipe', 'gpu'];
    default:
      return [choice];
  }
}

/** What a WebGL renderer string (UNMASKED_RENDERER_WEBGL) says about the rasterizer; null: no WebGL2. */
export function rasterizerOf(glRenderer: string | null): RasterizerKind | null {
  if (!glRenderer || /no webgl/i.test(glRenderer)) return null;
  if (/llvmpipe|softpipe/i.test(glRenderer)) return 'llvmpipe';
  if (/swiftshader/i.test(glRenderer)) return 'swiftshader';
  return 'gpu';
}

/** The choice from a flag or ROADSYNTH_RASTERIZER; throws with the accepted values on anything else. */
export function rasterizerChoice(given: string | undefined, env: NodeJS.ProcessEnv = process.env): RasterizerChoice {
  const value = (given ?? env.ROADSYNTH_RASTERIZER ?? 'auto').trim().toLowerCase();
  if ((RASTERIZER_CHOICES as readonly string[]).includes(value)) return value as RasterizerChoice;
  const source = given !== undefined ? '--rasterizer' : 'ROADSYNTH_RASTERIZER';
  throw new Error(`${source}: unknown rasterizer "${value}"; use one of ${RASTERIZER_CHOICES.join(', ')}`);
}

/** The browser gave no WebGL2 (or not the rasterizer asked for); the message says what to install or set. */
export class NoWebGLError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoWebGLError';
  }
}

/** Whether a probed renderer satisfies a choice: `auto` takes any WebGL2, an explicit kind only itself. */
export function accepts(choice: RasterizerChoice, tried: RasterizerKind, got: RasterizerKind | null): boolean {
  if (got === null) return false;
  if (choice === 'auto') return true;
  if (tried === 'llvmpipe') return got === 'llvmpipe';
  if (tried === 'swiftshader') return got === 'swiftshader';
  return got === 'gpu';
}

export function noWebGLMessage(choice: RasterizerChoice, seen: string[]): string {
  return (
    `No usable WebGL2 for rendering (rasterizer: ${choice}; the browser reported: ${seen.join(' | ') || 'nothing'}).\n` +
    '  For Mesa llvmpipe (fastest without a GPU): apt-get install libegl-mesa0 libgl1-mesa-dri\n' +
    '  Or choose another: ROADSYNTH_RASTERIZER=auto|gpu|llvmpipe|swiftshader'
  );
}
