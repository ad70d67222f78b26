/** Header proxy.ts sets to the requested path and query, so the sign-in redirect can return there. */
export const REQUEST_PATH_HEADER = "x-callboard-path";
