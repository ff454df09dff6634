// Types for server.mjs (plain JavaScript so that it runs without a build), for TypeScript callers.
export interface ReceivedBeacon {
  /** Epoch milliseconds the server received it. */
  time: number;
  method: string;
  /** Absolute URL as requested, with the Host header's host. */
  url: string;
  body: string;
}

export interface DemoServer {
  url: string;
  port: number;
  received(): ReceivedBeacon[];
  clearReceived(): void;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  port?: number;
  host?: string;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
