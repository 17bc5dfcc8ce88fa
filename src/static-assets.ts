import { Elysia } from 'elysia';
import htmxJs from 'htmx.org/dist/htmx.min.js' with { type: 'file' };
import sseJs from 'htmx.org/dist/ext/hx-sse.min.js' with { type: 'file' };
import appCss from '../public/app.css' with { type: 'file' };
import appJs from '../public/app.js' with { type: 'file' };
import iconSvg from '../public/icon.svg' with { type: 'file' };
import manifest from '../public/manifest.webmanifest' with { type: 'file' };

// `with { type: 'file' }` embeds each file in the compiled binary; in development it is the path on disk.
const assets: Record<string, { path: string; type: string }> = {
  'htmx.min.js': { path: htmxJs, type: 'text/javascript; charset=utf-8' },
  'hx-sse.min.js': { path: sseJs, type: 'text/javascript; charset=utf-8' },
  'app.css': { path: appCss, type: 'text/css; charset=utf-8' },
  'app.js': { path: appJs, type: 'text/javascript; charset=utf-8' },
  'icon.svg': { path: iconSvg, type: 'image/svg+xml' },
  'manifest.webmanifest': { path: manifest, type: 'application/manifest+json' },
};

/** /static/<name>: only the files listed above; anything else is a 404. */
export function staticAssets() {
  return new Elysia().get('/static/:name', ({ params, set }) => {
    const asset = assets[params.name];
    if (!asset) {
      set.status = 404;
      return 'Not found';
    }
    set.headers['content-type'] = asset.type;
    set.headers['cache-control'] = 'public, max-age=3600';
    return Bun.file(asset.path);
  });
}
