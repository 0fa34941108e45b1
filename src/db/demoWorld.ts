import type { DemoWorld } from "../core/demo";
import { db } from "./db";

export const DEMO_WORLD_KEY = "demo-world";

/**
 * The demo's persisted world, or the one `create` makes on a first visit. Read and written in one
 * transaction, so two tabs starting the demo at once end up with the same world.
 */
export function demoWorldOr(create: () => DemoWorld): Promise<DemoWorld> {
  return db().transaction("rw", db().settings, async () => {
    const stored = (await db().settings.get(DEMO_WORLD_KEY))?.value;
    if (isDemoWorld(stored)) return stored;
    const fresh = create();
    await db().settings.put({ key: DEMO_WORLD_KEY, value: fresh });
    return fresh;
  });
}

function isDemoWorld(value: unknown): value is DemoWorld {
  const world = value as Partial<DemoWorld> | null | undefined;
  return (
    typeof world === "object" &&
    world !== null &&
    Number.isSafeInteger(world.seed) &&
    Number.isFinite(world.anchor) &&
    typeof world.tokenSecret === "string" &&
    world.tokenSecret.length > 0
  );
}
