/**
 * The 3D preview: the scenario's scene (built by the same scene builder as exports, at preview
 * quality: shaded per vertex, no antialiasing, the static world's sun shadows from a depth map
 * drawn once; actors and signals drawn in a few batches) in a WebGL canvas, with an orbit
 * camera, the ego camera view (letterboxed to the export framing, with the camera's lens drops,
 * noise and glare) and a top view, plus overlays.
 * Frames are drawn only when something changed, to leave the CPU to the host. Once the view
 * stands, one still frame is drawn with light per fragment (scene/preview/previewLighting.ts):
 * what the export writes, within a few levels of 255.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { buildScene } from '../../scene/buildScene.js';
import { batchActorsAndSignals, type PreviewBatches } from '../../scene/preview/previewBatch.js';
import { PreviewSunShadow, previewShaderMaterials, usePixelLook } from '../../scene/preview/previewLighting.js';
import { sceneInput } from '../../scene/sceneInput.js';
import type { SceneQuality, SceneRig } from '../../scene/types.js';
import type { Replay } from '../../sim/replay.js';
import { STATE_COLUMN, stateRow } from '../../sim/types.js';
import { AdaptiveResolution, IDLE_GAP_MS } from './adaptiveResolution.js';
import { CameraEffects, hasCameraEffects } from './cameraEffects.js';
import { orbitFraming } from './orbitFraming.js';
import { Overlays, type OverlayFlags } from './Overlays.js';

export type ViewMode = 'orbit' | 'ego' | 'top';

interface Loaded {
  rig: SceneRig;
  /** The actors' and signals' parts in a few draw calls (preview quality only). */
  batches: PreviewBatches | null;
  overlays: Overlays;
  ego: THREE.Object3D;
  ticks: number;
  /** The preview look's materials (empty for the export look). */
  looks: THREE.ShaderMaterial[];
  sunShadow: PreviewSunShadow | null;
}

const _ego = new THREE.Vector3();
const _lastEgo = new THREE.Vector3();
const _delta = new THREE.Vector3();
const TOP_HEIGHT_M = 70;
/** Colour around the ego view's frame and of an empty viewport. */
const LETTERBOX = 0x111418;
/** The view stands this long before its still frame is drawn [ms]. */
const STILL_AFTER_MS = IDLE_GAP_MS + 100;

export class Viewport {
  readonly canvas: HTMLCanvasElement;
  readonly overlayCanvas: HTMLCanvasElement;
  private readonly renderer: THREE.WebGLRenderer;
  private readonly ctx2d: CanvasRenderingContext2D;
  private readonly orbitCamera = new THREE.PerspectiveCamera(55, 16 / 9, 0.3, 3000);
  private readonly topCamera = new THREE.PerspectiveCamera(50, 16 / 9, 1, 3000);
  private readonly controls: OrbitControls;
  private loaded: Loaded | null = null;
  private lastInput: Replay | null = null;
  private tick = 0;
  private needsFrame = true;
  private frameTimes: number[] = [];
  private readonly adaptive = new AdaptiveResolution();
  private lastBoxes = 0;
  private stillReported = false;
  /** Whether the frame on screen is the still frame (light per fragment). */
  private stillDrawn = false;
  private readonly effects = new CameraEffects();
  /** Frames drawn so far (shown as data-frame on the viewport, for tests). */
  private framesDrawn = 0;
  /** Size of the viewport [css px]; the GL canvas has this times the resolution scale. */
  private cssW = 1;
  private cssH = 1;
  /**
   * 'auto': full resolution (the export look on a software renderer, SwiftShader: half), and
   * less while moving if the frame rate drops below 18 (adaptiveResolution.ts).
   */
  resolution: 'auto' | number = 'auto';
  /** Whether WebGL runs on a software renderer. */
  readonly software: boolean;
  mode: ViewMode = 'orbit';
  flags: OverlayFlags = { boxes3d: true, boxes2d: true, trackIds: true, laneGraph: false };
  quality: SceneQuality = 'preview';
  /** Lens drops, noise and glare of the ego camera in the ego view, as exports have them. */
  cameraEffects = true;
  /** Light per fragment once the view stands (off: the per-vertex look only, e.g. for timing). */
  stillFrames = true;
  /**
   * Called after each drawn frame with the frames drawn in the last second, and once with null
   * when the view has stood still for a moment (the rate then says nothing).
   */
  onFrame: (fps: number | null, boxes2d: number) => void = () => {};

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'viewport-gl';
    this.overlayCanvas = document.createElement('canvas');
    this.overlayCanvas.className = 'viewport-2d';
    container.append(this.canvas, this.overlayCanvas);
    this.renderer = new THREE.WebGLRenderer({ canvas: this.canvas, antialias: false, alpha: false, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(1);
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.renderer.toneMapping = THREE.ACESFilmicToneMapping;
    this.renderer.shadowMap.enabled = false;
    this.renderer.autoClear = false;
    this.ctx2d = this.overlayCanvas.getContext('2d')!;
    this.software = /swiftshader|llvmpipe|software/i.test(rendererName(this.renderer.getContext()));
    this.controls = new OrbitControls(this.orbitCamera, this.overlayCanvas);
    this.controls.enableDamping = false;
    this.controls.addEventListener('change', () => this.invalidate());
    this.topCamera.up.set(0, 0, -1);
    new ResizeObserver(() => this.resize()).observe(container);
    this.resize();
    const loop = (): void => {
      if (this.needsFrame) this.draw();
      else {
        this.reportStill();
        this.drawStillFrame();
      }
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  get ticks(): number {
    return this.loaded?.ticks ?? 0;
  }

  /** Builds the scene of a new preview, keeping the camera where the user left it. */
  load(input: Replay): void {
    const first = this.loaded === null;
    this.unload();
    this.lastInput = input;
    const scene = sceneInput(input, this.quality);
    const rig = buildScene(scene);
    const overlays = new Overlays(rig.tracks, scene.network);
    rig.scene.add(overlays.group);
    const batches = this.quality === 'preview' ? batchActorsAndSignals(rig.scene) : null;
    const ego = rig.tracks.find((t) => t.trackId === 0)?.root ?? rig.camera;
    const looks = this.quality === 'preview' ? previewShaderMaterials(rig.scene) : [];
    const moving = [overlays.group, ...(batches ? [batches.group] : [])];
    const sunShadow = this.quality === 'preview' ? PreviewSunShadow.create(this.renderer, rig.scene, moving, looks) : null;
    this.loaded = { rig, batches, overlays, ego, ticks: input.trajectory.ticks, looks, sunShadow };
    this.stillDrawn = false;
    this.renderer.shadowMap.enabled = this.quality === 'export';
    this.tick = Math.min(this.tick, input.trajectory.ticks - 1);
    rig.setTick(this.tick);
    if (first) this.resetView();
    ego.getWorldPosition(_ego);
    _lastEgo.copy(_ego);
    this.invalidate();
  }

  private unload(): void {
    if (!this.loaded) return;
    this.loaded.rig.scene.remove(this.loaded.overlays.group);
    this.loaded.overlays.dispose();
    if (this.loaded.batches) {
      this.loaded.rig.scene.remove(this.loaded.batches.group);
      this.loaded.batches.dispose();
    }
    this.loaded.sunShadow?.dispose();
    this.loaded.rig.dispose();
    this.loaded = null;
  }

  /**
   * Puts the orbit camera where it sees the ego vehicle and the scenario's focus actors at the
   * current tick, from behind and above the ego, clear of buildings (orbitFraming.ts).
   */
  resetView(): void {
    const l = this.loaded;
    if (!l || !this.lastInput) return;
    l.rig.setTick(this.tick);
    const focus = new Set(this.lastInput.instance.focus.actors);
    const others = l.rig.tracks.filter((t) => focus.has(t.actorId)).map((t) => t.root);
    const blockers: THREE.Object3D[] = [];
    l.rig.scene.traverse((o) => {
      if ((o as THREE.Mesh).isMesh && /^(roadside|furniture|tunnel)/.test(o.name)) blockers.push(o);
    });
    // The ego's yaw at this tick (world x forward, y left; three.js: x, -z).
    const tr = this.lastInput.trajectory;
    const yaw = tr.states[stateRow(tr, this.tick, 0) + STATE_COLUMN.yawRad] as number;
    const heading = new THREE.Vector3(Math.cos(yaw), 0, -Math.sin(yaw));
    const { position, target } = orbitFraming(l.ego, heading, others, blockers, this.orbitCamera.fov, this.orbitCamera.aspect);
    this.orbitCamera.position.copy(position);
    this.controls.target.copy(target);
    this.controls.update();
    l.ego.getWorldPosition(_lastEgo);
    this.invalidate();
  }

  /** Preview quality (per-vertex shading, no shadows) or the export look (scene builder's materials, shadows). */
  setQuality(quality: SceneQuality): void {
    if (quality === this.quality) return;
    this.quality = quality;
    this.adaptive.reset();
    this.resize();
    if (this.lastInput) this.load(this.lastInput);
  }

  setTick(tick: number): void {
    if (!this.loaded) return;
    this.tick = Math.max(0, Math.min(this.loaded.ticks - 1, tick));
    this.invalidate();
  }

  setMode(mode: ViewMode): void {
    this.mode = mode;
    this.controls.enabled = mode === 'orbit';
    this.invalidate();
  }

  invalidate(): void {
    this.needsFrame = true;
  }

  /** Draws the still frame once the view has stood for a moment (preview quality). */
  private drawStillFrame(): void {
    const l = this.loaded;
    const last = this.frameTimes.at(-1);
    if (!l || this.stillDrawn || !this.stillFrames || l.looks.length === 0 || last === undefined || performance.now() - last < STILL_AFTER_MS) return;
    usePixelLook(l.looks, true);
    this.draw(true);
    this.stillDrawn = true;
    this.container.dataset.still = 'true';
  }

  /**
   * Rendered pixels per css pixel. Fill rate is what a software renderer lacks: the preview
   * look is cheap enough per pixel for full resolution there, the export look is not, so it
   * draws a quarter of the pixels and the browser scales them up.
   */
  get resolutionScale(): number {
    if (this.resolution !== 'auto') return this.resolution;
    return (this.software && this.quality === 'export' ? 0.5 : 1) * this.adaptive.scale;
  }

  setResolution(resolution: 'auto' | number): void {
    this.resolution = resolution;
    this.adaptive.reset();
    this.resize();
  }

  private resize(): void {
    const w = Math.max(1, this.container.clientWidth);
    const h = Math.max(1, this.container.clientHeight);
    this.cssW = w;
    this.cssH = h;
    this.renderer.setPixelRatio(this.resolutionScale);
    this.renderer.setSize(w, h, false);
    this.overlayCanvas.width = w;
    this.overlayCanvas.height = h;
    for (const c of [this.orbitCamera, this.topCamera]) {
      c.aspect = w / h;
      c.updateProjectionMatrix();
    }
    this.invalidate();
  }

  /** The camera of the current mode and the part of the viewport it draws into [css px]. */
  private view(): { camera: THREE.PerspectiveCamera; rect: { x: number; y: number; width: number; height: number } } {
    const W = this.cssW;
    const H = this.cssH;
    const full = { x: 0, y: 0, width: W, height: H };
    const l = this.loaded!;
    if (this.mode === 'ego') {
      const cam = l.rig.camera;
      const width = Math.min(W, H * cam.aspect);
      const height = width / cam.aspect;
      return { camera: cam, rect: { x: (W - width) / 2, y: (H - height) / 2, width, height } };
    }
    if (this.mode === 'top') {
      l.ego.getWorldPosition(_ego);
      this.topCamera.position.set(_ego.x, TOP_HEIGHT_M, _ego.z);
      this.topCamera.lookAt(_ego.x, 0, _ego.z);
      return { camera: this.topCamera, rect: full };
    }
    return { camera: this.orbitCamera, rect: full };
  }

  /**
   * The ego camera's view at the current tick as the preview's still frame draws it (same
   * renderer, scene, look and camera effects, no overlays) at exactly `widthPx` x `heightPx`:
   * RGBA rows, top row first. For the test that compares the preview with an exported frame of
   * the same sample and tick.
   */
  captureEgo(widthPx: number, heightPx: number): Uint8Array {
    const l = this.loaded;
    if (!l) throw new Error('viewport: nothing loaded');
    const ratio = this.renderer.getPixelRatio();
    l.overlays.group.visible = false;
    usePixelLook(l.looks, true);
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(widthPx, heightPx, false);
    l.rig.setTick(this.tick);
    this.renderer.setScissorTest(false);
    this.renderer.setViewport(0, 0, widthPx, heightPx);
    this.renderScene(l, l.rig.camera);
    if (this.cameraEffects && hasCameraEffects(l.rig.effects))
      this.effects.apply(this.renderer, { x: 0, y: 0, width: widthPx, height: heightPx }, l.rig.effects, this.lastInput?.seed ?? 0, this.tick);
    const gl = this.renderer.getContext();
    const px = new Uint8Array(widthPx * heightPx * 4);
    gl.readPixels(0, 0, widthPx, heightPx, gl.RGBA, gl.UNSIGNED_BYTE, px);
    l.overlays.group.visible = true;
    usePixelLook(l.looks, this.stillDrawn);
    this.renderer.setPixelRatio(ratio);
    this.resize();
    const rows = new Uint8Array(px.length);
    const stride = widthPx * 4;
    for (let y = 0; y < heightPx; y++) rows.set(px.subarray((heightPx - 1 - y) * stride, (heightPx - y) * stride), y * stride);
    return rows;
  }

  /** The scene through `camera` into the current GL viewport, exposed as exports are. */
  private renderScene(l: Loaded, camera: THREE.Camera): void {
    this.renderer.toneMappingExposure = 2 ** l.rig.effects.exposureEv;
    // A colour background is cleared by three.js itself as the render starts.
    if (!(l.rig.scene.background instanceof THREE.Color)) {
      this.renderer.setClearColor(LETTERBOX, 1);
      this.renderer.clear();
    }
    this.renderer.render(l.rig.scene, camera);
  }

  /**
   * Poses the scene at the current tick and draws one frame. `still`: the still frame (its
   * look already set), which counts for no frame rate.
   */
  draw(still = false): void {
    this.needsFrame = false;
    const l = this.loaded;
    if (!still && this.stillDrawn && l) {
      usePixelLook(l.looks, false);
      this.stillDrawn = false;
      delete this.container.dataset.still;
    }
    const W = this.cssW;
    const H = this.cssH;
    this.ctx2d.clearRect(0, 0, W, H);
    this.renderer.setScissorTest(false);
    this.renderer.setViewport(0, 0, W, H);
    if (!l) {
      this.renderer.setClearColor(LETTERBOX, 1);
      this.renderer.clear();
      return;
    }
    l.rig.setTick(this.tick);
    // The orbit camera travels with the ego vehicle, keeping the view the user chose.
    l.ego.getWorldPosition(_ego);
    _delta.subVectors(_ego, _lastEgo);
    if (_delta.lengthSq() > 0) {
      this.orbitCamera.position.add(_delta);
      this.controls.target.add(_delta);
      _lastEgo.copy(_ego);
    }
    const { camera, rect } = this.view();
    l.overlays.update(this.flags);
    // Bars around a letterboxed view; a view filling the canvas needs one clear only (each is
    // a full pass over the pixels on a software renderer).
    if (rect.width < W || rect.height < H) {
      this.renderer.setClearColor(LETTERBOX, 1);
      this.renderer.clear();
    }
    // GL viewports count from the bottom.
    this.renderer.setViewport(rect.x, H - rect.y - rect.height, rect.width, rect.height);
    this.renderer.setScissor(rect.x, H - rect.y - rect.height, rect.width, rect.height);
    this.renderer.setScissorTest(true);
    this.renderScene(l, camera);
    if (this.mode === 'ego' && this.cameraEffects && hasCameraEffects(l.rig.effects)) {
      const r = this.resolutionScale;
      this.effects.apply(
        this.renderer,
        { x: rect.x * r, y: (H - rect.y - rect.height) * r, width: rect.width * r, height: rect.height * r },
        l.rig.effects,
        this.lastInput?.seed ?? 0,
        this.tick,
      );
    }
    this.renderer.setScissorTest(false);
    const boxes = l.overlays.draw2d(this.ctx2d, camera, rect, this.flags);
    this.container.dataset.boxedActors = l.overlays.boxedActors.join(' ');
    // The orbit camera's position and target [m, 1 mm], for tests of the view controls.
    this.container.dataset.orbit = [...this.orbitCamera.position.toArray(), ...this.controls.target.toArray()].map((v) => v.toFixed(3)).join(' ');
    this.container.dataset.frame = String(++this.framesDrawn);
    if (still) return;
    const now = performance.now();
    this.frameTimes.push(now);
    while (this.frameTimes.length > 0 && now - this.frameTimes[0] > 1000) this.frameTimes.shift();
    if (this.resolution === 'auto' && this.adaptive.record(now)) this.resize();
    this.lastBoxes = boxes;
    this.stillReported = false;
    this.onFrame(this.frameTimes.length, boxes);
  }

  /** Tells onFrame once that the view stands still, a moment after the last frame. */
  private reportStill(): void {
    const last = this.frameTimes.at(-1);
    if (this.stillReported || last === undefined || performance.now() - last < IDLE_GAP_MS) return;
    this.stillReported = true;
    this.onFrame(null, this.lastBoxes);
  }

  /** What the last frame drew: draw calls, triangles, lights and materials by type. For the benchmark. */
  sceneStats(): Record<string, number> {
    const out: Record<string, number> = {
      calls: this.renderer.info.render.calls,
      triangles: this.renderer.info.render.triangles,
      canvasWidthPx: this.canvas.width,
      canvasHeightPx: this.canvas.height,
      software: this.software ? 1 : 0,
    };
    this.loaded?.rig.scene.traverse((o) => {
      if ((o as THREE.Light).isLight) out.lights = (out.lights ?? 0) + 1;
      // Meshes on no layer are not drawn (the preview draws them through batches).
      if (o.layers.mask === 0) return;
      const m = (o as THREE.Mesh).material;
      for (const x of Array.isArray(m) ? m : m ? [m] : []) out[x.type] = (out[x.type] ?? 0) + 1;
    });
    return out;
  }

  /**
   * Draws `n` frames back to back, stepping through the timeline, and waits for the GPU after
   * each; returns the time of each [ms]. For the benchmark.
   */
  timeFrames(n: number): number[] {
    const gl = this.renderer.getContext();
    const px = new Uint8Array(4);
    const out: number[] = [];
    const start = this.tick;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      this.tick = (start + i) % Math.max(1, this.ticks);
      this.draw();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      out.push(performance.now() - t0);
    }
    return out;
  }
}

/** The GPU (or software renderer) WebGL runs on, where the browser tells. */
function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}
