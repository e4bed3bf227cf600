/**
 * A one-line progress bar on stderr with rows, rows/s and time left; a plain line per 10% when stderr
 * is not a terminal (CI logs). `total` may be an estimate: the bar never runs past 100%.
 */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  let lastDraw = 0;
  let started = performance.now();
  return (done: number, total: number, phase: string) => {
    const now = performance.now();
    if (done === 0) started = now;
    const ratio = total <= 0 ? 1 : Math.min(1, done / total);
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const finished = done >= total;
    if (tty) {
      if (!finished && now - lastDraw < 100) return; // a redraw per 100 ms is plenty
      lastDraw = now;
      const width = 30;
      const filled = Math.round(ratio * width);
      const left = rate > 0 && !finished ? ` ${formatDuration((total - done) / rate)} left` : '';
      process.stderr.write(
        `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-GB')} rows ${rate.toLocaleString('en-GB')} rows/s${left}  ${phase.padEnd(40).slice(0, 40)}\x1b[K`,
      );
      if (finished) process.stderr.write('\n');
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label} ${decile * 10}% (${done}/${total} rows, ${rate} rows/s) ${phase}\n`);
      }
    }
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
