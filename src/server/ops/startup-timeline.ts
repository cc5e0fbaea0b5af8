// The start's phases as a timeline (docs/architecture.md, "Start sequence"): with STARTUP_TIMELINE=1 the server
// prints, on stderr, each phase's wall time and the process's CPU time since the process began. The marks are
// performance marks, so boot.ts (a separate file from the bundle) can set them too.
const enabled = () => process.env.STARTUP_TIMELINE === '1';

/** Marks the end of a start-up phase. Cheap and silent unless STARTUP_TIMELINE=1. */
export function startupMark(name: string) {
  if (!enabled()) return;
  const cpu = process.cpuUsage();
  performance.mark(`startup:${name}`, { detail: { cpuMs: (cpu.user + cpu.system) / 1000 } });
}

/** Prints the marks so far: time since the process began, the phase's own wall and CPU time. */
export function printStartupTimeline(title: string) {
  if (!enabled()) return;
  let previous = { at: 0, cpuMs: 0 };
  const lines = [`start-up timeline (${title}): since process start ms | phase wall ms | phase cpu ms`];
  for (const mark of performance.getEntriesByType('mark') as PerformanceMark[]) {
    if (!mark.name.startsWith('startup:')) continue;
    const cpuMs = (mark.detail as { cpuMs: number }).cpuMs;
    const row = [mark.startTime, mark.startTime - previous.at, cpuMs - previous.cpuMs].map((x) => String(Math.round(x)).padStart(6));
    lines.push(`${row.join(' ')}  ${mark.name.slice('startup:'.length)}`);
    previous = { at: mark.startTime, cpuMs };
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}
