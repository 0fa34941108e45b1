import { describe, expect, it } from "vitest";
import { db, sendsDatasetId } from "../../../src/db";
import { loadSendListTitle, loadSendListTitles } from "../../../src/db/queries/campaigns";
import type { Campaign } from "../../../src/db/types";
import { freshDb } from "../sync/support/fakes";

const campaign = (generation: "v2" | "v3", campaignId: string, name: string): Campaign => ({
  accountId: "acc",
  generation,
  campaignId,
  name,
  status: "sent",
  fetchedAt: 1,
  raw: {},
});

describe("the titles of several send lists at once", () => {
  it("say what loadSendListTitle says of each, in two reads: v2, v3, a resend, and what is not cached", async () => {
    freshDb();
    await db().campaigns.bulkPut([
      campaign("v2", "1100", "Winter letter"),
      campaign("v3", "c-spring", "Spring sale"),
    ]);
    await db().campaignActivities.bulkPut([
      {
        accountId: "acc",
        campaignId: "c-spring",
        campaignActivityId: "a-primary",
        role: "primary_email",
        fetchedAt: 1,
      },
      {
        accountId: "acc",
        campaignId: "c-spring",
        campaignActivityId: "a-resend",
        role: "resend",
        fetchedAt: 1,
      },
      {
        accountId: "acc",
        campaignId: "c-gone",
        campaignActivityId: "a-orphan",
        role: "primary_email",
        fetchedAt: 1,
      },
    ]);
    const datasets = [
      sendsDatasetId("acc", "v2", "1100"),
      sendsDatasetId("acc", "v3", "a-primary"),
      sendsDatasetId("acc", "v3", "a-resend"),
      sendsDatasetId("acc", "v3", "a-orphan"), // its campaign is not cached
      sendsDatasetId("acc", "v3", "a-unknown"), // nor its activity
      sendsDatasetId("acc", "v2", "9999"),
      "not a dataset",
    ];
    const titles = await loadSendListTitles(datasets);
    expect([...titles.values()]).toEqual([
      "Winter letter",
      "Spring sale",
      "Spring sale · resend",
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const one = await Promise.all(datasets.map(loadSendListTitle));
    expect([...titles.values()]).toEqual(one);
  });
});
