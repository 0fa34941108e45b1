// `npm run sandbox`: the sandbox alone, configured from the environment
// (SANDBOX_PORT, SANDBOX_SENDS, SANDBOX_CAMPAIGNS, SANDBOX_AUDIENCE, SANDBOX_AUTO_APPROVE=1, SANDBOX_TOKEN_LIFETIME_S, SANDBOX_SEED,
// SANDBOX_RATE_LIMIT, SANDBOX_LATENCY_MS, SANDBOX_ALLOWED_ORIGINS). See src/sandbox/README.md.
import { V2_API_KEY, V3_CLIENT_ID } from "../credentials";
import { configFromEnv, portFromEnv } from "./env";
import { startSandboxServer } from "./serve";

/** With no SANDBOX_ALLOWED_ORIGINS, the app where Vite serves it: `vite preview` and `vite` dev. */
const VITE_APP_ORIGINS = ["http://127.0.0.1:4173", "http://127.0.0.1:5173"];

const server = await startSandboxServer({
  port: portFromEnv(process.env),
  host: process.env.SANDBOX_HOST,
  config: { allowedOrigins: configFromEnv(process.env).allowedOrigins ?? VITE_APP_ORIGINS },
});
const c = server.sandbox.config;
console.log(`\n  Sandbox    ${server.url}  (simulated Constant Contact)`);
console.log(`  v3 client id ${V3_CLIENT_ID}   v2 API key ${V2_API_KEY}`);
const sent = server.sandbox.world.campaigns.filter((campaign) => campaign.v2Status === "SENT").length;
console.log(
  `  account "${c.audience}": ${sent} sent campaigns to ${server.sandbox.world.audience.lists.length} lists`,
);
console.log(
  `  big campaign ${c.bigCampaignSends} sends, auto-approve ${c.autoApprove ? "on" : "off"}, token lifetime ${c.accessTokenLifetimeS}s`,
);
console.log(`  CORS for ${c.allowedOrigins.join(", ")} (and their localhost names; SANDBOX_ALLOWED_ORIGINS)`);
console.log(`  admin: ${server.url}/__sandbox/stats  (see src/sandbox/README.md)\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
