/** Anything with Elysia's `handle`; keeps the client independent of the app's exact type. */
interface Handler {
  handle(request: Request): Promise<Response>;
}

/**
 * Drives the app like a same-origin browser: keeps cookies, sends the CSRF token it last saw, and can pose
 * as an htmx partial request. No network is involved (app.handle).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: Handler) {}

  async request(path: string, init: RequestInit & { htmx?: boolean; form?: Record<string, string>; csrf?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.htmx) {
      headers.set('hx-request', 'true');
      headers.set('hx-request-type', 'partial');
    }
    let body = init.body;
    if (init.form) {
      const form = new URLSearchParams(init.form);
      if (init.csrf !== false && !form.has('_csrf') && this.csrfToken) form.set('_csrf', this.csrfToken);
      body = form.toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const response = await this.app.handle(new Request(`http://localhost${path}`, { ...init, headers, body, redirect: 'manual' }));
    this.remember(response);
    return response;
  }

  get = (path: string, init: RequestInit & { htmx?: boolean } = {}) => this.request(path, { ...init, method: 'GET' });

  post = (path: string, form: Record<string, string> = {}, init: RequestInit & { htmx?: boolean; csrf?: boolean } = {}) =>
    this.request(path, { ...init, method: 'POST', form });

  /** Loads a page and picks up its CSRF token, as a browser does before submitting a form. */
  async load(path: string): Promise<string> {
    const response = await this.get(path);
    const html = await response.text();
    this.rememberCsrfFrom(html);
    return html;
  }

  async signIn(email: string, password: string) {
    await this.load('/login');
    const response = await this.post('/login', { email, password });
    if (response.status !== 303) throw new Error(`sign-in failed with ${response.status}`);
    await this.load('/settings/profile');
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  /** Extracts the CSRF token from a rendered page (hidden field or hx-headers). */
  rememberCsrfFrom(html: string) {
    const match = html.match(/name="_csrf" value="([^"]+)"/) ?? html.match(/X-CSRF-Token&#34;:&#34;([^&]+)&#34;/);
    if (match) this.csrfToken = match[1]!;
  }
}
