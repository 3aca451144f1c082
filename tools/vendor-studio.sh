#!/usr/bin/env bash
# Vendors VoxBeam Studio's 3D viewer: installs Niivue at the version pinned in
# studio/package-lock.json (npm ci, from the npm registry only) and writes its self-contained ES
# module bundle to launcher/studio-vendor/, which the launcher's build puts on its classpath
# (served at /studio/vendor/niivue.js). The output is generated, never committed; without it the
# Studio works and its 3D view says how to enable it. Run before 'mvn package'.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix studio --ignore-scripts --no-audit --no-fund
out=launcher/studio-vendor/org/voxbeam/launcher/studio/vendor
mkdir -p "$out"
# Niivue's "min" export is its whole bundle, dependencies included, as one URL-encoded string;
# decoded, it is an ES module the page imports with no further requests.
node --input-type=module -e "
  import { writeFileSync } from 'node:fs';
  const { esm } = await import('./studio/node_modules/@niivue/niivue/build/index.min.js');
  writeFileSync('$out/niivue.js', decodeURIComponent(esm));
"
echo "vendored Niivue $(node -p "require('./studio/node_modules/@niivue/niivue/package.json').version") into $out"
