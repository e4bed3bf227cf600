/** A one-line progress bar on stderr (a plain line per 10% when stderr is not a terminal, e.g. CI logs). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  let started = performance.now();
  return (done: number, total: number, phase: string) => {
    const ratio = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    if (tty) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(
        `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${rate} rows/s  ${phase.padEnd(40).slice(0, 40)}`,
      );
      if (done >= total) process.stderr.write('\n');
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label} ${decile * 10}% (${done}/${total} rows, ${rate} rows/s) ${phase}\n`);
      }
    }
    if (done === 0) started = performance.now();
  };
}
