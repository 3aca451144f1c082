// The graph of a plan as a layered SVG: a node's column is the length of the longest path from a
// constant to it, so every edge points right; goals are outlined and carry their names.

const SVG = 'http://www.w3.org/2000/svg';
const MAX_NODES = 600;
const BOX_W = 150;
const BOX_H = 24;
const GAP_X = 40;
const GAP_Y = 10;

function label(node) {
  if (node.type === 'constant') {
    const text = JSON.stringify(node.value);
    return text.length > 20 ? `${text.slice(0, 19)}…` : text;
  }
  return node.operator.replace(/^default\./, '');
}

function element(name, attributes, parent) {
  const created = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, value);
  parent?.append(created);
  return created;
}

/** Draws plan (VoxLogicA-2 JSON: nodes in dependency order, goals) into container. */
export function renderDag(container, plan) {
  container.replaceChildren();
  const nodes = plan.nodes;
  if (nodes.length > MAX_NODES) {
    container.textContent = `${nodes.length} nodes: too many to draw here (at most ${MAX_NODES}).`;
    return;
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const layer = new Map();
  for (const node of nodes) {
    const inputs = Object.values(node.arguments ?? {}).filter((id) => byId.has(id));
    layer.set(node.id, inputs.length ? 1 + Math.max(...inputs.map((id) => layer.get(id) ?? 0)) : 0);
  }
  const columns = [];
  const position = new Map();
  for (const node of nodes) {
    const column = layer.get(node.id);
    columns[column] ??= [];
    position.set(node.id, [column, columns[column].length]);
    columns[column].push(node);
  }
  const goals = new Map();
  for (const goal of plan.goals) {
    goals.set(goal.id, [...(goals.get(goal.id) ?? []), goal.name]);
  }
  const tallest = Math.max(...columns.map((c) => c.length));
  const width = columns.length * (BOX_W + GAP_X);
  const height = tallest * (BOX_H + GAP_Y) + GAP_Y;
  const svg = element('svg', { width, height, viewBox: `0 0 ${width} ${height}` }, container);
  const xy = (id) => {
    const [column, row] = position.get(id);
    return [column * (BOX_W + GAP_X) + 4, row * (BOX_H + GAP_Y) + GAP_Y];
  };
  for (const node of nodes) {
    const [x, y] = xy(node.id);
    for (const input of Object.values(node.arguments ?? {})) {
      if (!byId.has(input)) continue;
      const [fromX, fromY] = xy(input);
      element('line', { x1: fromX + BOX_W, y1: fromY + BOX_H / 2, x2: x, y2: y + BOX_H / 2 }, svg);
    }
  }
  for (const node of nodes) {
    const [x, y] = xy(node.id);
    const names = goals.get(node.id);
    const group = element('g', { class: names ? 'node goal' : 'node', 'data-id': node.id }, svg);
    element('rect', { x, y, width: BOX_W, height: BOX_H, rx: 4 }, group);
    const text = element('text', { x: x + 6, y: y + 16 }, group);
    text.textContent = names ? `${label(node)} → ${names.join(', ')}` : label(node);
    element('title', {}, group).textContent =
      `${node.id}\n${node.type} ${node.operator ?? ''}\n${node.output_kind ?? ''}`;
  }
}
