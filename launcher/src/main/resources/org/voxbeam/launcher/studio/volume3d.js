// The 3D view, drawn by Niivue when the build step vendored it (tools/vendor-studio.sh puts it at
// /studio/vendor/niivue.js); without it the view says how to add it. Volumes reach Niivue as blob
// URLs of NIfTI downloads, so the token stays in a request header.
import { api } from './api.js';

let library = null;

function niivue() {
  library ??= import('./vendor/niivue.js').catch(() => null);
  return library;
}

/** Draws image imageId (and mask overlayId, if not null) in 3D into container, or says why not. */
export async function show3d(container, imageId, overlayId) {
  try {
    await draw(container, imageId, overlayId);
  } catch (error) {
    container.innerHTML = '';
    container.append(Object.assign(document.createElement('p'), {
      className: 'muted', textContent: `3D view unavailable here: ${error.message}`,
    }));
  }
}

async function draw(container, imageId, overlayId) {
  container.replaceChildren();
  const module = await niivue();
  if (!module) {
    container.innerHTML = '<p class="muted">3D view: not built into this server. Run '
      + '<code>tools/vendor-studio.sh</code> before packaging (see docs/studio.md).</p>';
    return;
  }
  const canvas = document.createElement('canvas');
  container.append(canvas);
  const viewer = new module.Niivue({ backColor: [0, 0, 0, 1], isResizeCanvas: false });
  await viewer.attachToCanvas(canvas);
  const urls = [];
  const volumes = [{ url: blobUrl(await api.nifti(imageId), urls), name: 'image.nii.gz' }];
  if (overlayId) {
    volumes.push({
      url: blobUrl(await api.nifti(overlayId), urls), name: 'overlay.nii.gz', colormap: 'red', opacity: 0.6,
    });
  }
  await viewer.loadVolumes(volumes);
  viewer.setSliceType(viewer.sliceTypeRender);
  urls.forEach((url) => URL.revokeObjectURL(url));
  container.dataset.ready = '3d';
}

function blobUrl(blob, urls) {
  const url = URL.createObjectURL(blob);
  urls.push(url);
  return url;
}
