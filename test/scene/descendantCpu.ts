/** CPU time of this process's children: the browser's, whose GPU process runs SwiftShader. */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) used by every descendant process of this one (Linux /proc). */
export function descendantCpuS(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, t] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += t;
        break;
      }
    }
  }
  return total;
}
