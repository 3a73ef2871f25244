import { describe, expect, it } from 'vitest';
import { accepts, launchOrder, rasterizerChoice, rasterizerOf } from '../../src/dataset/render-host/rasterizer.js';

describe('rasterizer selection', () => {
  it('reads the rasterizer from WebGL renderer strings', () => {
    expect(rasterizerOf('ANGLE (Mesa/X.org, llvmpipe (LLVM 15.0.6 256 bits), OpenGL ES 3.2)')).toBe('llvmpipe');
    expect(rasterizerOf('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('swiftshader');
    expect(rasterizerOf('ANGLE (NVIDIA Corporation, NVIDIA H200/PCIe/SSE2, OpenGL ES 3.2)')).toBe('gpu');
    expect(rasterizerOf(null)).toBeNull();
  });

  it('auto tries ANGLE over EGL (GPU or llvmpipe) before Chromium default', () => {
    expect(launchOrder('auto')).toEqual(['llvmpipe', 'gpu']);
    expect(launchOrder('swiftshader')).toEqual(['swiftshader']);
  });

  it('an explicit rasterizer refuses a different one, auto takes any WebGL2 but none', () => {
    expect(accepts('llvmpipe', 'llvmpipe', 'swiftshader')).toBe(false);
    expect(accepts('auto', 'llvmpipe', 'swiftshader')).toBe(true);
    expect(accepts('auto', 'gpu', null)).toBe(false);
  });

  it('takes ROADSYNTH_RASTERIZER and rejects unknown names with the accepted ones', () => {
    expect(rasterizerChoice(undefined, { ROADSYNTH_RASTERIZER: 'SwiftShader' })).toBe('swiftshader');
    expect(rasterizerChoice(undefined, {})).toBe('auto');
    expect(() => rasterizerChoice('mesa', {})).toThrow(/auto, gpu, llvmpipe, swiftshader/);
  });
});
