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

/** What a thread of the browser or of this process does, from its process type and thread name. */
function threadRole(processType: string, thread: string): string {
  if (processType === 'node') return 'host (Node: transfer, decode, writes)';
  if (processType === 'gpu-process') return /^llvmpipe/.test(thread) ? 'rasterizer threads (llvmpipe)' : 'GPU process, other threads';
  if (processType === 'renderer') {
    if (/^DedicatedWorker/.test(thread)) return 'PNG encoder workers';
    if (/^ThreadPool/.test(thread)) return 'page thread pool (garbage collection, streams)';
    if (thread === 'chromium' || thread === 'CrRendererMain') return "page's main thread (readbacks, labels, CDP)";
    return 'page, other threads';
  }
  return processType === 'browser' ? 'browser process' : `${processType} process`;
}

/**
 * CPU time so far [ms] of this process and every descendant, per thread role (threadRole):
 * which part of a frame's work the CPU went to. Empty off Linux.
 */
export function cpuByThreadRole(rootPid = process.pid): Map<string, number> {
  const out = new Map<string, number>();
  if (process.platform !== 'linux') return out;
  const stats = readStats();
  const inTree = new Set([rootPid]);
  // /proc lists parents before children only by chance: repeat until nothing joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
    }
  }
  for (const pid of inTree) {
    let processType = 'node';
    if (pid !== rootPid) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        processType = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? (/chrom/.test(cmd) ? 'browser' : 'other');
      } catch {
        continue;
      }
    }
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const thread = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
        const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
        const role = threadRole(processType, thread);
        out.set(role, (out.get(role) ?? 0) + ((Number(f[11]) + Number(f[12])) * 1000) / USER_HZ);
      } catch {
        // the thread ended while we looked
      }
    }
  }
  return out;
}
