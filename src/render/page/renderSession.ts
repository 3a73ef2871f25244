/**
 * One page's renderer and loaded scene. For each requested tick: pose the scene, draw the
 * passes, compute labels from the instance buffer, encode PNGs. The scene stays loaded between
 * frames of one instance (same key).
 */
import * as THREE from 'three';
import type { SceneRig } from '../../scene/types.js';
import type { FrameLabels, ObjectLabel } from '../types.js';
import type { Antialias, PageFrameRequest, PageFrameResult, PageScene } from '../request.js';
import { cameraModel, threeToKittiCamera, threeToRect } from '../cameraModel.js';
import { RgbPass } from '../passes/rgbPass.js';
import { IdTargets, LABEL_ATTACHMENT, renderInto } from '../passes/idTargets.js';
import { SceneOverride } from '../passes/sceneOverride.js';
import { unoccludedPixels } from '../passes/unoccludedPixels.js';
import { scanIds } from '../labels/idStats.js';
import { objectContrast } from '../labels/contrast.js';
import { objectGeometry, objectLabel, type LabelFrames } from '../labels/objectLabel.js';
import { pixelUnion } from '../labels/projectedBox.js';
import { EncoderPool } from './encoderPool.js';
import type { EncodeJob, Encoded } from './pngEncoderScope.js';
import { PixelPool } from './pixelPool.js';

/** A loaded scene: the rig plus what the session needs to know about it. */
export interface LoadedScene {
  rig: SceneRig;
  widthPx: number;
  heightPx: number;
  seed: number;
  /** Simulation step [s], for timeS in labels. */
  dtS: number;
  antialias: Antialias;
}

export type SceneLoader = (scene: PageScene) => Promise<LoadedScene>;

export class RenderSession {
  private renderer!: THREE.WebGLRenderer;
  /** Whether the current canvas is multisampled (null: no canvas yet); fixed at context creation. */
  private canvasMsaa: boolean | null = null;
  private loaded: (LoadedScene & { key: string }) | null = null;
  private rgb: RgbPass | null = null;
  private targets: IdTargets | null = null;
  private readonly override = new SceneOverride();
  private readonly encoder = new EncoderPool();
  /** Buffers of the readbacks the encoders take. */
  private readonly pixelPool = new PixelPool();
  private scratch = new Uint8Array(0);
  private rgbPixels = new Uint8Array(0);
  private readonly onePixel = new Uint8Array(4);

  constructor(private readonly loadScene: SceneLoader) {}

  /**
   * A WebGL canvas, multisampled only for 'msaa' (FXAA antialiases in the post pass: a software
   * rasterizer pays 2.5x the scene's cost for a multisampled canvas, measured under llvmpipe).
   * Multisampling is fixed at context creation, so a change needs a new canvas.
   */
  private ensureCanvas(msaa: boolean): void {
    if (this.canvasMsaa === msaa) return;
    if (this.canvasMsaa !== null) {
      this.override.dispose();
      this.renderer.dispose();
    }
    this.canvasMsaa = msaa;
    // Kept out of the document: nothing composites it, frames are read back right after drawing.
    const canvas = document.createElement('canvas');
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: msaa, alpha: false, preserveDrawingBuffer: false });
    this.renderer.setPixelRatio(1);
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.renderer.toneMapping = THREE.ACESFilmicToneMapping;
    this.renderer.shadowMap.enabled = true;
    this.renderer.shadowMap.type = THREE.PCFShadowMap;
    // Shadow maps are redrawn by the RGB pass only; id passes reuse them untouched.
    this.renderer.shadowMap.autoUpdate = false;
  }

  loadedKey(): string | null {
    return this.loaded?.key ?? null;
  }

  async load(scene: PageScene): Promise<void> {
    if (this.loaded?.key === scene.key) return;
    this.unload();
    const l = await this.loadScene(scene);
    this.loaded = { ...l, key: scene.key };
    this.ensureCanvas(l.antialias === 'msaa');
    this.renderer.setSize(l.widthPx, l.heightPx, false);
    this.rgb = new RgbPass(l.widthPx, l.heightPx, l.antialias === 'fxaa');
    this.targets = new IdTargets(l.widthPx, l.heightPx);
    this.scratch = new Uint8Array(l.widthPx * l.heightPx * 4);
    this.rgbPixels = new Uint8Array(l.widthPx * l.heightPx * 4);
  }

  private unload(): void {
    // Buffers of this scene's size: another scene may have another.
    this.pixelPool.clear();
    this.loaded?.rig.dispose();
    this.rgb?.dispose();
    this.targets?.dispose();
    this.loaded = null;
    this.rgb = null;
    this.targets = null;
  }

  private need(): { l: LoadedScene; rgb: RgbPass; targets: IdTargets } {
    if (!this.loaded || !this.rgb || !this.targets) throw new Error('render page: no scene loaded (call load first)');
    return { l: this.loaded, rgb: this.rgb, targets: this.targets };
  }

  /**
   * The RGB pass into the canvas, the same look as an exported frame (shadow maps, camera
   * effects), without readback, ids or encoding; returns its time [ms]. `sceneOnly` draws
   * the plain scene without camera effects (what this measured before: a different look).
   */
  renderOnly(tick: number, sceneOnly = false): number {
    const { l, rgb } = this.need();
    const t0 = performance.now();
    l.rig.setTick(tick);
    if (sceneOnly) rgb.drawScene(this.renderer, l.rig, true);
    else if (rgb.render(this.renderer, l.rig, tick, l.seed)) this.finishTarget();
    this.finish();
    return performance.now() - t0;
  }

  /** finish() for the bound render target (the post pass output). */
  private finishTarget(): void {
    const { rgb } = this.need();
    const target = rgb.outputTarget;
    this.renderer.readRenderTargetPixels(target, 0, 0, 1, 1, this.onePixel);
  }

  /** Waits for the GPU: reading one pixel blocks until drawing is done, so timings are honest. */
  private finish(): void {
    const gl = this.renderer.getContext();
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, this.onePixel);
  }

  async render(req: PageFrameRequest): Promise<{ labels: FrameLabels; images: Encoded['pngs']; timingsMs: PageFrameResult['timingsMs'] }> {
    const { l, rgb, targets } = this.need();
    const { rig } = l;
    const timingsMs: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      timingsMs[name] = (timingsMs[name] ?? 0) + now - t;
      t = now;
    };
    const images: Encoded['pngs'] = {};
    const want = new Set(req.passes);
    const pending: Promise<unknown>[] = [];
    const deferred: (() => Promise<void>)[] = [];
    const frameStart = t;
    /** A pool buffer holding a copy of `pixels`. */
    const copyOf = (pixels: Uint8Array): Uint8Array => {
      const copy = this.pixelPool.take(pixels.length);
      copy.set(pixels);
      return copy;
    };
    /**
     * Hands a readback to the encoder workers: at once, so it compresses while the next stages
     * draw; when profiling, after the frame's other stages and one image at a time, so that every
     * stage's time is its own. encodeDone.* counts from the frame's start (encodes overlap;
     * instance and semantic, one job, are done together). The buffer comes back to the pool with
     * the PNGs.
     */
    const encode = (job: EncodeJob): void => {
      /** Encodes; returns the pixel buffer the encoder hands back. */
      const run = async (j: EncodeJob): Promise<Uint8Array> => {
        const { pngs, pixels } = await this.encoder.encode(j);
        Object.assign(images, pngs);
        for (const image of j.images) timingsMs[`encodeDone.${image}`] = performance.now() - frameStart;
        return pixels;
      };
      if (!req.profile) pending.push(run(job).then((pixels) => this.pixelPool.give(pixels)));
      else
        deferred.push(async () => {
          let pixels = job.pixels;
          for (const image of job.images) {
            pixels = await run({ ...job, images: [image], pixels });
            lap(`encode.${image}`);
          }
          this.pixelPool.give(pixels);
        });
    };

    const { widthPx: W, heightPx: H } = l;
    rig.setTick(req.tick);
    if (req.profile) {
      this.finish();
      lap('sceneUpdate');
    }
    let haveRgb = false;
    if (want.has('rgb')) {
      this.renderer.setClearColor(0x000000, 1);
      // Profiling waits for the rasterizer after each step, so each gets its own time.
      const rgbLap = req.profile
        ? (stage: string): void => {
            if (stage === 'post') this.finishTarget();
            else this.finish();
            lap(`rgb.${stage}`);
          }
        : undefined;
      const frame = rgb.render(this.renderer, rig, req.tick, l.seed, rgbLap);
      this.finish();
      lap('rgb');
      // Read back and compress off the main thread while the id passes draw. An RGB PNG from
      // the readback is ~40 % smaller than canvas.toBlob's RGBA one and no slower (measured).
      if (frame) {
        this.renderer.readRenderTargetPixels(frame, 0, 0, W, H, this.rgbPixels);
      } else {
        const gl = this.renderer.getContext();
        gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, this.rgbPixels);
      }
      lap('readRgb');
      // The encoder takes a copy: labels read the frame's colours while it compresses.
      encode({ images: ['rgb'], widthPx: W, heightPx: H, pixels: copyOf(this.rgbPixels) });
      haveRgb = true;
      lap('encodeRgbCopy');
    }

    const camera = cameraModel(rig.camera, W, H);
    const frames: LabelFrames = { threeToCamera: threeToKittiCamera(rig.camera), threeToRect: threeToRect(rig.camera) };
    const nearM = rig.camera.near;
    const objects: ObjectLabel[] = [];
    let occlusionMs = 0;
    this.override.apply(rig.scene);
    try {
      // One draw writes the instance ids with the semantic classes, and the depth; each readback
      // goes to its encoder (the first also to the labels).
      renderInto(this.renderer, rig.scene, rig.camera, targets.labels);
      this.readInto(targets.labels, targets.idPixels, LABEL_ATTACHMENT.idsAndSemantic);
      const fromIds = (['instance', 'semantic'] as const).filter((p) => want.has(p));
      if (fromIds.length > 0) encode({ images: fromIds, widthPx: W, heightPx: H, pixels: copyOf(targets.idPixels) });
      if (want.has('depth')) encode({ images: ['depth'], widthPx: W, heightPx: H, pixels: this.readInto(targets.labels, this.pixelPool.take(W * H * 4), LABEL_ATTACHMENT.depth) });
      lap('labelPass');
      const stats = scanIds(targets.idPixels, { x: 0, y: 0, width: W, height: H });
      lap('scan');
      for (const track of rig.tracks) {
        if (track.trackId <= 0) continue; // the ego vehicle (track 0) is not labeled
        const geometry = objectGeometry(track, frames, camera, nearM);
        const seen = stats.get(track.trackId);
        if (!geometry.amodalBox && !seen) continue; // not in this frame
        // The 3D box encloses every mesh of the object, so its projection bounds every pixel it can cover.
        const region = pixelUnion(geometry.amodalBox, seen?.box ?? null, W, H);
        const o0 = performance.now();
        const unoccluded = region ? unoccludedPixels(this.renderer, track.root, track.trackId, rig.camera, targets.ids, region, this.scratch) : 0;
        occlusionMs += performance.now() - o0;
        const appearance = seen && haveRgb ? objectContrast(this.rgbPixels, targets.idPixels, W, H, track.trackId, seen.box) : null;
        const pixels = { visible: seen?.pixels ?? 0, visibleBox: seen?.box ?? null, unoccluded, appearance };
        const label = objectLabel(geometry, frames, camera, nearM, pixels, req.labels);
        if (!(label.lowVisibility && req.labels.dropLowVisibility)) objects.push(label);
      }
      lap('labels');
      timingsMs['labels.occlusionPasses'] = occlusionMs;
    } finally {
      this.override.restore();
    }
    lap('encodeStart');
    for (const run of deferred) await run();
    await Promise.all(pending);
    lap('encodeWait');
    objects.sort((a, b) => a.trackId - b.trackId);
    return {
      labels: { frame: req.frame, tick: req.tick, timeS: req.tick * l.dtS, camera, objects },
      images,
      timingsMs,
    };
  }

  /** Reads attachment `attachment` of `target` into `pixels` (rows bottom-up) and returns them. */
  private readInto(target: THREE.WebGLRenderTarget, pixels: Uint8Array, attachment: number): Uint8Array {
    const { widthPx, heightPx } = this.need().l;
    this.renderer.readRenderTargetPixels(target, 0, 0, widthPx, heightPx, pixels, undefined, attachment);
    return pixels;
  }

  dispose(): void {
    this.unload();
    this.encoder.dispose();
    this.override.dispose();
    this.renderer?.dispose();
  }
}
