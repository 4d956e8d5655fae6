// SPDX-License-Identifier: MIT
// JSX typings of the kc elements for React 19, written from @kc/widgets' classes and events (the same facts as
// `custom-elements.json`). React 19 sets a prop as a property when the element has one (`baseUrl`, `strings`,
// `client`…), as an attribute otherwise, and listens to `on<event-name>` props: `onkc-submitted` listens to
// `kc-submitted`. Copy this file into your project as it is.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  KcCallback,
  KcChat,
  KcComplaintForm,
  KcComplaintStatus,
  KcElement,
  KcOutageBanner,
  KcProvider,
  KcRating,
} from '@kc/widgets';

/** `on<name>` props for the listed events, typed by `GlobalEventHandlersEventMap` (where kc declares them). */
type EventProps<Name extends keyof GlobalEventHandlersEventMap> = {
  [K in Name as `on${K}`]?: (event: GlobalEventHandlersEventMap[K]) => void;
};

/**
 * The props of a kc element: the HTML ones (`lang`, `className`, `ref`, `children`…), the properties every kc
 * element has, its own properties, and its events. `onError` is React's own event prop: use `onkc-error`.
 */
type KcProps<E extends KcElement, Own extends keyof E, Events extends keyof GlobalEventHandlersEventMap> = Omit<
  DetailedHTMLProps<HTMLAttributes<E>, E>,
  'onError'
> &
  Partial<Pick<E, Own | 'baseUrl' | 'client' | 'theme'>> &
  EventProps<Events | 'kc-error'>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kc-provider': KcProps<KcProvider, never, never>;
      'kc-outage-banner': KcProps<KcOutageBanner, 'headingLevel' | 'dismissStorage' | 'strings', 'kc-outage-dismiss'>;
      'kc-chat': KcProps<
        KcChat,
        'position' | 'open' | 'topic' | 'pageSize' | 'strings',
        'kc-chat-toggle' | 'kc-chat-started' | 'kc-chat-ended'
      >;
      'kc-callback': KcProps<
        KcCallback,
        'headingLevel' | 'topic' | 'chatSessionId' | 'categoryId' | 'phone' | 'strings',
        'kc-callback-requested' | 'kc-callback-cancelled'
      >;
      'kc-rating': KcProps<
        KcRating,
        'subjectKind' | 'subjectId' | 'subject' | 'auth' | 'ces' | 'nps' | 'headingLevel' | 'phone' | 'strings',
        'kc-rated' | 'kc-complaint-requested'
      >;
      'kc-complaint-form': KcProps<
        KcComplaintForm,
        'headingLevel' | 'draftKey' | 'identity' | 'strings',
        'kc-submit' | 'kc-submitted' | 'kc-submit-error' | 'kc-follow-status'
      >;
      'kc-complaint-status': KcProps<KcComplaintStatus, 'trackingNumber' | 'headingLevel' | 'strings', never>;
    }
  }
}
