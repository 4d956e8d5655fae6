// SPDX-License-Identifier: MIT
// kc in a Vue 3 application: the elements are registered by importing their modules; App.vue uses them. The page
// talks to the contact center at /api/v1 (the reference server, which also serves the page).
import { createApp } from 'vue';
import '@kc/widgets/kc-provider.js';
import '@kc/widgets/kc-outage-banner.js';
import '@kc/widgets/kc-complaint-form.js';
import '@kc/widgets/kc-complaint-status.js';
import '@kc/widgets/kc-rating.js';
import '@kc/widgets/kc-chat.js';
import App from './App.vue';

createApp(App).mount('#app');
