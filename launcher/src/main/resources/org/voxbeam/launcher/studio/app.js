// VoxBeam Studio: wires the page to the API. Submit a program or plan, follow the run, list runs,
// and open goals by name: text for scalars, tables for sequences, slice viewers for images.
import { api, ApiError, forgetToken, savedToken, saveToken } from './api.js';
import { renderDag } from './dag.js';
import { escapeHtml, renderSequence } from './tables.js';
import { SliceViewer, volume } from './viewer.js';
import { show3d } from './volume3d.js';

const $ = (id) => document.getElementById(id);
const TERMINAL = new Set(['succeeded', 'failed', 'aborted', 'cancelled']);
const POLL_MS = 400;

const EXAMPLE = `// One synthetic case: threshold the bright squares, keep the largest component.
// Paths are relative to the server's first data root.
import "simpleitk"
import "vox1"

img = ReadImage("synthetic/images/case_002_0000.nii.gz")
bright = img > 127
biggest = maxvol(bright)
print "image" img
print "bright" bright
print "largest component" biggest
print "largest volume" volume(biggest)
`;

const state = { runId: null, goals: [], timer: null };

function showError(element, error) {
  element.hidden = !error;
  element.textContent = error ? (error.code ? `${error.code}: ${error.message}` : String(error)) : '';
}

async function connect() {
  try {
    const version = await api.version();
    $('connection').textContent = `connected to VoxBeam ${version.version}`;
    await listRuns();
  } catch (error) {
    $('connection').textContent =
      error instanceof ApiError && error.status === 401 ? 'the token was refused' : `error: ${error.message}`;
  }
}

async function listRuns() {
  const { runs } = await api.runs();
  const list = $('runs');
  list.replaceChildren();
  for (const run of runs) {
    const item = document.createElement('li');
    const when = run.started_at ?? run.submitted_at ?? '';
    const program = run.program_path ? ` ${run.program_path.split('/').pop()}` : '';
    item.innerHTML = `<span class="state ${escapeHtml(run.state)}">${escapeHtml(run.state)}</span>
      ${escapeHtml(when.replace('T', ' ').slice(0, 19))}${escapeHtml(program)}`;
    item.title = run.run_id;
    item.dataset.runId = run.run_id;
    item.onclick = () => follow(run.run_id);
    if (run.run_id === state.runId) item.classList.add('selected');
    list.append(item);
  }
}

async function submit(event) {
  event.preventDefault();
  showError($('submit-error'), null);
  const text = $('source').value;
  let body;
  try {
    body = $('kind').value === 'plan'
      ? { plan: JSON.parse(text) }
      : { program: text, name: $('name').value || 'studio.imgql' };
  } catch (error) {
    showError($('submit-error'), `the plan is not JSON: ${error.message}`);
    return;
  }
  if ($('no-cache').checked) body.no_cache = true;
  try {
    const run = await api.submit(body);
    drawPlan(body);
    await follow(run.run_id, true);
    listRuns();
  } catch (error) {
    showError($('submit-error'), error);
  }
}

async function drawPlan(body) {
  try {
    const plan = body.plan ?? (await api.plan({ program: body.program, name: body.name }));
    $('dag-panel').hidden = false;
    renderDag($('dag'), plan);
  } catch (error) {
    $('dag').textContent = `no graph: ${error.message}`;
  }
}

/** Shows run id and polls it until it ends; keepGraph keeps the graph of a run just submitted. */
async function follow(id, keepGraph = false) {
  clearTimeout(state.timer);
  state.runId = id;
  if (!keepGraph) $('dag-panel').hidden = true;
  $('run-panel').hidden = false;
  $('result-panel').hidden = true;
  $('run-id').textContent = id;
  document.querySelectorAll('#runs li').forEach((li) => {
    li.classList.toggle('selected', li.dataset.runId === id);
  });
  const poll = async () => {
    if (state.runId !== id) return;
    let run;
    try {
      run = await api.run(id);
    } catch (error) {
      showError($('run-error'), error);
      return;
    }
    showRun(run);
    if (!TERMINAL.has(run.state)) state.timer = setTimeout(poll, POLL_MS);
    else if (keepGraph) listRuns();
  };
  await poll();
}

function showRun(run) {
  const badge = $('run-state');
  badge.textContent = run.state;
  badge.className = `state ${run.state}`;
  $('run-panel').dataset.state = run.state;
  $('cancel-run').hidden = TERMINAL.has(run.state);
  const counts = run.progress ?? run.nodes;
  const done = counts ? (counts.done ?? (counts.computed + counts.cached + counts.failed)) : 0;
  const total = counts?.total ?? 0;
  // Items of dataset loops count as work too, so the bar is not full while a loop still runs.
  const loop = counts?.items;
  const work = total + (loop?.total ?? 0);
  const worked = done + (loop?.done ?? 0);
  $('progress-bar').style.width = `${work ? (100 * worked) / work : TERMINAL.has(run.state) ? 100 : 0}%`;
  const items = run.report?.items ?? loop;
  const itemText = items && items.computed + items.cached + items.failed > 0
    ? `; items ${loop?.total ? `${loop.done} of ${loop.total}, ` : ''}${items.computed} computed, ${items.cached} from store, ${items.failed} failed` : '';
  const eta = !TERMINAL.has(run.state) && counts?.eta_ms != null ? `; about ${Math.ceil(counts.eta_ms / 1000)} s left` : '';
  $('progress-text').textContent = counts
    ? `${done} of ${total} nodes (${counts.computed} computed, ${counts.cached} from store, ${counts.failed} failed)${itemText}${eta}`
    : '';
  showError($('run-error'), run.error ? { message: run.error } : null);
  showGoals(run.goals ?? []);
}

function showGoals(goals) {
  state.goals = goals.map((goal) => ({ ...goal, id: goal.id ?? goal.node_id }));
  const list = $('goals');
  if (list.dataset.run === state.runId && list.children.length === state.goals.length) return;
  list.dataset.run = state.runId;
  list.replaceChildren();
  for (const goal of state.goals) {
    const item = document.createElement('li');
    item.dataset.goal = goal.name;
    const kind = goal.vox_type ?? goal.operation ?? '';
    item.innerHTML = `${escapeHtml(goal.name)}<span class="type">${escapeHtml(kind)}
      ${goal.status === 'failed' ? ' — failed' : ''}</span>`;
    item.onclick = () => openGoal(goal);
    list.append(item);
  }
}

async function openGoal(goal) {
  $('result-panel').hidden = false;
  $('result-title').textContent = goal.name;
  document.querySelectorAll('#goals li').forEach((li) => {
    li.classList.toggle('selected', li.dataset.goal === goal.name);
  });
  const body = $('result-body');
  body.replaceChildren();
  const meta = $('result-meta');
  if (goal.status === 'failed') {
    meta.textContent = '';
    body.innerHTML = `<p class="error">${escapeHtml(goal.error ?? 'failed')}</p>`;
    return;
  }
  let descriptor;
  try {
    descriptor = await api.result(goal.id);
  } catch (error) {
    body.innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
    return;
  }
  meta.textContent = `${descriptor.type} · ${descriptor.operator} · computed in ${descriptor.compute_ms} ms · node ${descriptor.node_id.slice(0, 12)}…`;
  if (descriptor.status === 'failed') {
    body.innerHTML = `<p class="error">${escapeHtml(descriptor.error)}</p>`;
  } else if (descriptor.geometry) {
    await openImage(body, descriptor, goal);
  } else if (descriptor.length !== undefined) {
    await renderSequence(body, descriptor);
  } else if (descriptor.bytes !== undefined) {
    body.innerHTML = `<p>${descriptor.bytes} bytes of ${escapeHtml(descriptor.type)}
      ${descriptor.shape ? `(shape ${descriptor.shape.join('×')}, ${descriptor.dtype})` : ''}</p>`;
  } else {
    const text = document.createElement('pre');
    text.className = 'value-text';
    text.textContent = descriptor.summary;
    body.append(text);
  }
}

async function loadVolume(descriptor, status) {
  const buffer = await api.raw(descriptor.node_id, (done, total) => {
    status.textContent = `loading voxels… ${Math.round((100 * done) / (total || 1))}%`;
  });
  status.textContent = '';
  return volume(descriptor, buffer);
}

async function openImage(body, descriptor, goal) {
  const status = document.createElement('p');
  status.className = 'muted';
  const bar = document.createElement('div');
  bar.className = 'row';
  const overlay = document.createElement('select');
  overlay.id = 'overlay';
  overlay.add(new Option('no overlay', ''));
  // A recorded run's goals carry no type: offer them all, and the viewer refuses a non-image.
  const others = state.goals.filter((g) => g.name !== goal.name && g.status !== 'failed'
    && (g.vox_type === undefined || /^(image2d|volume3d)$/.test(g.vox_type)));
  for (const other of others) overlay.add(new Option(`overlay: ${other.name}`, other.id));
  const size = descriptor.geometry.size.join('×');
  const info = document.createElement('span');
  info.className = 'muted';
  info.textContent = `${size} ${descriptor.dtype}, spacing ${descriptor.geometry.spacing.join(' × ')}`;
  const nifti = Object.assign(document.createElement('button'), { textContent: 'Download NIfTI' });
  bar.append(overlay, info, nifti);
  const viewerBox = document.createElement('div');
  viewerBox.id = 'slice-viewer';
  const view3d = document.createElement('div');
  view3d.className = 'view3d';
  body.append(bar, status, viewerBox, view3d);

  const viewer = new SliceViewer(viewerBox);
  viewer.setImage(await loadVolume(descriptor, status));
  body.dataset.ready = 'image';
  let overlayId = null;
  overlay.onchange = async () => {
    overlayId = overlay.value || null;
    body.dataset.ready = 'loading';
    try {
      if (!overlayId) {
        viewer.setOverlay(null);
      } else {
        const mask = await api.result(overlayId);
        if (!mask.geometry) throw new Error(`${mask.type} is not an image`);
        viewer.setOverlay(await loadVolume(mask, status));
      }
      status.textContent = '';
      body.dataset.ready = overlayId ? 'overlay' : 'image';
      if (view3d.dataset.shown) show3d(view3d, descriptor.node_id, overlayId);
    } catch (error) {
      status.textContent = `overlay: ${error.message}`;
      body.dataset.ready = 'error';
    }
  };
  nifti.onclick = async () => {
    const url = URL.createObjectURL(await api.nifti(descriptor.node_id));
    Object.assign(document.createElement('a'), { href: url, download: `${goal.name}.nii.gz` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  // The 3D view is drawn on request: it downloads the volume again as NIfTI and, without a GPU,
  // renders in software, which would hold up the slice viewer for every image opened.
  const open3d = Object.assign(document.createElement('button'), { textContent: 'Show in 3D' });
  open3d.id = 'show-3d';
  open3d.onclick = () => {
    view3d.dataset.shown = 'true';
    show3d(view3d, descriptor.node_id, overlayId);
  };
  view3d.append(open3d);
}

function start() {
  $('token').value = savedToken();
  $('source').value = EXAMPLE;
  $('kind').onchange = () => {
    $('name').disabled = $('kind').value === 'plan';
  };
  $('token-form').onsubmit = (event) => {
    event.preventDefault();
    saveToken($('token').value);
    connect();
  };
  $('forget').onclick = () => {
    forgetToken();
    $('token').value = '';
    $('connection').textContent = 'token forgotten';
  };
  $('example').onclick = () => {
    $('kind').value = 'program';
    $('source').value = EXAMPLE;
  };
  $('submit-form').onsubmit = submit;
  $('cancel-run').onclick = async () => {
    if (!state.runId) return;
    try {
      showRun(await api.cancel(state.runId));
    } catch (error) {
      showError($('run-error'), error);
    }
  };
  $('refresh-runs').onclick = () => listRuns().catch((error) => showError($('submit-error'), error));
  connect();
}

start();
