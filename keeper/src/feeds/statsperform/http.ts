/**
 * Conditional GET for SDAPI polling: remembers ETag / Last-Modified per URL and sends
 * If-None-Match / If-Modified-Since, so an unchanged document costs a 304 and no parsing.
 */
export type Fetch = typeof fetch;

export type ConditionalResult = { readonly status: 304 } | { readonly status: 200; readonly text: string };

export class HttpStatusError extends Error {
  constructor(readonly url: string, readonly status: number) {
    super(`GET ${url}: HTTP ${status}`);
    this.name = "HttpStatusError";
  }
}

export class ConditionalGetter {
  private readonly validators = new Map<string, { etag: string | null; lastModified: string | null }>();
  requests = 0;
  notModified = 0;

  constructor(private readonly fetchImpl: Fetch = fetch) {}

  async get(url: string, signal?: AbortSignal): Promise<ConditionalResult> {
    const headers: Record<string, string> = { accept: "application/json" };
    const v = this.validators.get(url);
    if (v?.etag) headers["if-none-match"] = v.etag;
    if (v?.lastModified) headers["if-modified-since"] = v.lastModified;
    this.requests += 1;
    const res = await this.fetchImpl(url, { headers, ...(signal ? { signal } : {}) });
    if (res.status === 304) {
      this.notModified += 1;
      await res.body?.cancel();
      return { status: 304 };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new HttpStatusError(url, res.status);
    }
    const text = await res.text();
    this.validators.set(url, { etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified") });
    return { status: 200, text };
  }
}
