// Empties dist/ before a build but keeps dist/.gitkeep: the Go server embeds
// dist/, and the committed placeholder lets it compile before any build.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;

await mkdir(dist, { recursive: true });
for (const name of await readdir(dist)) {
  if (name !== '.gitkeep') {
    await rm(join(dist, name), { recursive: true, force: true });
  }
}
await writeFile(join(dist, '.gitkeep'), '', { flag: 'a' });
