// Every page is prerendered with server-side rendering, so its HTML already holds the shell, the
// headings and everything that does not depend on the learner's data; the data fills in once the
// database opens in the browser.
export const prerender = true;
export const trailingSlash = 'never';
