// `npm start`: build Mailroom, then serve it next to the sandbox (a simulated Constant Contact),
// so a newcomer sees real screens with no account.
import { build } from "vite";
import { startSandboxServer } from "../src/sandbox/node/serve";
import { startStaticServer } from "./lib/static-server";

const appPort = Number(process.env.PORT ?? 4173);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4174);

// A build for the sandbox: its policy lets the page call loopback origins, as no deployed build may.
process.env.MAILROOM_SANDBOX_BUILD = "1";
await build({ logLevel: "warn" });
const sandbox = await startSandboxServer({ port: sandboxPort });
const app = await startStaticServer({ root: "dist", port: appPort, sandboxOrigin: sandbox.url });
// The sandbox answers CORS only for origins it is told: the app's is known once it listens.
sandbox.allowOrigin(app.origin);

console.log(`\n  Mailroom   ${app.url}`);
console.log(`  Sandbox    ${sandbox.url}  (simulated Constant Contact; see src/sandbox/README.md)\n`);
console.log("  Open Mailroom, go to Settings and connect the Sandbox account. Ctrl+C stops both.\n");

const stop = async () => {
  await Promise.all([app.close(), sandbox.close()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
