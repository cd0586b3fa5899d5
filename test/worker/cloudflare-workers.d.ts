// The one piece of the workerd module `cloudflare:workers` these tests use: the main
// worker's default export, called in the same isolate (see @cloudflare/vitest-pool-workers).
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
  export const exports: { default: { fetch(request: Request): Promise<Response> } };
}
