/** See fixture-server.mjs. */
export declare const MAPPED_HOSTS: string[];
export declare function serveFixtures(): Promise<{
  port: number;
  url: (path: string) => string;
  close: () => Promise<void>;
}>;
