// SPDX-License-Identifier: MIT
/**
 * Demo data: a realistic akimat contact center for examples, the mock and tests.
 *
 * @packageDocumentation
 */
import type { BackendSettings } from '../context.js';
import type { OperatorRecord } from '../store/store.js';
import type { LocalizedText } from '../wire.js';
import { DEMO_KNOWLEDGE_BASE } from './knowledge-base.js';

export { demoConfig, DEMO_BIN, DEMO_CATEGORIES } from './config.js';
export { KZ_HOLIDAYS_2025_2027, KZ_WORKING_DAYS_2025_2027 } from './holidays.js';
export { DEMO_KNOWLEDGE_BASE } from './knowledge-base.js';

/** The demo operators: three operators and a supervisor, all offline until a host marks them online. */
export const DEMO_OPERATORS: OperatorRecord[] = [
  {
    id: '0f1e2d3c-4b5a-4697-8877-665544332211',
    displayName: 'Айгүл',
    roles: ['operator'],
    online: false,
    maxChats: 3,
    lastSeenAt: null,
  },
  {
    id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    displayName: 'Ерлан',
    roles: ['operator'],
    online: false,
    maxChats: 3,
    lastSeenAt: null,
  },
  {
    id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    displayName: 'Мадина',
    roles: ['operator'],
    online: false,
    maxChats: 3,
    lastSeenAt: null,
  },
  {
    id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
    displayName: 'Жанар',
    roles: ['operator', 'supervisor'],
    online: false,
    maxChats: 2,
    lastSeenAt: null,
  },
];

const dept = (kk: string, ru: string, en: string): LocalizedText => ({ kk, ru, en });
const chief: LocalizedText = { kk: 'Бас маман', ru: 'Главный специалист', en: 'Chief specialist' };
const head: LocalizedText = { kk: 'Бөлім басшысы', ru: 'Руководитель отдела', en: 'Head of department' };

/** The demo settings: responsible departments per category area, operators and the knowledge base. */
export const demoSettings: Partial<BackendSettings> = {
  trackingPrefix: 'KC',
  operators: DEMO_OPERATORS,
  knowledgeBase: DEMO_KNOWLEDGE_BASE,
  contactCenterCategory: 'contact-center',
  responsible: {
    '*': { department: dept('Байланыс орталығы', 'Контакт-центр', 'Contact center'), position: chief },
    utilities: {
      department: dept(
        'Энергетика және тұрғын үй-коммуналдық шаруашылық бөлімі',
        'Отдел энергетики и жилищно-коммунального хозяйства',
        'Energy and housing utilities department',
      ),
      position: chief,
    },
    roads: {
      department: dept(
        'Жолаушылар көлігі және автомобиль жолдары бөлімі',
        'Отдел пассажирского транспорта и автомобильных дорог',
        'Passenger transport and roads department',
      ),
      position: chief,
    },
    transport: {
      department: dept(
        'Жолаушылар көлігі және автомобиль жолдары бөлімі',
        'Отдел пассажирского транспорта и автомобильных дорог',
        'Passenger transport and roads department',
      ),
      position: chief,
    },
    social: {
      department: dept(
        'Жұмыспен қамту және әлеуметтік бағдарламалар бөлімі',
        'Отдел занятости и социальных программ',
        'Employment and social programmes department',
      ),
      position: chief,
    },
    land: {
      department: dept('Жер қатынастары бөлімі', 'Отдел земельных отношений', 'Land relations department'),
      position: chief,
    },
    'land.construction': {
      department: dept(
        'Сәулет және қала құрылысы бөлімі',
        'Отдел архитектуры и градостроительства',
        'Architecture and urban planning department',
      ),
      position: chief,
    },
    housing: {
      department: dept('Тұрғын үй қатынастары бөлімі', 'Отдел жилищных отношений', 'Housing department'),
      position: chief,
    },
    education: { department: dept('Білім бөлімі', 'Отдел образования', 'Education department'), position: chief },
    health: {
      department: dept(
        'Қоғамдық денсаулық сақтау басқармасы',
        'Управление общественного здравоохранения',
        'Public health office',
      ),
      position: chief,
    },
    ecology: {
      department: dept(
        'Табиғи ресурстар және табиғатты пайдалануды реттеу бөлімі',
        'Отдел природных ресурсов и регулирования природопользования',
        'Natural resources department',
      ),
      position: chief,
    },
    'contact-center': { department: dept('Байланыс орталығы', 'Контакт-центр', 'Contact center'), position: head },
  },
};
