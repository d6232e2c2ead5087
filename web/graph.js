// The computation graph as SVG, drawn from the DOT text a backprop answer holds with
// "dot": true (leibniz/graph/dot.cpp writes it: node labels carry the equation, the
// value and ∂loss/∂node; edge labels the gradient flowing back). Laid out left to right
// in layers by longest path, as Graphviz's rankdir=LR would; every label is SVG text.

const SVG = "http://www.w3.org/2000/svg";
// Graphs larger than this are left to the table: a picture of them is unreadable.
export const MAX_DRAWN_NODES = 300;

// A DOT quoted string at text[i] === '"': its value ("\n" a line break) and the end.
function quoted(text, i) {
  let out = "";
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === "\\" && j + 1 < text.length) {
      j += 1;
      out += text[j] === "n" ? "\n" : text[j];
    } else if (c === '"') {
      return { value: out, end: j + 1 };
    } else {
      out += c;
    }
  }
  throw new Error("unterminated string in the DOT text");
}

// key=value, key="value", ... between the brackets of a statement.
function attributes(text) {
  const attrs = {};
  let i = 0;
  while (i < text.length) {
    const key = /^[\s,]*([A-Za-z_]+)=/.exec(text.slice(i));
    if (!key) break;
    i += key[0].length;
    if (text[i] === '"') {
      const q = quoted(text, i);
      attrs[key[1]] = q.value;
      i = q.end;
    } else {
      const bare = /^[^,\]\s]*/.exec(text.slice(i))[0];
      attrs[key[1]] = bare;
      i += bare.length;
    }
  }
  return attrs;
}

/// {nodes: [{id, lines, shape, fill}], edges: [{from, to, label}]} of leibniz's DOT text.
export function parseDot(dot) {
  const nodes = [];
  const edges = [];
  for (const raw of dot.split("\n")) {
    const line = raw.trim();
    const edge = /^n(\d+) -> n(\d+) \[(.*)\];$/.exec(line);
    if (edge) {
      edges.push({ from: Number(edge[1]), to: Number(edge[2]), label: attributes(edge[3]).label ?? "" });
      continue;
    }
    const node = /^n(\d+) \[(.*)\];$/.exec(line);
    if (node) {
      const a = attributes(node[2]);
      nodes.push({
        id: Number(node[1]),
        lines: (a.label ?? "").split("\n"),
        shape: a.shape ?? "box",
        fill: /^#[0-9a-fA-F]{6}$/.test(a.fillcolor ?? "") ? a.fillcolor : "#ffffff",
      });
    }
  }
  return { nodes, edges };
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const CHAR = 7.2;  // px per character at the font size used
const LINE = 15;
const GAP_X = 70;
const GAP_Y = 22;

/// Lays out and draws the graph into a new <svg> element.
export function drawGraph({ nodes, edges }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const into = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) if (into.has(e.to) && byId.has(e.from)) into.get(e.to).push(e.from);
  // Layers by longest path from the leaves; the DOT lists nodes in topological order.
  const layer = new Map();
  for (const n of nodes) {
    layer.set(n.id, Math.max(-1, ...into.get(n.id).map((f) => layer.get(f) ?? 0)) + 1);
  }
  const columns = [];
  for (const n of nodes) {
    n.width = Math.max(...n.lines.map((l) => Array.from(l).length)) * CHAR + 20;
    n.height = n.lines.length * LINE + 12;
    (columns[layer.get(n.id)] ??= []).push(n);
  }
  // Order each column by the mean row of the nodes it reads (fewer crossings).
  let x = 10;
  let height = 0;
  columns.forEach((column, c) => {
    if (c > 0) {
      const mean = (n) => {
        const from = into.get(n.id);
        return from.length ? from.reduce((s, f) => s + byId.get(f).y, 0) / from.length : 0;
      };
      column.sort((a, b) => mean(a) - mean(b));
    }
    const width = Math.max(...column.map((n) => n.width));
    let y = 10;
    for (const n of column) {
      n.x = x + (width - n.width) / 2;
      n.y = y;
      y += n.height + GAP_Y;
    }
    height = Math.max(height, y);
    x += width + GAP_X;
  });

  const root = svg("svg", {
    viewBox: `0 0 ${Math.ceil(x)} ${Math.ceil(height)}`,
    width: Math.ceil(x),
    height: Math.ceil(height),
    role: "img",
    class: "graph-svg",
  });
  const title = svg("title");
  title.textContent = `computation graph: ${nodes.length} nodes, ${edges.length} edges`;
  root.append(title);
  const defs = svg("defs");
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555555" }));
  defs.append(marker);
  root.append(defs);

  const edgeLayer = svg("g", { class: "edges" });
  for (const e of edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + b.height / 2;
    const bend = Math.max(30, (x2 - x1) / 2);
    const g = svg("g", { class: "edge" });
    g.append(svg("path", {
      d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
      fill: "none", stroke: "#555555", "stroke-width": 1.2, "marker-end": "url(#arrow)",
    }));
    if (e.label) {
      const t = svg("text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4, "text-anchor": "middle", class: "edge-label" });
      t.textContent = e.label;
      g.append(t);
    }
    edgeLayer.append(g);
  }
  const nodeLayer = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const g = svg("g", { class: `node ${n.shape}` });
    g.append(svg("rect", {
      x: n.x, y: n.y, width: n.width, height: n.height,
      rx: n.shape === "ellipse" ? n.height / 2 : 4,
      fill: n.fill, stroke: "#333333", "stroke-width": 1,
    }));
    n.lines.forEach((line, i) => {
      const t = svg("text", { x: n.x + n.width / 2, y: n.y + 6 + LINE * (i + 1) - 3, "text-anchor": "middle", class: i === 2 ? "gradient" : i === 1 ? "value" : "name" });
      t.textContent = line;
      g.append(t);
    });
    nodeLayer.append(g);
  }
  root.append(edgeLayer, nodeLayer);
  return root;
}
