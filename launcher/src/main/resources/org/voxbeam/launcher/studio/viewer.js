// A slice viewer for 3D images drawn on a <canvas>: axial, coronal or sagittal planes, a slider and
// the mouse wheel through slices, window/level (sliders, or drag on the image), and a mask overlaid
// in colour. Voxels arrive as the raw little-endian bytes of the result, x fastest.

const ARRAYS = {
  bool: Uint8Array, uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
  int64: BigInt64Array, uint64: BigUint64Array,
};

/** The overlay colour, blended half over the grey image. */
export const OVERLAY_RGB = [255, 40, 40];
const OVERLAY_ALPHA = 0.5;

/** A volume from an image descriptor and its raw bytes: dims (3, padded with 1), spacing, numbers. */
export function volume(descriptor, buffer) {
  const TypedArray = ARRAYS[descriptor.dtype];
  if (!TypedArray) throw new Error(`cannot show voxels of type ${descriptor.dtype}`);
  let data = new TypedArray(buffer);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    data = Float64Array.from(data, Number);
  }
  const size = descriptor.geometry.size.map(Number);
  const spacing = descriptor.geometry.spacing.map(Number);
  const dims = [size[0] ?? 1, size[1] ?? 1, size[2] ?? 1];
  const count = dims[0] * dims[1] * dims[2];
  if (data.length < count) throw new Error(`expected ${count} voxels, got ${data.length}`);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { dims, spacing: [spacing[0] ?? 1, spacing[1] ?? 1, spacing[2] ?? 1], data, min, max };
}

/** For each plane: the axes across and down the canvas, and the axis the slider moves along. */
const PLANES = {
  axial: { across: 0, down: 1, through: 2 },
  coronal: { across: 0, down: 2, through: 1 },
  sagittal: { across: 1, down: 2, through: 0 },
};

export class SliceViewer {
  constructor(container) {
    this.container = container;
    this.plane = 'axial';
    this.overlay = null;
    container.replaceChildren();
    container.classList.add('viewer');
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'slice';
    this.controls = document.createElement('div');
    this.controls.className = 'controls';
    container.append(this.canvas, this.controls);
    this.planeSelect = this.control('plane', select(Object.keys(PLANES)));
    this.sliceInput = this.control('slice', range());
    this.windowInput = this.control('window', range());
    this.levelInput = this.control('level', range());
    this.planeSelect.onchange = () => this.setPlane(this.planeSelect.value);
    this.sliceInput.oninput = () => this.draw();
    this.windowInput.oninput = () => this.draw();
    this.levelInput.oninput = () => this.draw();
    this.canvas.addEventListener('wheel', (event) => {
      event.preventDefault();
      this.sliceInput.valueAsNumber += Math.sign(event.deltaY);
      this.draw();
    }, { passive: false });
    this.dragWindowLevel();
  }

  control(label, input) {
    const name = document.createElement('label');
    name.textContent = label;
    const value = document.createElement('output');
    input.addEventListener('input', () => { value.textContent = input.value; });
    input.dataset.control = label;
    this.controls.append(name, input, value);
    input.output = value;
    return input;
  }

  /** Dragging on the image: right and left change the window, up and down the level. */
  dragWindowLevel() {
    let last = null;
    this.canvas.addEventListener('pointerdown', (event) => {
      last = [event.clientX, event.clientY];
      this.canvas.setPointerCapture(event.pointerId);
    });
    this.canvas.addEventListener('pointerup', () => { last = null; });
    this.canvas.addEventListener('pointermove', (event) => {
      if (!last || !this.image) return;
      const step = (this.image.max - this.image.min || 1) / 256;
      this.windowInput.valueAsNumber += (event.clientX - last[0]) * step;
      this.levelInput.valueAsNumber -= (event.clientY - last[1]) * step;
      last = [event.clientX, event.clientY];
      this.draw();
    });
  }

  setImage(image) {
    this.image = image;
    const span = image.max - image.min || 1;
    const step = Number.isInteger(image.min) && Number.isInteger(image.max) ? 1 : span / 1000;
    setRange(this.windowInput, step, span * 2, span, step);
    setRange(this.levelInput, image.min - span / 2, image.max + span / 2, image.min + span / 2, step);
    this.setPlane(this.plane);
  }

  /** A mask of the same dimensions, drawn in colour where it is non-zero; null removes it. */
  setOverlay(mask) {
    if (mask && mask.dims.some((d, i) => d !== this.image.dims[i])) {
      throw new Error(`the overlay is ${mask.dims.join('×')}, the image ${this.image.dims.join('×')}`);
    }
    this.overlay = mask;
    this.draw();
  }

  setPlane(plane) {
    this.plane = plane;
    this.planeSelect.value = plane;
    const { across, down, through } = PLANES[plane];
    const { dims, spacing } = this.image;
    this.canvas.width = dims[across];
    this.canvas.height = dims[down];
    // Shown with the voxels' physical aspect, at least 384 pixels on the longer side.
    const width = dims[across] * spacing[across];
    const height = dims[down] * spacing[down];
    const scale = 384 / Math.max(width, height);
    this.canvas.style.width = `${Math.round(width * scale)}px`;
    this.canvas.style.height = `${Math.round(height * scale)}px`;
    setRange(this.sliceInput, 0, dims[through] - 1, Math.floor(dims[through] / 2), 1);
    this.draw();
  }

  draw() {
    if (!this.image) return;
    const { across, down, through } = PLANES[this.plane];
    const { dims, data } = this.image;
    const stride = [1, dims[0], dims[0] * dims[1]];
    const slice = this.sliceInput.valueAsNumber;
    const contrast = Math.max(this.windowInput.valueAsNumber, Number.EPSILON);
    const low = this.levelInput.valueAsNumber - contrast / 2;
    const width = dims[across];
    const height = dims[down];
    const pixels = new ImageData(width, height);
    const out = pixels.data;
    const mask = this.overlay?.data;
    for (let row = 0; row < height; row++) {
      // Row 0 of the canvas is the highest index along "down": anterior/superior up.
      const j = height - 1 - row;
      for (let i = 0; i < width; i++) {
        const index = i * stride[across] + j * stride[down] + slice * stride[through];
        const grey = Math.max(0, Math.min(255, ((data[index] - low) / contrast) * 255));
        const at = (row * width + i) * 4;
        if (mask && mask[index]) {
          out[at] = grey * (1 - OVERLAY_ALPHA) + OVERLAY_RGB[0] * OVERLAY_ALPHA;
          out[at + 1] = grey * (1 - OVERLAY_ALPHA) + OVERLAY_RGB[1] * OVERLAY_ALPHA;
          out[at + 2] = grey * (1 - OVERLAY_ALPHA) + OVERLAY_RGB[2] * OVERLAY_ALPHA;
        } else {
          out[at] = out[at + 1] = out[at + 2] = grey;
        }
        out[at + 3] = 255;
      }
    }
    this.canvas.getContext('2d').putImageData(pixels, 0, 0);
    for (const input of [this.sliceInput, this.windowInput, this.levelInput]) {
      input.output.textContent = round(input.valueAsNumber);
    }
    this.canvas.dataset.slice = String(slice);
  }
}

function round(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

function range() {
  return Object.assign(document.createElement('input'), { type: 'range' });
}

function select(options) {
  const element = document.createElement('select');
  for (const option of options) element.add(new Option(option, option));
  return element;
}

function setRange(input, min, max, value, step) {
  input.min = String(min);
  input.max = String(max);
  input.step = String(step);
  input.value = String(value);
}
