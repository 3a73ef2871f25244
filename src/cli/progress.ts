/**
 * Progress of a dataset run: a bar (frames done, frames per second, ETA) on a terminal, and
 * plain lines every few seconds otherwise (logs of batch jobs).
 */
import cliProgress from 'cli-progress';
import type { RunProgress } from '../dataset/runDataset.js';

export interface ProgressView {
  update(p: RunProgress): void;
  /** A message printed above the bar. */
  notice(message: string): void;
  stop(): void;
}

function eta(p: RunProgress): string {
  const rate = p.framesDone / Math.max(p.elapsedS, 1e-9);
  if (p.framesDone === 0 || rate === 0) return '?';
  const s = Math.round((p.framesTotal - p.framesDone) / rate);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

function fps(p: RunProgress): string {
  return (p.framesDone / Math.max(p.elapsedS, 1e-9)).toFixed(2);
}

export function createProgressView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'frames {bar} {value}/{total} | {fps} frames/s | ETA {etaText} | failed {failed}', stream, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { fps: fps(p), etaText: eta(p), failed: p.instancesFailed };
        if (!started) {
          bar.start(p.framesTotal, p.framesDone, payload);
          started = true;
        } else bar.update(p.framesDone, payload);
      },
      notice(message) {
        if (started) bar.stop();
        stream.write(message + '\n');
        started = false;
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastPrintS = -Infinity;
  let lastDone = -1;
  return {
    update(p) {
      const done = p.framesDone === p.framesTotal;
      if (p.framesDone === lastDone || (!done && p.elapsedS - lastPrintS < 5)) return;
      lastPrintS = p.elapsedS;
      lastDone = p.framesDone;
      stream.write(`frames ${p.framesDone}/${p.framesTotal}  ${fps(p)} frames/s  ETA ${eta(p)}  failed ${p.instancesFailed}\n`);
    },
    notice(message) {
      stream.write(message + '\n');
    },
    stop() {},
  };
}
