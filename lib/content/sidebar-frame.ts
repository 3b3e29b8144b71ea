import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { FrameMessageInput, SidebarContextInput } from '../messaging/sidebar-context';
import { bodyRequestId, encodeSidebarContext } from '../messaging/sidebar-link';
import { ask } from '../ui/ask';
import { createCollapseTab } from './collapse-tab';
import type { CollapsePreference } from './collapse-preference';
import { OVERLAY_ATTR } from './overlay-host';
import { markTiming } from './timing';

/** How a mail site makes room for the panel: reserve `width` px on the right, and give it back. */
export interface PageRoom {
  reserve(width: number): void;
  release(): void;
  /** Where the panel starts from the window's top (below the site's own top bar). */
  top(): number;
}

export interface SidebarFrameOptions {
  doc: Document;
  signal: AbortSignal;
  /**
   * `runtime.getURL('/sidebar.html')`: in Chrome a URL whose id changes every session
   * (`use_dynamic_url`), so a page cannot probe a fixed URL to learn the extension is installed.
   */
  sidebarUrl: string;
  /**
   * The origin of the document the frame then holds, which messages are addressed to: Chrome
   * loads the per-session URL at the extension's own origin, not at the URL's. By default the
   * origin of the extension's root URL.
   */
  frameOrigin?: string;
  /** The session's secret proving the channel handed to the frame is ours; by default asked of the background. */
  key?: () => Promise<string>;
  room: PageRoom;
  collapsed: CollapsePreference;
  /** The open messages' text, for the sidebar's "include text" (asked only by the frame). */
  bodyText: () => string;
  width?: number;
}

const TAB_WIDTH = 24;
/** How long a frame put away beside the list is kept loaded for the next thread. */
export const PARKED_MS = 10 * 60_000;
const PANEL_STYLE: Record<string, string> = {
  position: 'fixed', right: '0', bottom: '0', 'z-index': '2147483000', margin: '0', padding: '0',
  'box-sizing': 'border-box', 'border-left': '1px solid rgba(128,128,128,.35)', background: 'transparent',
};

/**
 * The sidebar beside an open thread: a fixed panel on the right holding the extension's sidebar
 * page in an iframe (`data-crm-overlay="sidebar"`), with room reserved on the page so nothing of
 * the message is covered, and a tab that folds it to a narrow strip (remembered). On each load
 * the frame is handed a channel (a MessagePort) with the session's key, which proves to the
 * sidebar that the channel is this script's and not a page script's; everything goes through
 * it: the thread shown (`crm:context`, which neither reloads the frame nor adds an entry to the
 * page's history), focus and risk requests, and the messages' text when the sidebar asks for it.
 * The first thread is also in the iframe's hash, only so the sidebar can look it up and draw it,
 * unseen, before the channel is proven (the page can read and change the hash). When no thread is open
 * the panel is put away, not removed: hidden, out of the page's layout, marked
 * `data-crm-overlay="sidebar-parked"`, showing nothing, and kept loaded for PARKED_MS, so the
 * next thread opened from the list is a message to a loaded page instead of a new one.
 */
export function createSidebarFrame(opts: SidebarFrameOptions) {
  const { doc, signal, room } = opts;
  const width = opts.width ?? 360;
  // Built by hand: some engines answer "null" for the origin of an extension URL.
  const root = new URL(opts.frameOrigin ?? browser.runtime.getURL('/'));
  const origin = `${root.protocol}//${root.host}`;
  let panel: HTMLDivElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let loaded = false;
  /** Messages for a frame not linked yet (loading, or the key not come): sent once it is. */
  let queue: FrameMessageInput[] = [];
  /** The shown thread's context, encoded and as it is. */
  let current = '';
  let currentContext: SidebarContextInput | null = null;
  /**
   * Our end of the channel handed to the frame on its last load: messages go through it straight
   * to the frame's process (window messages are relayed by the browser), and no page script can
   * read or answer them.
   */
  let port: MessagePort | null = null;
  /** Asked for at once, so it is here long before the first frame has loaded. */
  let key: string | null = null;
  let asking = false;
  function askKey(): void {
    if (asking || key !== null) return;
    asking = true;
    (opts.key ?? (() => ask('sidebarKey')))().then((value) => (key = value), () => undefined).finally(() => {
      asking = false;
      // A frame that loaded meanwhile is linked now; without the key (the worker not answering
      // yet) it is asked for again in a while, for as long as a frame waits for it.
      if (loaded && !port) setTimeout(link, key === null ? 1000 : 0);
    });
  }
  askKey();
  let collapsed = false;
  /** Put away while no thread is open (see above); removed when `parkTimer` fires. */
  let parked = false;
  let parkTimer: ReturnType<typeof setTimeout> | null = null;
  let theme: 'light' | 'dark' = 'light';
  const tab = createCollapseTab(doc, () => void setCollapsed(!collapsed, true));
  const ready = opts.collapsed.get().then((value) => { collapsed = value; layout(); }, () => undefined);

  function layout(): void {
    if (!panel || parked) return;
    const top = Math.max(0, Math.round(room.top()));
    panel.style.setProperty('top', `${top}px`);
    panel.style.setProperty('width', `${width}px`);
    panel.style.setProperty('display', collapsed ? 'none' : 'block');
    room.reserve(collapsed ? TAB_WIDTH : width);
    const label = t(collapsed ? 'sidebar_expand' : 'sidebar_collapse');
    tab.update({ collapsed, right: collapsed ? 0 : width, top: top + 8, label, theme });
    if (!tab.host.isConnected) (doc.body ?? doc.documentElement).append(tab.host);
  }

  // Position and reserved room are re-measured once per frame: measuring forces a layout of the
  // page Gmail just changed, which must not delay handing the frame its new thread.
  let layoutPending = false;
  function layoutSoon(): void {
    if (layoutPending) return;
    layoutPending = true;
    (doc.defaultView ?? window).requestAnimationFrame(() => {
      layoutPending = false;
      if (!signal.aborted) layout();
    });
  }

  async function setCollapsed(value: boolean, remember: boolean): Promise<void> {
    collapsed = value;
    layout();
    if (remember) await opts.collapsed.set(value).catch(() => undefined);
  }

  function create(src: string): void {
    panel = doc.createElement('div');
    panel.setAttribute(OVERLAY_ATTR, 'sidebar-panel');
    for (const [name, value] of Object.entries(PANEL_STYLE)) panel.style.setProperty(name, value, 'important');
    frame = doc.createElement('iframe');
    frame.setAttribute(OVERLAY_ATTR, 'sidebar');
    frame.title = t('sidebar_title');
    frame.style.cssText = 'border:0;width:100%;height:100%;display:block;color-scheme:normal;';
    loaded = false;
    // Every load (a reload, or the page pointing the frame elsewhere) is a new document: it gets
    // a new channel, and the open thread through it, whatever its URL says.
    frame.addEventListener('load', () => {
      loaded = true;
      link();
    }, { signal });
    frame.src = src;
    panel.append(frame);
    (doc.body ?? doc.documentElement).append(panel);
  }

  /** Hands the loaded frame a new channel with the key, then the open thread and what waited for it. */
  function link(): void {
    port?.close();
    port = null;
    const target = frame?.contentWindow;
    if (!target || typeof MessageChannel !== 'function') return;
    if (key === null) return askKey();
    const channel = new MessageChannel();
    const own = channel.port1;
    // The sidebar asks for the messages' text only through the channel, so only we answer.
    own.onmessage = (event: MessageEvent) => {
      const requestId = bodyRequestId(event.data);
      if (requestId !== null) own.postMessage({ type: 'crm:body', requestId, text: opts.bodyText().slice(0, 200_000) } satisfies FrameMessageInput);
    };
    // Addressed to the extension's origin: if the page pointed the frame at a document of its
    // own, the browser drops the message, and the key and channel with it.
    target.postMessage({ type: 'crm:port', key } satisfies FrameMessageInput, origin, [channel.port2]);
    port = own;
    if (currentContext) handOver(currentContext);
    const waiting = queue;
    queue = [];
    waiting.forEach(send);
  }

  function handOver(context: SidebarContextInput): void {
    port?.postMessage({ type: 'crm:context', context } satisfies FrameMessageInput);
  }

  function send(message: FrameMessageInput): void {
    if (port) port.postMessage(message);
    else queue.push(message);
  }

  /** Takes the panel out of the page for good (the next thread loads a new frame). */
  function remove(): void {
    unpark();
    panel?.remove();
    tab.host.remove();
    panel = frame = null;
    port?.close();
    port = null;
    loaded = false;
    queue = [];
    current = '';
    currentContext = null;
    room.release();
  }
  signal.addEventListener('abort', remove, { once: true });

  /** Puts the panel away while no thread is open: see the comment above. */
  function park(): void {
    if (parked) return;
    if (!panel || !frame) return remove();
    parked = true;
    panel.style.setProperty('display', 'none', 'important');
    frame.setAttribute(OVERLAY_ATTR, 'sidebar-parked');
    tab.host.remove();
    room.release();
    current = '';
    currentContext = null;
    send({ type: 'crm:park' });
    parkTimer = setTimeout(remove, PARKED_MS);
  }

  function unpark(): void {
    if (parkTimer !== null) clearTimeout(parkTimer);
    parkTimer = null;
    if (!parked) return;
    parked = false;
    // A frame put away while loading would otherwise get its park after the thread it shows now.
    queue = queue.filter((m) => m.type !== 'crm:park');
    frame?.setAttribute(OVERLAY_ATTR, 'sidebar');
    panel?.style.removeProperty('display');
  }

  return {
    /** Shows the sidebar for a thread: a new frame, or the thread handed to the loaded one. */
    show(context: SidebarContextInput): void {
      if (signal.aborted) return;
      theme = context.theme ?? 'light';
      const hash = encodeSidebarContext(context);
      if (!frame || !panel?.isConnected) {
        remove();
        current = hash;
        currentContext = context;
        create(`${opts.sidebarUrl}${hash}`);
        markTiming('crm:sidebar-handed');
        // A new panel takes its room at once, so the page does not show it over the message.
        layout();
      } else {
        const wasParked = parked;
        unpark();
        if (hash !== current) {
          current = hash;
          currentContext = context;
          // A frame not linked yet is handed the newest context when it is.
          handOver(context);
          markTiming('crm:sidebar-handed');
        }
        // Back from being put away, it takes its room at once, as a new panel does.
        if (wasParked) layout();
        else layoutSoon();
      }
      void ready.then(layout);
    },
    /** No thread is open: the panel is put away (and removed after PARKED_MS). */
    hide: park,
    /** Re-applies position and reserved room (after the page re-rendered its containers). */
    refresh(): void {
      if (panel && !parked) layoutSoon();
    },
    get shown(): boolean {
      return panel !== null && !parked;
    },
    /** Unfolds the panel (without changing the remembered choice) and hands a message to the frame. */
    reveal(message: FrameMessageInput, focus: boolean): void {
      if (!panel || !frame || parked) return;
      if (collapsed) void setCollapsed(false, false);
      if (focus) frame.focus();
      send(message);
    },
  };
}

export type SidebarFrame = ReturnType<typeof createSidebarFrame>;
