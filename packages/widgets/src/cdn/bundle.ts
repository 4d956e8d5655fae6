// SPDX-License-Identifier: MIT
// `kc.bundle.js`: every element in one self-contained file, for pages that prefer one request to lazy chunks.
import '../kc-provider.js';
import '../kc-outage-banner.js';
import '../kc-complaint-form.js';
import '../kc-complaint-status.js';
import '../kc-callback.js';
import '../kc-rating.js';
import '../kc-chat.js';
