// The page's one door to leibniz: POST /api with a request object of spec §3, the answer
// object back. A request superseded by a newer one of the same channel (typing on) is
// aborted, so an old answer never overwrites a newer one.

const inFlight = new Map();  // channel -> AbortController

/// The answer to `request`; {ok: false, error: {kind: "network", ...}} when the server
/// cannot be reached or answers something else than JSON; null when superseded.
export async function ask(request, channel = null) {
  let controller = null;
  if (channel) {
    inFlight.get(channel)?.abort();
    controller = new AbortController();
    inFlight.set(channel, controller);
  }
  try {
    const response = await fetch("/api", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
      signal: controller?.signal,
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return failure(`the server answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
  } catch (error) {
    if (error.name === "AbortError") return null;
    return failure(`the server cannot be reached (${error.message})`);
  } finally {
    if (channel && inFlight.get(channel) === controller) inFlight.delete(channel);
  }
}

function failure(message) {
  return { ok: false, error: { kind: "network", message, pos: null } };
}

/// `fn` called `delay` ms after the last of a burst of calls.
export function debounce(fn, delay) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delay);
  };
}
