/**
 * CPU time used by this process's child processes and their descendants [ms], from /proc
 * (Linux). On a shared machine wall-clock frame times swing with the load of other work; the
 * CPU time the browser spends per frame does not, so benchmarks report both.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime [clock ticks]. */
  ticks: number;
}

function readStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      out.push({ pid: Number(name), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Clock ticks per second of /proc times (USER_HZ; 100 on every common Linux). */
const USER_HZ = 100;

/** CPU time of every descendant of `rootPid` (default: this process) so far [ms]; NaN off Linux. */
export function descendantsCpuMs(rootPid = process.pid): number {
  if (process.platform !== 'linux') return NaN;
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid) ?? [];
    list.push(s);
    children.set(s.ppid, list);
  }
  let ticks = 0;
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length > 0) {
    const s = stack.pop()!;
    ticks += s.ticks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return (ticks * 1000) / USER_HZ;
}
