// Calls to the Careline API through the gateway (same origin), with the signed-in user's access token.
// Failures become ApiError carrying the RFC 9457 problem the server answered.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export class Api {
  constructor(auth) {
    this.auth = auth;
  }

  get(path) {
    return this.#send('GET', path);
  }

  /** `extra`: headers of the call's own, e.g. If-Match or Idempotency-Key. */
  post(path, body, extra = {}) {
    return this.#send('POST', path, body, extra);
  }

  put(path, body) {
    return this.#send('PUT', path, body);
  }

  /** A GET whose answer is not JSON (a CSV export): its text. */
  text(path, accept) {
    return this.#send('GET', path, undefined, { Accept: accept });
  }

  async #send(method, path, body, extra = {}, retried = false) {
    let response;
    const headers = { Accept: 'application/json', ...extra, Authorization: `Bearer ${this.auth.accessToken}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, null); // offline, or the gateway is down
    }
    // an access token can expire between two renewals (a laptop asleep): renew once and try again
    if (response.status === 401 && !retried && (await this.auth.renew())) {
      return this.#send(method, path, body, extra, true);
    }
    if (!response.ok) {
      const problem = (await problemOf(response)) ?? {};
      // the id support can find the request by: the gateway puts it on every answer, services not always in the body
      problem.requestId ??= response.headers.get('X-Request-Id') ?? undefined;
      throw new ApiError(response.status, problem);
    }
    if (response.status === 204) return null;
    return (response.headers.get('Content-Type') ?? '').includes('json') ? response.json() : response.text();
  }
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}
