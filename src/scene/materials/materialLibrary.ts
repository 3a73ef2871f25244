/**
 * Shared materials and unit geometries. Instances of one look reuse one material; parts are
 * unit shapes scaled per mesh so a whole fleet shares a handful of geometries.
 */
import * as THREE from 'three';

export interface StandardLook {
  colour: THREE.ColorRepresentation;
  roughness?: number;
  metalness?: number;
  emissive?: THREE.ColorRepresentation;
  emissiveIntensity?: number;
  transparent?: boolean;
  opacity?: number;
  side?: THREE.Side;
}

/** Parses a scenario colour (CSS name or #rrggbb); unknown names fall back to grey. */
export function sceneColour(value: string, out = new THREE.Color()): THREE.Color {
  const key = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(key)) return out.set(key);
  const named = (THREE.Color.NAMES as Record<string, number>)[key];
  return out.setHex(named ?? 0x808080);
}

/** The value stored under `key`, made and stored on first use. */
function builtOnce<V, T extends V>(map: Map<string, V>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v as T;
}

export class MaterialLibrary {
  private readonly materials = new Map<string, THREE.MeshStandardMaterial>();
  private readonly geometries = new Map<string, THREE.BufferGeometry>();
  private readonly textures = new Map<string, THREE.Texture>();

  /** A shared standard material for a key; `look` is used only the first time. */
  standard(key: string, look: StandardLook): THREE.MeshStandardMaterial {
    let m = this.materials.get(key);
    if (!m) {
      m = new THREE.MeshStandardMaterial({
        color: look.colour,
        roughness: look.roughness ?? 0.8,
        metalness: look.metalness ?? 0,
        emissive: look.emissive ?? 0x000000,
        emissiveIntensity: look.emissiveIntensity ?? 1,
        transparent: look.transparent ?? false,
        opacity: look.opacity ?? 1,
        side: look.side ?? THREE.FrontSide,
      });
      m.name = key;
      this.materials.set(key, m);
    }
    return m;
  }

  /** Every shared material with its key. */
  entries(): IterableIterator<[string, THREE.MeshStandardMaterial]> {
    return this.materials.entries();
  }

  /** The shared material of a key, if one was made. */
  find(key: string): THREE.MeshStandardMaterial | undefined {
    return this.materials.get(key);
  }

  /** Vehicle paint of a colour (one material per colour across the fleet). */
  paint(colour: THREE.Color): THREE.MeshStandardMaterial {
    return this.standard(`paint:#${colour.getHexString()}`, { colour, roughness: 0.35, metalness: 0.1 });
  }

  /** A shared geometry for a key, built once. */
  geometry<G extends THREE.BufferGeometry>(key: string, make: () => G): G {
    return builtOnce(this.geometries, key, make);
  }

  /** A shared texture for a key, built once. */
  texture<T extends THREE.Texture>(key: string, make: () => T): T {
    return builtOnce(this.textures, key, make);
  }

  /** Every shared texture with its key. */
  textureEntries(): IterableIterator<[string, THREE.Texture]> {
    return this.textures.entries();
  }

  /** Unit box (1 x 1 x 1, centred). */
  get box(): THREE.BoxGeometry {
    return this.geometry('box', () => new THREE.BoxGeometry(1, 1, 1));
  }
  /** Unit box with its base at y = 0 (scale y = height). */
  get boxBase(): THREE.BufferGeometry {
    return this.geometry('boxBase', () => new THREE.BoxGeometry(1, 1, 1).translate(0, 0.5, 0));
  }
  /** Unit cylinder (radius 1, height 1, centred, axis y). */
  get cylinder(): THREE.CylinderGeometry {
    return this.geometry('cylinder', () => new THREE.CylinderGeometry(1, 1, 1, 12));
  }
  /** Unit sphere (radius 1). */
  get sphere(): THREE.SphereGeometry {
    return this.geometry('sphere', () => new THREE.SphereGeometry(1, 12, 8));
  }
  /** Tapered cylinder (radius 1 at the top, 0.8 at the bottom, length 1) hanging down from y = 0: a limb pivoting at its top. */
  get limb(): THREE.BufferGeometry {
    return this.geometry('limb', () => new THREE.CylinderGeometry(1, 0.8, 1, 8).translate(0, -0.5, 0));
  }

  dispose(): void {
    for (const m of this.materials.values()) m.dispose();
    for (const g of this.geometries.values()) g.dispose();
    for (const t of this.textures.values()) t.dispose();
    this.textures.clear();
    this.materials.clear();
    this.geometries.clear();
  }
}

/** A mesh of a shared geometry, scaled and placed (the common way parts are made). */
export function part(geometry: THREE.BufferGeometry, material: THREE.Material, sx: number, sy: number, sz: number, x = 0, y = 0, z = 0): THREE.Mesh {
  const m = new THREE.Mesh(geometry, material);
  m.scale.set(sx, sy, sz);
  m.position.set(x, y, z);
  return m;
}
