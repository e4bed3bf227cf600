// Builds code with the widgets package's own Vite config: the same template minifier and JS minifier as
// `dist/esr-widgets.js`, so the size and render benches measure the code that ships, not a dev build.
import { build, type Rolldown } from 'vite';

export const widgetsDir = new URL('../packages/widgets/', import.meta.url).pathname;

const VIRTUAL = 'virtual:esr-bench-entry';

/**
 * Bundles `entry` (a file under packages/widgets, or inline module source resolved from there) and
 * returns every chunk: the entry, and the Welsh string chunk fetched on the first Welsh render.
 */
export async function buildWithWidgetsConfig(entry: { file: string } | { contents: string }, external: RegExp[] = []): Promise<Rolldown.OutputChunk[]> {
  const result = await build({
    configFile: `${widgetsDir}vite.config.ts`,
    root: widgetsDir,
    logLevel: 'silent',
    plugins: [
      'contents' in entry && {
        name: 'esr-bench-entry',
        resolveId: (id: string) => (id.endsWith(VIRTUAL) ? `\0${VIRTUAL}` : null),
        load: (id: string) => (id === `\0${VIRTUAL}` ? entry.contents : null),
      },
    ],
    build: {
      write: false,
      sourcemap: false,
      emptyOutDir: false,
      // `formats` comes from the config (arrays would be concatenated, building everything twice).
      lib: { entry: 'file' in entry ? `${widgetsDir}${entry.file}` : VIRTUAL, fileName: () => 'entry.js' },
      rolldownOptions: { external },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
}
