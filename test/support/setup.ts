// Every unit/component test gets a fresh in-memory IndexedDB.
import "fake-indexeddb/auto";
import { configure } from "@solidjs/testing-library";
import { shiftDate } from "./shiftDate";

// `npm test` runs the unit suite a second time with the machine's date moved ahead (a year), so a
// test or a module that reads the real date where it should read the app's clock fails today
// instead of on some later day.
const aheadDays = Number(process.env.MAILROOM_TEST_DAYS_AHEAD ?? 0);
if (aheadDays !== 0) shiftDate(aheadDays * 86_400_000);

// findBy…/waitFor wait for what they look for, up to this long: Testing Library's 1 s default
// failed the Sends screen's tests whenever a busy machine (several suites on two cores) took
// longer to read and draw from fake-indexeddb. Waiting longer costs nothing when things are fast.
configure({ asyncUtilTimeout: 10_000 });
