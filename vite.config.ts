import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";

/** Which build this is: shown in Settings, and what makes a newer build a different service worker. */
const buildId = process.env.MAILROOM_BUILD_ID ?? new Date().toISOString();

/**
 * `/runtime-config.json` tells the page where the sandbox runs, so one build serves any port.
 * A static deployment without it falls back to the default sandbox origin.
 */
function runtimeConfig(): Plugin {
  const body = () => JSON.stringify({ sandboxOrigin: process.env.SANDBOX_ORIGIN ?? "http://127.0.0.1:4174" });
  const serve = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use("/runtime-config.json", (_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Cache-Control", "no-store");
      res.end(body());
    });
  };
  return { name: "mailroom-runtime-config", configureServer: serve, configurePreviewServer: serve };
}

export default defineConfig({
  define: { __MAILROOM_BUILD__: JSON.stringify(buildId) },
  plugins: [
    solid(),
    runtimeConfig(),
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
      manifest: {
        id: "/",
        name: "Mailroom for Constant Contact",
        short_name: "Mailroom",
        description: "Follow Constant Contact bulk jobs to the end and keep campaign send lists offline.",
        lang: "en",
        start_url: "/activities",
        scope: "/",
        display: "standalone",
        theme_color: "#1f4e79",
        background_color: "#f7f8fa",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
        shortcuts: [
          {
            name: "Activities",
            url: "/activities",
            icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }],
          },
          { name: "Campaigns", url: "/campaigns", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { target: "es2022", sourcemap: false },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
