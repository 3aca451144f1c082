// The Studio's only way to the server: the HTTP API under /api/v1, with the bearer token in a header.
// The token lives in sessionStorage (gone with the tab) and never in a URL.

const PREFIX = '/api/v1';
const TOKEN_KEY = 'voxbeam.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function saveToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

async function request(method, path, body) {
  const headers = {};
  const token = savedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(PREFIX + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (!response.ok) {
    let error = { code: `http_${response.status}`, message: response.statusText };
    try {
      error = await response.json();
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, error.code, error.message);
  }
  return response;
}

async function json(method, path, body) {
  return (await request(method, path, body)).json();
}

export const api = {
  version: () => json('GET', '/version'),
  runs: (limit = 50) => json('GET', `/runs?limit=${limit}`),
  run: (id) => json('GET', `/runs/${encodeURIComponent(id)}`),
  submit: (body) => json('POST', '/runs', body),
  cancel: (id) => json('DELETE', `/runs/${encodeURIComponent(id)}`),
  plan: (body) => json('POST', '/plan', body),
  result: (id) => json('GET', `/results/${id}`),
  items: (id, offset, limit) => json('GET', `/results/${id}/items?offset=${offset}&limit=${limit}`),

  /** The raw bytes of a result, read as a stream so progress can be shown; onProgress(done, total). */
  async raw(id, onProgress = () => {}) {
    const response = await request('GET', `/results/${id}/content?format=raw`);
    const total = Number(response.headers.get('Content-Length')) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let done = 0;
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      chunks.push(value);
      done += value.length;
      onProgress(done, total);
    }
    if (total && done !== total) throw new ApiError(0, 'short_content', `got ${done} of ${total} bytes`);
    const bytes = new Uint8Array(done);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes.buffer;
  },

  /** An image result as a NIfTI file (for the 3D view). */
  async nifti(id) {
    return (await request('GET', `/results/${id}/content?format=nifti`)).blob();
  },
};
