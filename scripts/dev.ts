// `npm run dev`: Vite's dev server with hot reload, next to the sandbox.
import { createServer } from "vite";
import { startSandboxServer } from "../src/sandbox/node/serve";

const sandbox = await startSandboxServer({ port: Number(process.env.SANDBOX_PORT ?? 4174) });
process.env.SANDBOX_ORIGIN = sandbox.url;
const vite = await createServer({});
await vite.listen();
// The sandbox answers CORS only for origins it is told: Vite's are known once it listens (it may
// move to the next free port).
for (const url of [...(vite.resolvedUrls?.local ?? []), ...(vite.resolvedUrls?.network ?? [])]) {
  sandbox.allowOrigin(new URL(url).origin);
}
vite.printUrls();
console.log(`  Sandbox    ${sandbox.url}\n`);
