// SPDX-License-Identifier: MIT
// The CDN entry of the loader: `<script type="module" src=".../kc.js"></script>`.
import { installLoader } from '../loader/loader.js';

installLoader({ base: new URL('.', import.meta.url) });
