/** sha256 of a trajectory's file encoding (hex): equal hashes mean bit-identical runs. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeTrajectory } from './trajectoryFile.js';
import type { Trajectory } from './types.js';

export function trajectoryHash(t: Trajectory): string {
  return bytesToHex(sha256(encodeTrajectory(t)));
}
