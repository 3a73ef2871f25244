/** What every actor model gives the scene: a root to pose and a hook to animate its parts. */
import type * as THREE from 'three';

export interface ActorRig {
  /** Posed at the bottom centre of the actor's box with its heading. */
  root: THREE.Object3D;
  /**
   * Animates parts (wheels, limbs, doors, lamps) from one row of Trajectory.states.
   * Must not allocate: it runs every tick.
   */
  animate(states: Float64Array, offset: number, timeS: number): void;
}
