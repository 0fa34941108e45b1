// @vitest-environment node
import { describe, expect, it } from "vitest";
import { buildV3Activities } from "../../../src/sandbox/data/activitiesV3";
import { v3ActivityJson } from "../../../src/sandbox/routes/v3/activityJson";
import { activityFromV3 } from "../../../src/sync/activityRows";
import { activityTitle } from "../../../src/ui/activities/activityFilter";

const ANCHOR = Date.parse("2026-11-25T10:00:00.000Z");
const specs = buildV3Activities(1, ANCHOR);
const rowOf = (spec: (typeof specs)[number]) =>
  activityFromV3("acc-1", v3ActivityJson(1, spec, ANCHOR) as Parameters<typeof activityFromV3>[1]);

describe("what an activity is called", () => {
  it("a v3 import is titled by its source_file_name, as the sandbox serves it", () => {
    const imports = specs.filter((spec) => spec.kind === "import");
    expect(imports.length).toBeGreaterThan(0);
    for (const spec of imports) {
      const json = v3ActivityJson(1, spec, ANCHOR);
      expect(json.source_file_name, `import ${spec.id}`).toEqual(expect.any(String));
      expect(activityTitle(rowOf(spec))).toBe(json.source_file_name);
    }
    expect(activityTitle(rowOf(specs.find((spec) => spec.sourceFileName === "spring-import.csv")!))).toBe(
      "spring-import.csv",
    );
  });

  it("without a file name, v3 falls back to what its links tell (an export) or 'Bulk activity'", () => {
    const listAdd = specs.find((spec) => spec.kind === "list_add" && !spec.sourceFileName)!;
    expect(activityTitle(rowOf(listAdd))).toBe("Bulk activity");
    expect(activityTitle({ generation: "v3", type: "EXPORT_CONTACTS" })).toBe("Export contacts");
  });

  it("v2 keeps its type, which it always has", () => {
    expect(activityTitle({ generation: "v2", type: "ADD_CONTACTS", fileName: "list.csv" })).toBe(
      "Add contacts",
    );
  });
});
