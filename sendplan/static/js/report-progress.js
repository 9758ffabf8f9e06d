// Follows a document being made in the background (reports/report_file.html): reads the page
// again every few seconds and puts in its new state, until the file is ready or could not be
// made. The state's sentence sits in a live region, so a screen reader hears each change.
// Without this script the page's "Check again" link does the same by hand.
const progress = document.querySelector("[data-report-progress]");
const EVERY_MS = 2000;

async function check() {
  let response;
  try {
    response = await fetch(window.location.href, { headers: { Accept: "text/html" } });
  } catch {
    return true; // offline for a moment: try again later
  }
  if (!response.ok) return true;
  const fresh = new DOMParser()
    .parseFromString(await response.text(), "text/html")
    .querySelector("[data-report-progress]");
  if (!fresh) return false;
  for (const part of ["status", "detail"]) {
    const selector = `[data-report-progress-${part}]`;
    const now = progress.querySelector(selector);
    const next = fresh.querySelector(selector);
    if (now && next && now.innerHTML !== next.innerHTML) now.innerHTML = next.innerHTML;
  }
  document.title = fresh.ownerDocument.title;
  return !fresh.hasAttribute("data-finished");
}

async function follow() {
  if (await check()) window.setTimeout(follow, EVERY_MS);
}

if (progress && !progress.hasAttribute("data-finished")) {
  window.setTimeout(follow, EVERY_MS);
}
