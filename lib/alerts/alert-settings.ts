// Thresholds of the alert checks, from the environment. Decimals are allowed everywhere so that tests
// can use seconds where production uses minutes and hours.
function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export type AlertSettings = {
  checkSeconds: number;
  postProcessingMinutes: number;
  silentHours: number;
  silentMinCalls: number;
  refusedCount: number;
  refusedMinutes: number;
  webhookUrl: string | null;
  webhookFormat: "slack" | "json";
  allowPrivateUrls: boolean;
  retrySeconds: number;
  maxAttempts: number;
  /** Where people open this Callboard (CALLBOARD_PUBLIC_URL), for absolute links in notifications. */
  publicUrl: URL | null;
  publicUrlProblem: string | null;
};

// An http(s) URL, or nothing with the reason: a link that opens nowhere is worse than none, and a
// misspelt setting must not stop the alerts themselves (the Alerts page and the log say what is wrong).
function publicUrl(raw = process.env.CALLBOARD_PUBLIC_URL?.trim()): { url: URL | null; problem: string | null } {
  if (!raw) return { url: null, problem: null };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: null, problem: "CALLBOARD_PUBLIC_URL is not a URL (such as https://callboard.example.com), so notifications carry paths instead of links." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { url: null, problem: "CALLBOARD_PUBLIC_URL must start with https:// or http://, so notifications carry paths instead of links." };
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return { url, problem: null };
}

export function alertSettings(): AlertSettings {
  const format = process.env.CALLBOARD_ALERT_WEBHOOK_FORMAT?.trim().toLowerCase();
  const base = publicUrl();
  return {
    checkSeconds: positive("CALLBOARD_ALERT_CHECK_SECONDS", 30),
    postProcessingMinutes: positive("CALLBOARD_ALERT_POST_PROCESSING_MINUTES", 15),
    silentHours: positive("CALLBOARD_ALERT_SILENT_HOURS", 2),
    silentMinCalls: Math.ceil(positive("CALLBOARD_ALERT_SILENT_MIN_CALLS", 5)),
    refusedCount: Math.ceil(positive("CALLBOARD_ALERT_REFUSED_COUNT", 5)),
    refusedMinutes: positive("CALLBOARD_ALERT_REFUSED_MINUTES", 10),
    webhookUrl: process.env.CALLBOARD_ALERT_WEBHOOK_URL?.trim() || null,
    webhookFormat: format === "json" ? "json" : "slack",
    allowPrivateUrls: process.env.CALLBOARD_ALERT_ALLOW_PRIVATE_URLS === "1",
    retrySeconds: positive("CALLBOARD_ALERT_RETRY_SECONDS", 30),
    maxAttempts: Math.ceil(positive("CALLBOARD_ALERT_MAX_ATTEMPTS", 8)),
    publicUrl: base.url,
    publicUrlProblem: base.problem,
  };
}
