// SPDX-License-Identifier: MIT
// An appeal as the contract's own example shows it (lookupComplaint, 200), for tests of the status code.

export const view = {
  complaint: {
    trackingNumber: 'KC-2026-000123',
    kind: 'complaint',
    category: {
      id: 'social.pensions',
      name: {
        kk: 'Зейнетақылар',
        ru: 'Пенсии',
        en: 'Pensions',
      },
    },
    subject: 'Жәрдемақы тағайындалмады',
    description: 'Жәрдемақы туралы өтінішім екі айдан бері қаралмай жатыр.',
    attachments: [
      {
        id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
        fileName: 'анықтама.pdf',
        contentType: 'application/pdf',
        size: 184320,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        uploadedAt: '2026-11-23T10:02:00+05:00',
      },
    ],
    applicant: {
      displayName: 'Әйгерім С.',
      phoneMasked: '+7 701 *** ** 67',
      emailMasked: 'a*****m@example.kz',
      preferredLanguage: 'kk',
      preferredContact: 'email',
    },
    chatSessionId: null,
    channel: 'web',
    status: 'in_review',
    registeredAt: '2026-11-23T10:05:00+05:00',
    dueAt: '2026-12-21T18:30:00+05:00',
    responsible: {
      department: {
        kk: 'Әлеуметтік қорғау бөлімі',
        ru: 'Отдел социальной защиты',
        en: 'Social protection department',
      },
      position: {
        kk: 'Бас маман',
        ru: 'Главный специалист',
        en: 'Chief specialist',
      },
    },
    delay: null,
    forwardedTo: null,
    resolution: null,
    externalRefs: [
      {
        system: 'e-otinish',
        reference: 'ЖТ-2026-04512345',
      },
    ],
    timeline: [
      {
        id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        at: '2026-11-23T10:05:00+05:00',
        type: 'registered',
        status: 'registered',
        note: {
          kk: 'Өтініш тіркелді.',
          ru: 'Обращение зарегистрировано.',
          en: 'The appeal was registered.',
        },
        actor: {
          kind: 'system',
        },
      },
      {
        id: '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
        at: '2026-11-23T14:20:00+05:00',
        type: 'status_changed',
        status: 'in_review',
        note: null,
        actor: {
          kind: 'operator',
          label: {
            kk: 'Байланыс орталығының операторы',
            ru: 'Оператор контакт-центра',
            en: 'Contact center operator',
          },
        },
      },
    ],
    comments: [],
    updatedAt: '2026-11-23T14:20:00+05:00',
  },
  viewToken: 'vt_3q2+7wAbCdEfGhIjKlMnOpQrStUv',
  viewTokenExpiresAt: '2026-11-23T15:00:00+05:00',
  lastEventId: '2',
} as const;
