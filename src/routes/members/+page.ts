// The map, the table and the timeline come from build-time data only, so the page is rendered to
// HTML on the server: the first paint shows them before any JavaScript runs.
export const ssr = true;
