import { readFileSync } from 'node:fs';

/**
 * How busy the machine was with work other than the benchmark, from Linux's
 * /proc: CPU time of the whole machine minus that of this process and the children
 * it waited for (import, queries, server), over the wall time. Call `start()`, run,
 * then `stop()` once every child has exited: the average number of cores others
 * kept busy, or null where /proc is not there.
 */
export function measureOtherLoad() {
  const sample = () => {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
      const busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + (cpu[7] ?? 0);
      const own = readFileSync('/proc/self/stat', 'utf8');
      const fields = own
        .slice(own.lastIndexOf(')') + 2)
        .split(' ')
        .map(Number);
      // Fields 14 to 17 of stat(5): utime stime cutime cstime; here, after pid and comm.
      const mine = fields[11] + fields[12] + fields[13] + fields[14];
      return { busy, mine, at: performance.now() };
    } catch {
      return null;
    }
  };
  const first = sample();
  return {
    stop() {
      const last = sample();
      if (first === null || last === null) return null;
      // Jiffies are 1/100 s (USER_HZ) on Linux.
      const otherSeconds = (last.busy - first.busy - (last.mine - first.mine)) / 100;
      return Math.max(0, otherSeconds / ((last.at - first.at) / 1000));
    },
  };
}
