import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from "vite";
import { type ManifestOptions, VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";
import { policyOptionsFromEnv } from "./scripts/lib/security-headers";
import { securityPolicy } from "./scripts/lib/security-plugin";

/** Which build this is: shown in Settings, and what makes a newer build a different service worker. */
const buildId = process.env.MAILROOM_BUILD_ID ?? new Date().toISOString();

/**
 * `<base>runtime-config.json` tells the page where the sandbox runs, so one build serves any port.
 * A static deployment without it falls back to the default sandbox origin.
 */
function runtimeConfig(): Plugin {
  const body = () => JSON.stringify({ sandboxOrigin: process.env.SANDBOX_ORIGIN ?? "http://127.0.0.1:4174" });
  const serve = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use(`${server.config.base}runtime-config.json`, (_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Cache-Control", "no-store");
      res.end(body());
    });
  };
  return { name: "mailroom-runtime-config", configureServer: serve, configurePreviewServer: serve };
}

/**
 * The web app manifest for the path the build is served under (`vite build --base /x/`): scope,
 * start URL, icons and shortcuts all live under it. The default base `/` keeps id "/", so an
 * installed copy stays the same app.
 */
function manifestFor(base: string): Partial<ManifestOptions> {
  const icon192 = { src: `${base}icons/icon-192.png`, sizes: "192x192" };
  return {
    id: base,
    name: "Mailroom for Constant Contact",
    short_name: "Mailroom",
    description: "Follow Constant Contact bulk jobs to the end and keep campaign send lists offline.",
    lang: "en",
    start_url: `${base}activities`,
    scope: base,
    display: "standalone",
    theme_color: "#1f4e79",
    background_color: "#f7f8fa",
    icons: [
      { ...icon192, type: "image/png", purpose: "any" },
      { src: `${base}icons/icon-512.png`, sizes: "512x512", type: "image/png", purpose: "any" },
      { src: `${base}icons/maskable-512.png`, sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "Activities", url: `${base}activities`, icons: [icon192] },
      { name: "Campaigns", url: `${base}campaigns`, icons: [icon192] },
    ],
  };
}

export default defineConfig({
  define: { __MAILROOM_BUILD__: JSON.stringify(buildId) },
  plugins: [
    solid(),
    runtimeConfig(),
    // MAILROOM_CONNECT_SRC adds origins (a relay); MAILROOM_SANDBOX_BUILD=1 allows loopback.
    securityPolicy(policyOptionsFromEnv()),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "sw.ts",
      registerType: "prompt",
      injectRegister: false,
      injectManifest: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        rollupFormat: "es",
      },
      manifest: manifestFor("/"),
      // The base is known only once Vite has resolved its config (`--base` on the command line).
      integration: {
        configureOptions: (viteConfig, options) => {
          options.manifest = manifestFor(viteConfig.base);
        },
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { target: "es2022", sourcemap: false },
  // Module workers (started with type: "module"): their code may load chunks on demand, as the
  // database's v1 migration does, which a classic (iife) worker bundle cannot.
  worker: { format: "es" },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
