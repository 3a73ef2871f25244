/**
 * CPU time used by this process's child processes and their descendants [ms], from /proc
 * (Linux). On a shared machine wall-clock frame times swing with the load of other work; the
 * CPU time the browser spends per frame does not, so benchmarks report both.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime [clock ticks], threads that ended included. */
  ticks: number;
}

/** Clock ticks per second of /proc times (USER_HZ; 100 on every common Linux). */
const USER_HZ = 100;

/** utime + stime of a /proc stat line [clock ticks], and the fields after the command name. */
function parseStat(text: string): { fields: string[]; ticks: number } {
  // The command name may hold spaces; the fields after its closing parenthesis do not.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { fields, ticks: Number(fields[11]) + Number(fields[12]) };
}

function readStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const { fields, ticks } = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      out.push({ pid: Number(name), ppid: Number(fields[1]), ticks });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** `rootPid` and every process below it. */
function processTree(rootPid: number): ProcStat[] {
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid) ?? [];
    list.push(s);
    children.set(s.ppid, list);
  }
  const out = stats.filter((s) => s.pid === rootPid);
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length > 0) {
    const s = stack.pop()!;
    out.push(s);
    stack.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

/** CPU time of every descendant of `rootPid` (default: this process) so far [ms]; NaN off Linux. */
export function descendantsCpuMs(rootPid = process.pid): number {
  if (process.platform !== 'linux') return NaN;
  const ticks = processTree(rootPid)
    .filter((s) => s.pid !== rootPid)
    .reduce((sum, s) => sum + s.ticks, 0);
  return (ticks * 1000) / USER_HZ;
}

/** What a thread of the browser or of this process does, from its process type and thread name. */
function threadRole(processType: string, thread: string, isMain: boolean): string {
  if (processType === 'node') return 'host (Node: transfer, decode, writes)';
  if (processType === 'gpu-process') return /^llvmpipe/.test(thread) ? 'rasterizer threads (llvmpipe)' : 'GPU process, other threads';
  if (processType === 'renderer') {
    // Chromium leaves its main thread named after the executable (chrome, chromium, headless_shell).
    if (isMain) return "page's main thread (readbacks, labels, replies)";
    if (/^DedicatedWorker/.test(thread)) return 'PNG encoder workers';
    if (/^ThreadPool/.test(thread)) return 'page thread pool (compilers, garbage collection, streams)';
    return 'page, other threads';
  }
  return processType === 'browser' ? 'browser process' : `${processType} process`;
}

/**
 * CPU time so far [ms] of this process and every descendant, per thread role (threadRole):
 * which part of a frame's work the CPU went to. Threads that ended count under their process as
 * "threads that ended". Empty off Linux.
 */
export function cpuByThreadRole(rootPid = process.pid): Map<string, number> {
  const out = new Map<string, number>();
  if (process.platform !== 'linux') return out;
  const add = (role: string, ticks: number): void => {
    out.set(role, (out.get(role) ?? 0) + (ticks * 1000) / USER_HZ);
  };
  for (const proc of processTree(rootPid)) {
    let processType = 'node';
    let tids: string[] = [];
    try {
      if (proc.pid !== rootPid) {
        const cmd = readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8');
        processType = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? (/chrom/.test(cmd) ? 'browser' : 'other');
      }
      tids = readdirSync(`/proc/${proc.pid}/task`);
    } catch {
      continue; // the process ended while we looked
    }
    let live = 0;
    for (const tid of tids) {
      try {
        const text = readFileSync(`/proc/${proc.pid}/task/${tid}/stat`, 'utf8');
        const { ticks } = parseStat(text);
        add(threadRole(processType, text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), Number(tid) === proc.pid), ticks);
        live += ticks;
      } catch {
        // the thread ended while we looked
      }
    }
    if (proc.ticks > live) add(`${processType === 'node' ? 'host' : processType}: threads that ended`, proc.ticks - live);
  }
  return out;
}
