// `npm run deploy-files [-- --base /x/]`: writes deploy/_headers and deploy/nginx.conf from
// scripts/lib/security-headers.ts, with the origins of MAILROOM_CONNECT_SRC. The committed copies
// are for the default base and no extra origin (test/scripts/securityHeaders.test.ts keeps them so).
// The build writes its own dist/_headers for its base and origins.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { headersFile, nginxSnippet, policyOptionsFromEnv } from "./lib/security-headers";

const { values } = parseArgs({ options: { base: { type: "string", default: "/" } } });
const policy = policyOptionsFromEnv({ MAILROOM_CONNECT_SRC: process.env.MAILROOM_CONNECT_SRC });
writeFileSync("deploy/_headers", headersFile(policy, values.base));
writeFileSync("deploy/nginx.conf", nginxSnippet(policy, values.base));
console.log(`deploy/_headers and deploy/nginx.conf written for base ${values.base}`);
