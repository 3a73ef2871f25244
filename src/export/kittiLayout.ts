/**
 * The kitti/ folder: KITTI's object and tracking layouts, as the KITTI devkits read them
 * unchanged, assembled from the frame records when a run finishes (or a merge ends).
 *
 *   kitti/training/image_2/000000.png   hard links to images/<frame id>.png
 *   kitti/training/label_2/000000.txt   object labels (15 fields), 6-digit consecutive names
 *   kitti/training/calib/000000.txt     P0..P3, R0_rect, Tr_velo_to_cam, Tr_imu_to_velo
 *   kitti/ImageSets/{train,val,trainval}.txt   6-digit indices; val = every 5th instance
 *   kitti/frame_ids.txt                 "000000 000012_0003": KITTI index -> roadsynth frame id
 *   kitti/tracking/training/image_02/0000/000000.png   one sequence per instance
 *   kitti/tracking/training/label_02/0000.txt          frame, track id, type, ... (17 fields)
 *   kitti/tracking/training/calib/0000.txt             the sequence's first frame's calibration
 *   kitti/tracking/evaluate_tracking.seqmap            "0000 empty 000000 000008" per sequence
 *   kitti/tracking/sequence_ids.txt     "0000 12": sequence -> roadsynth sample index
 *
 * Names count the frames in frame-id order, so they are consecutive whatever samples failed,
 * and a resumed or merged run names them exactly as an uninterrupted one. The folder is built
 * beside the dataset and swapped in by renames, so a crash leaves the previous one whole.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CameraModel } from '../render/types.js';
import { linkOrCopyFileAtomic, writeFileAtomic } from './atomicWrite.js';
import { kittiCalibFile, kittiObjectLine, kittiTrackingCalibFile, kittiTrackingLine, type KittiRow } from './kitti.js';
import { pad } from './numberFormat.js';

export const KITTI_DIR = 'kitti';

/** What the layout needs of one frame (kept in its record). */
export interface KittiFrame {
  rows: KittiRow[];
  camera: CameraModel;
}

/** One complete frame, in frame-id order. */
export interface KittiLayoutFrame {
  id: string;
  sampleIndex: number;
  /** Absolute path of the frame's RGB image. */
  imagePath: string;
  kitti: KittiFrame;
}

/** Instances whose sample index is 4 mod 5 form the val split (a whole instance per split, so no sequence leaks across). */
export function isValInstance(sampleIndex: number): boolean {
  return sampleIndex % 5 === 4;
}

const lines = (items: readonly string[]): string => items.map((l) => l + '\n').join('');

/**
 * Streams frames (in frame-id order) into a new kitti/ folder beside the dataset; commit()
 * swaps it in for the previous one, abort() throws it away.
 *
 *   const k = new KittiLayoutWriter(outDir);
 *   for (const f of frames) k.add(f);
 *   const written = k.commit();
 */
export class KittiLayoutWriter {
  private readonly partial: string;
  private readonly mapping: string[] = [];
  private readonly train: string[] = [];
  private readonly val: string[] = [];
  private readonly seqmap: string[] = [];
  private readonly sequenceIds: string[] = [];
  /** The open tracking sequence: its sample, first frame's camera, frames and rows so far. */
  private seq: { sampleIndex: number; camera: CameraModel; frames: number; rows: string[] } | null = null;

  constructor(private readonly outDir: string) {
    this.partial = join(outDir, `.${KITTI_DIR}.partial`);
    rmSync(this.partial, { recursive: true, force: true });
  }

  private dir(...parts: string[]): string {
    const p = join(this.partial, ...parts);
    mkdirSync(p, { recursive: true });
    return p;
  }

  add(f: KittiLayoutFrame): void {
    const name = pad(this.mapping.length, 6);
    linkOrCopyFileAtomic(f.imagePath, join(this.dir('training', 'image_2'), `${name}.png`));
    writeFileAtomic(join(this.dir('training', 'label_2'), `${name}.txt`), lines(f.kitti.rows.map(kittiObjectLine)));
    writeFileAtomic(join(this.dir('training', 'calib'), `${name}.txt`), kittiCalibFile(f.kitti.camera));
    this.mapping.push(`${name} ${f.id}`);
    (isValInstance(f.sampleIndex) ? this.val : this.train).push(name);

    if (this.seq?.sampleIndex !== f.sampleIndex) {
      this.closeSequence();
      this.seq = { sampleIndex: f.sampleIndex, camera: f.kitti.camera, frames: 0, rows: [] };
    }
    const seq = this.seq;
    const seqName = pad(this.seqmap.length, 4);
    linkOrCopyFileAtomic(f.imagePath, join(this.dir('tracking', 'training', 'image_02', seqName), `${pad(seq.frames, 6)}.png`));
    for (const r of f.kitti.rows) seq.rows.push(kittiTrackingLine(seq.frames, r));
    seq.frames++;
  }

  private closeSequence(): void {
    const seq = this.seq;
    if (seq === null) return;
    const seqName = pad(this.seqmap.length, 4);
    writeFileAtomic(join(this.dir('tracking', 'training', 'label_02'), `${seqName}.txt`), lines(seq.rows));
    writeFileAtomic(join(this.dir('tracking', 'training', 'calib'), `${seqName}.txt`), kittiTrackingCalibFile(seq.camera));
    this.seqmap.push(`${seqName} empty ${pad(0, 6)} ${pad(seq.frames, 6)}`);
    this.sequenceIds.push(`${seqName} ${seq.sampleIndex}`);
    this.seq = null;
  }

  /** Finishes the files that list every frame and swaps the folder in; returns the paths written, relative to outDir. */
  commit(): string[] {
    this.closeSequence();
    const sets = this.dir('ImageSets');
    writeFileAtomic(join(sets, 'train.txt'), lines(this.train));
    writeFileAtomic(join(sets, 'val.txt'), lines(this.val));
    writeFileAtomic(join(sets, 'trainval.txt'), lines(this.mapping.map((m) => m.slice(0, 6))));
    writeFileAtomic(join(this.partial, 'frame_ids.txt'), lines(this.mapping));
    const tracking = this.dir('tracking');
    writeFileAtomic(join(tracking, 'evaluate_tracking.seqmap'), lines(this.seqmap));
    writeFileAtomic(join(tracking, 'sequence_ids.txt'), lines(this.sequenceIds));
    this.dir('training', 'label_2'); // an empty run still has the folders the devkit opens
    const final = join(this.outDir, KITTI_DIR);
    const old = join(this.outDir, `.${KITTI_DIR}.old`);
    rmSync(old, { recursive: true, force: true });
    if (existsSync(final)) renameSync(final, old);
    renameSync(this.partial, final);
    rmSync(old, { recursive: true, force: true });
    return [`${KITTI_DIR}/training/`, `${KITTI_DIR}/ImageSets/`, `${KITTI_DIR}/frame_ids.txt`, `${KITTI_DIR}/tracking/`];
  }

  abort(): void {
    rmSync(this.partial, { recursive: true, force: true });
  }
}
