// IndexedDB exists only in the browser, so the app renders there: no server-side rendering.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
