// A minimal static file server for the built page (dist/), bound to
// 127.0.0.1 only. Used by the README's serve command and by the browser tests.
// It sends a file's precompressed copy (FILE.br or FILE.gz, written by
// www/precompress.mjs) when the request accepts that encoding, and answers a
// revalidation with 304 when the file has not changed.
// Usage: node www/serve.mjs [DIR] [PORT]   (defaults: dist, 8080)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/**
 * The page's Content-Security-Policy, the same as index.html's meta tag (the
 * browser tests check that they agree). As a header it also governs the
 * worker, whose script a meta tag cannot reach: 'wasm-unsafe-eval' lets both
 * compile their wasm, and nothing else may run or load from anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers of every response: the CSP and what keeps the page to itself. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The encodings a precompressed copy may have, the server's preference first. */
const ENCODINGS = [{ name: 'br', extension: 'br' }, { name: 'gzip', extension: 'gz' }];

/**
 * The encoding of `file`'s precompressed copy to send for a request that
 * accepts `accepted` (its Accept-Encoding header), or null for the file as is.
 */
async function precompressed(file, accepted = '') {
  const offered = new Set(accepted.split(',')
    .map((part) => part.split(';').map((piece) => piece.trim().toLowerCase()))
    .filter(([, ...params]) => !params.some((param) => /^q=0(\.0*)?$/.test(param)))
    .map(([name]) => name));
  for (const encoding of ENCODINGS) {
    if (offered.has(encoding.name) && (await stat(`${file}.${encoding.extension}`).catch(() => null))?.isFile()) {
      return encoding;
    }
  }
  return null;
}

/** Starts serving `root` on 127.0.0.1:`port` (0 picks a free port). Resolves to { server, url }. */
export function startServer(root, port = 0) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) throw new Error('not a file');
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'ETag': `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
        'Vary': 'Accept-Encoding',
      };
      if (request.headers['if-none-match'] === headers.ETag) {
        response.writeHead(304, headers).end();
        return;
      }
      const encoding = await precompressed(file, request.headers['accept-encoding']);
      const body = await readFile(encoding ? `${file}.${encoding.extension}` : file);
      if (encoding) headers['Content-Encoding'] = encoding.name;
      response.writeHead(200, { ...headers, 'Content-Length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  const { url } = await startServer(root, port);
  console.log(`公文透镜已启动：${url}  (serving ${resolve(root)}; Ctrl+C to stop)`);
}
