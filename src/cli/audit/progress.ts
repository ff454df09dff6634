import pc from 'picocolors';

/** What the progress line shows besides the step. */
export interface ProgressCounts {
  beacons: number;
  errors: number;
  warnings: number;
}

export interface Progress {
  /** A new audit (one URL) starts. */
  start(url: string): void;
  step(index: number, total: number, description: string): void;
  /** A line that stays (a note, a result). */
  log(line: string): void;
  /** Stops the spinner; the line is cleared. */
  stop(): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A spinner line redrawn in place on a TTY; plain lines (one per step) in CI or when piped. `counts` is
 * read whenever the line is drawn, so it is always current.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  counts: () => ProgressCounts,
  interactive = Boolean(stream.isTTY) && !process.env.CI,
): Progress {
  let started = Date.now();
  let current = '';
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;

  const status = () => {
    const c = counts();
    const findings =
      c.errors || c.warnings
        ? `${c.errors ? pc.red(`${c.errors} error${c.errors === 1 ? '' : 's'}`) : '0 errors'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}`
        : 'no findings';
    return `${elapsed(Date.now() - started)} · ${c.beacons} beacon${c.beacons === 1 ? '' : 's'} · ${findings}`;
  };

  const draw = () => {
    frame = (frame + 1) % SPINNER.length;
    const line = `${pc.cyan(SPINNER[frame] ?? '')} ${current} ${pc.dim(status())}`;
    stream.write(`\r\x1b[2K${truncate(line, (stream.columns || 100) - 1)}`);
  };

  const clear = () => {
    if (interactive) stream.write('\r\x1b[2K');
  };

  return {
    start(url) {
      started = Date.now();
      current = '';
      clear();
      stream.write(`${pc.bold('audit')} ${url}\n`);
    },
    step(index, total, description) {
      current = `[${index}/${total}] ${description}`;
      if (!interactive) {
        stream.write(`  ${current} (${status()})\n`);
        return;
      }
      timer ??= setInterval(draw, 120);
      timer.unref();
      draw();
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      if (interactive && timer) draw();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      clear();
    },
  };
}

function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Cuts by visible length, ignoring colour codes, so the line never wraps (a wrap breaks \r redraws). */
function truncate(line: string, width: number): string {
  let visible = 0;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const colour = /^\x1b\[[0-9;]*m/.exec(line.slice(i));
    if (colour) {
      out += colour[0];
      i += colour[0].length - 1;
      continue;
    }
    if (visible >= width) break;
    out += line[i];
    visible++;
  }
  return `${out}\x1b[0m`;
}
