/**
 * The part of Cloudflare D1's binding these modules use, typed here rather than pulling in
 * @cloudflare/workers-types (whose globals clash with the DOM types the page compiles with).
 */
interface D1Meta {
  changes: number;
}
interface D1Result<T = Record<string, unknown>> {
  results: T[];
  success: boolean;
  meta: D1Meta;
}
interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run(): Promise<D1Result>;
}
export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  /** Runs the statements in order as one transaction: all or nothing. */
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
}
