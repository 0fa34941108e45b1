// `npm run sandbox`: the sandbox alone, configured from the environment
// (SANDBOX_PORT, SANDBOX_SENDS, SANDBOX_AUTO_APPROVE=1, SANDBOX_TOKEN_LIFETIME_S, SANDBOX_SEED,
// SANDBOX_RATE_LIMIT, SANDBOX_LATENCY_MS). See src/sandbox/README.md.
import { V2_API_KEY, V3_CLIENT_ID } from "../credentials";
import { portFromEnv } from "./env";
import { startSandboxServer } from "./serve";

const server = await startSandboxServer({ port: portFromEnv(process.env), host: process.env.SANDBOX_HOST });
const c = server.sandbox.config;
console.log(`\n  Sandbox    ${server.url}  (simulated Constant Contact)`);
console.log(`  v3 client id ${V3_CLIENT_ID}   v2 API key ${V2_API_KEY}`);
console.log(
  `  big campaign ${c.bigCampaignSends} sends, auto-approve ${c.autoApprove ? "on" : "off"}, token lifetime ${c.accessTokenLifetimeS}s`,
);
console.log(`  admin: ${server.url}/__sandbox/stats  (see src/sandbox/README.md)\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
