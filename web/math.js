// Writing into the page. Every text from the user or from an answer goes in through
// textContent; the one markup inserted is KaTeX's own rendering (trust: false: no
// \href, \url or \htmlClass; throwOnError: false: bad LaTeX is shown in red, as text).

/// An element with a class and text, built without markup.
export function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/// Renders LaTeX into `node`; without KaTeX (the script failed to load) the LaTeX text.
export function renderMath(node, latex, displayMode = false) {
  clear(node);
  node.dataset.latex = latex;
  if (!window.katex) {
    node.textContent = latex;
    return;
  }
  window.katex.render(latex, node, {
    displayMode,
    throwOnError: false,
    trust: false,
    strict: "ignore",
    output: "htmlAndMathml",
    maxExpand: 1000,
  });
}

/// A new element holding rendered math.
export function math(latex, displayMode = false, tag = "span") {
  const node = el(tag, displayMode ? "math display" : "math");
  renderMath(node, latex, displayMode);
  return node;
}

/// The error object of an answer as a line of text: "parse error: expected ...".
export function errorText(error) {
  return `${error.kind} error: ${error.message}`;
}

/// The index in Array.from(text) of the character at UTF-8 byte `offset`: the engine
/// counts error positions in bytes of the UTF-8 text (for ASCII the same as characters).
export function characterAt(text, offset) {
  const encoder = new TextEncoder();
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    if (bytes >= offset) return index;
    bytes += encoder.encode(ch).length;
    index += 1;
  }
  return index;
}

/// The text with the character at `pos` (the answer's error position) marked, and a caret
/// line under it: the parse error shown in place.
export function caretView(text, pos) {
  const chars = Array.from(text);
  const at = characterAt(text, pos);
  const pre = el("pre", "caret");
  pre.append(document.createTextNode(chars.slice(0, at).join("")));
  pre.append(el("mark", "bad", chars[at] ?? " "));
  pre.append(document.createTextNode(chars.slice(at + 1).join("")));
  pre.append(document.createTextNode("\n" + " ".repeat(at) + "^"));
  return pre;
}

/// Copies `text`; says so in `status` (an aria-live region).
export async function copyText(text, status, what) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = `Copied (${what}).`;
  } catch {
    // No clipboard permission (an insecure origin, a test browser): select it instead.
    const area = el("textarea", "offscreen");
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    status.textContent = done ? `Copied (${what}).` : `Copy failed (${what}): ${text}`;
  }
}
