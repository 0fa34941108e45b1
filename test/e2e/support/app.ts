import { inject } from "vitest";
import { type StaticServer, startStaticServer } from "../../../scripts/lib/static-server";
import type { SandboxConfig } from "../../../src/sandbox/core";
import { startSandboxServer } from "../../../src/sandbox/node/serve";

export interface RunningApp {
  /** The app's origin, e.g. http://127.0.0.1:39123 */
  url: string;
  /** The sandbox's origin: a different port, so API calls are really cross-origin. */
  sandboxUrl: string;
  sandbox: Awaited<ReturnType<typeof startSandboxServer>>["sandbox"];
  server: StaticServer;
  close(): Promise<void>;
}

/** The built app and a fresh sandbox, each on a free port of the loopback. */
export async function startApp(sandboxConfig: Partial<SandboxConfig> = {}): Promise<RunningApp> {
  const sandboxServer = await startSandboxServer({
    port: 0,
    config: { autoApprove: true, ...sandboxConfig },
  });
  const server = await startStaticServer({ root: inject("distDir"), sandboxOrigin: sandboxServer.url });
  // Both on free ports: the app's origin is known only now, and the sandbox answers CORS for no other.
  sandboxServer.allowOrigin(server.origin);
  return {
    url: server.url,
    sandboxUrl: sandboxServer.url,
    sandbox: sandboxServer.sandbox,
    server,
    close: async () => {
      await Promise.all([server.close(), sandboxServer.close()]);
    },
  };
}
